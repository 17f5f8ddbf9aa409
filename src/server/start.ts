// Starting and stopping the service: database, keys, background work, HTTP server.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { LastUsedWriter } from '../db/last-used.ts';
import { openDatabase } from '../db/index.ts';
import { forgetOldAttempts } from '../db/rate-limits.ts';
import { forgetExpiredCeremonies } from '../db/webauthn.ts';
import { deriveKeys, loadServerSecret } from '../rules/secrets.ts';
import { expiryCutoffs } from '../rules/sessions.ts';
import { createApp } from './app.ts';
import { createLogger } from './log.ts';
import type { Services } from './services.ts';

const CLEANUP_INTERVAL_MS = 10 * 60 * 1000;
const SHUTDOWN_GRACE_MS = 10_000;

export interface Running {
  url: string;
  services: Services;
  /** Stops taking requests, lets those in flight finish, writes what is pending. */
  close(): Promise<void>;
}

/** Deletes what can never be used again: expired sessions, expired keys, old rate-limit hits. */
export async function cleanUp(services: Services, now = Date.now()) {
  const { db, config } = services;
  const cutoff = expiryCutoffs({ idleSeconds: config.sessionIdleSeconds, maxAgeSeconds: config.sessionMaxAgeSeconds }, now);
  await db.session.deleteMany({ where: { OR: [{ lastUsed: { lte: cutoff.lastUsed } }, { created: { lte: cutoff.created } }] } });
  await db.apiKey.deleteMany({ where: { expires: { lte: new Date(now) } } });
  const longestWindow = Math.max(config.rateLimits.login.seconds, config.rateLimits.checkpoint.seconds);
  await forgetOldAttempts(db, longestWindow, new Date(now));
  await forgetExpiredCeremonies(db, new Date(now));
}

export async function startServer(config: Config, options: { host?: string; log?: Logger } = {}): Promise<Running> {
  const log = options.log ?? createLogger();
  const { db, provider, lookup, close: closeDatabase } = await openDatabase(config.databaseUrl);
  const keys = deriveKeys(loadServerSecret(config.sessionSecret, config.dataDir));
  const lastUsed = new LastUsedWriter(db, 2000, (err) => log.warn({ err }, 'could not write last-used times; will retry'));
  const services: Services = { config, db, lookup, provider, keys, lastUsed, log };

  const cleanup = setInterval(() => {
    cleanUp(services).catch((err) => log.warn({ err }, 'cleanup failed; will retry'));
  }, CLEANUP_INTERVAL_MS);
  cleanup.unref();

  const app = createApp(services);
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, options.host ?? '::', (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  server.keepAliveTimeout = 65_000;
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host && options.host !== '::' ? options.host : 'localhost'}:${port}`;
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
        await closeDatabase();
      })()),
  };
}
