// What every request handler may use, built once at start.
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { LastUsedWriter } from '../db/last-used.ts';
import type { AuthLookup } from '../db/auth-lookup.ts';
import type { Db } from '../db/index.ts';
import type { Provider } from '../db/migrate.ts';
import type { MailSender } from '../mail/sender.ts';
import type { Keys } from '../rules/secrets.ts';

export interface Services {
  config: Config;
  db: Db;
  lookup: AuthLookup;
  provider: Provider;
  keys: Keys;
  lastUsed: LastUsedWriter;
  /** Delivers the mail outbox; woken after each mutation. */
  mail: MailSender;
  log: Logger;
}
