// Structured JSON logs. Credentials never reach them: the Authorization header, cookies,
// passwords, codes, keys and tokens are redacted wherever they appear, and logged URLs
// lose their query string.
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type DestinationStream, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

const SECRET_FIELDS = ['password', 'current_password', 'password_confirmation', 'code', 'key', 'token', 'confirmation_token', 'secret', 'recovery_codes'];

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino({ name: 'panel', level: options.level ?? process.env.LOG_LEVEL ?? 'info', redact: REDACT_PATHS }, options.destination);
}

/** One line per request: method, path, status, time, client. */
export function requestLogger(log: Logger) {
  return pinoHttp({
    logger: log,
    serializers: {
      req: (req: IncomingMessage & { raw?: IncomingMessage }) => ({
        method: req.method,
        path: (req.url ?? '').split('?')[0],
        headers: req.headers,
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
  });
}
