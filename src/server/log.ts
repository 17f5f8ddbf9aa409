// Structured JSON logs. Credentials never reach them: request lines carry no headers and
// no query string, and in every other line the Authorization header, cookies, passwords,
// codes, keys and tokens are redacted wherever they appear.
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type DestinationStream, type Logger } from 'pino';
import { describePrismaError } from '../db/errors.ts';

const SECRET_FIELDS = ['password', 'current_password', 'password_confirmation', 'code', 'key', 'token', 'confirmation_token', 'secret', 'recovery_codes'];

const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

/** An error as a log line holds it; a database error without the values it may quote. */
const loggedError = (error: unknown) => describePrismaError(error) ?? pino.stdSerializers.err(error as Error);

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  // Standard output, written asynchronously: lines that pile up during a write go out together
  // instead of costing a system call each. pino flushes what is left when the process exits.
  // Should the reader of stdout stall, lines past 8 MiB are dropped rather than let the
  // buffer grow in a heap that `npm start` caps.
  const destination = options.destination ?? pino.destination({ dest: 1, sync: false, maxLength: 8 * 1024 * 1024 });
  return pino({ name: 'panel', level: options.level ?? process.env.LOG_LEVEL ?? 'info', redact: REDACT_PATHS, serializers: { err: loggedError } }, destination);
}

/**
 * One line per request: method, path without the query, status and milliseconds. No
 * headers: they carry the credentials, and redacting them on every line cost more CPU
 * than the rest of the line.
 */
export function requestLogger(log: Logger) {
  // These lines hold only the four fields above, so they skip the redaction pass.
  const access = log.child({}, { redact: [] });
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const started = performance.now();
    // Read now: routers rewrite req.url on the way down.
    const request = { method: req.method, path: (req.url ?? '').split('?')[0] };
    res.once('close', () => {
      const line = {
        req: request,
        res: { statusCode: res.statusCode },
        responseTime: Math.round(performance.now() - started),
      };
      // A 5xx is at error level; its cause is in the 'request failed' line written where it was caught.
      if (!res.writableFinished) access.info(line, 'request aborted');
      else access[res.statusCode >= 500 ? 'error' : 'info'](line, 'request completed');
    });
    next();
  };
}
