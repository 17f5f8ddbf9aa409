// Starting and stopping the service: database, keys, background work, HTTP server.
import { createServer, type Server } from 'node:http';
import { isIPv6, type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { forgetOldActivities } from '../db/activity-log.ts';
import { LastUsedWriter } from '../db/last-used.ts';
import { openDatabase } from '../db/index.ts';
import { forgetExpiredCheckpointTokens } from '../db/checkpoint-tokens.ts';
import { pruneSentMail } from '../db/outbox.ts';
import { forgetExpiredResetTokens } from '../db/password-resets.ts';
import { forgetOldAttempts } from '../db/rate-limits.ts';
import { MailSender } from '../mail/sender.ts';
import { openTransport } from '../mail/transport.ts';
import { forgetExpiredCeremonies } from '../db/webauthn.ts';
import { deriveKeys, loadServerSecret } from '../rules/secrets.ts';
import { expiryCutoffs } from '../rules/sessions.ts';
import { createApp } from './app.ts';
import { createLogger } from './log.ts';
import type { Services } from './services.ts';

const CLEANUP_INTERVAL_MS = 10 * 60 * 1000;
const SHUTDOWN_GRACE_MS = 10_000;
/**
 * All of a request's headers together (Node's default, written down because memory and the
 * session cookie's limits rely on it): larger ones answer 431 before any code of ours runs.
 * Bodies are capped in app.ts.
 */
const MAX_HEADER_BYTES = 16 * 1024;
// Sent mail is kept a day, for whoever wonders whether it went out.
const SENT_MAIL_KEPT_MS = 24 * 3600 * 1000;

export interface Running {
  url: string;
  services: Services;
  /** Stops taking requests, lets those in flight finish, writes what is pending. */
  close(): Promise<void>;
}

/** Deletes what can never be used again (expired sessions, keys, checkpoint and reset tokens, old rate-limit hits, sent mail) and activity past its retention. */
export async function cleanUp(services: Services, now = Date.now()) {
  const { db, config } = services;
  const cutoff = expiryCutoffs({ idleSeconds: config.sessionIdleSeconds, maxAgeSeconds: config.sessionMaxAgeSeconds }, now);
  await db.session.deleteMany({ where: { OR: [{ lastUsed: { lte: cutoff.lastUsed } }, { created: { lte: cutoff.created } }] } });
  await db.apiKey.deleteMany({ where: { expires: { lte: new Date(now) } } });
  await forgetExpiredCheckpointTokens(db, new Date(now));
  const longestWindow = Math.max(...Object.values(config.rateLimits).map((limit) => limit.seconds));
  await forgetOldAttempts(db, longestWindow, new Date(now));
  await forgetOldActivities(db, new Date(now - config.activityRetentionDays * 24 * 3600 * 1000));
  await forgetExpiredResetTokens(db, new Date(now));
  await pruneSentMail(db, new Date(now - SENT_MAIL_KEPT_MS));
  await forgetExpiredCeremonies(db, new Date(now));
}

/** Node's own refusals of a request it could not read, in the contract's words. */
const UNREADABLE: Record<string, [status: number, reason: string, message: string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'request headers too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'request timeout'],
};

/**
 * A request Node could not read answers in the contract's shape too, not with Node's bare
 * status line: 431 for headers over the cap, 408 when they never came, 400 for anything else.
 */
function answerUnreadable(error: NodeJS.ErrnoException, socket: Duplex) {
  if (!socket.writable) return socket.destroy();
  const [status, reason, message] = UNREADABLE[error.code ?? ''] ?? [400, 'Bad Request', 'invalid request'];
  const body = JSON.stringify({ errors: [message] });
  socket.end(`HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncache-control: no-store\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}

/** How a URL names the listening address; every interface is reachable as localhost. */
const hostInUrl = (host: string) => (host === '::' || host === '0.0.0.0' ? 'localhost' : isIPv6(host) ? `[${host}]` : host);

export async function startServer(config: Config, options: { log?: Logger } = {}): Promise<Running> {
  const log = options.log ?? createLogger();
  const { db, provider, lookup, close: closeDatabase } = await openDatabase(config.databaseUrl, { poolSize: config.databasePoolSize });
  const keys = deriveKeys(loadServerSecret(config.sessionSecret, config.dataDir));
  const lastUsed = new LastUsedWriter(db, 2000, (err) => log.warn({ err }, 'could not write last-used times; will retry'));
  const mail = new MailSender({ db, provider, config, keys, log, transport: openTransport(config, log) });
  const services: Services = { config, db, lookup, provider, keys, lastUsed, mail, log };
  mail.start();

  const cleanup = setInterval(() => {
    cleanUp(services).catch((err) => log.warn({ err }, 'cleanup failed; will retry'));
  }, CLEANUP_INTERVAL_MS);
  cleanup.unref();

  const app = createApp(services);
  const server: Server = await new Promise((resolve, reject) => {
    const s = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app);
    s.on('clientError', answerUnreadable);
    s.once('error', reject);
    s.listen(config.port, config.host, () => resolve(s));
  });
  server.keepAliveTimeout = 65_000;
  const { port } = server.address() as AddressInfo;
  const url = `http://${hostInUrl(config.host)}:${port}`;
  log.info({ url, database: provider }, 'listening');

  let closing: Promise<void> | undefined;
  return {
    url,
    services,
    close: () =>
      (closing ??= (async () => {
        clearInterval(cleanup);
        await new Promise<void>((resolve) => {
          // Keep-alive connections go idle as their last response is sent: close them as
          // they do, and cut whatever is still open after the grace period.
          const sweep = setInterval(() => server.closeIdleConnections(), 50);
          const deadline = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
          server.close(() => {
            clearInterval(sweep);
            clearTimeout(deadline);
            resolve();
          });
          server.closeIdleConnections();
        });
        await lastUsed.close();
        await mail.close();
        await closeDatabase();
      })()),
  };
}
