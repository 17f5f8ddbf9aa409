// The one door to the database: opens SQLite (embedded, the default) or PostgreSQL
// from DATABASE_URL, applies the committed migrations, and hands out a Prisma client
// and the authentication reads that go to the driver directly.
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { postgresAuthLookup, sqliteAuthLookup, type AuthLookup } from './auth-lookup.ts';
import { PrismaClient as SqliteClient } from './generated/sqlite/client.ts';
import { applyMigrations, migrationNames, type Provider } from './migrate.ts';
import { escapeLike, likeMatches } from '../rules/text.ts';
import { LOCK_WAIT_MS, waitingForLocks, type AtOnceIfConnected } from './sqlite-locks.ts';
import { statementNames } from './postgres-statements.ts';
import { keepStatements } from './sqlite-statements.ts';

import type { Prisma, Role, User } from './generated/sqlite/client.ts';

export type { Activity, ApiKey, Role, SecurityKey, Session, SshKey, User, WebauthnChallenge } from './generated/sqlite/client.ts';

/** An account with its role, as authentication reads it. */
export type Account = User & { role: Role | null };

/**
 * Both generated clients have the same models and methods; the SQLite one's type
 * stands for both so that nothing above this module knows which database it has.
 */
export type Db = InstanceType<typeof SqliteClient>;

/** The client or a transaction's client: what code that may run inside a transaction takes. */
export type TransactionClient = Prisma.TransactionClient;
export type DbClient = Db | TransactionClient;

export interface Database {
  db: Db;
  provider: Provider;
  /** The authentication reads, beside Prisma on the same database. */
  lookup: AuthLookup;
  close(): Promise<void>;
}

/**
 * Prisma's errors without the caller's code frame. Any other format makes Prisma capture a
 * stack trace for every query, in case it fails, to point at the line that sent it: about a
 * tenth of Prisma's own CPU time on a list read. Errors reach the API as the contract's
 * messages (src/server/error-mapping.ts) and the log keeps Prisma's reason (src/db/errors.ts).
 */
const ERROR_FORMAT = 'minimal';

export const providerOf = (url: string): Provider => (url.startsWith('file:') ? 'sqlite' : 'postgresql');

/** The SQLite file a `file:` URL names, resolved against the working directory. */
export const sqlitePath = (url: string) => resolve(url.slice('file:'.length).replace(/^\/\/(?=\/)/, ''));

/**
 * PostgreSQL connections in the pool when DATABASE_POOL_SIZE is not set: twice the CPUs Node
 * sees and one (Prisma's own default before driver adapters counted physical cores), at most
 * 20. Past the cores that can run them, more connections only move the queue from the pool into
 * PostgreSQL, where inserts into the same newest pages of a table and its indexes wait for each
 * other's locks while holding the cores (bench/RESULTS.md). The cap keeps a container on a large
 * host, whose CPUs Node counts past its quota, from opening a hundred connections.
 */
export const defaultPoolSize = () => Math.min(2 * availableParallelism() + 1, 20);

export async function openDatabase(url: string, options: { migrate?: boolean; poolSize?: number } = {}): Promise<Database> {
  const provider = providerOf(url);
  let db: Db;
  let lookup: AuthLookup;
  let endPool = async () => {};
  if (provider === 'sqlite') {
    const file = sqlitePath(url);
    mkdirSync(dirname(file), { recursive: true });
    // No busy timeout: better-sqlite3 would wait for a lock synchronously, stalling every
    // request; writes wait asynchronously instead (sqlite-locks.ts).
    const adapter = waitingForLocks(new PanelSqlite({ url: file, timeout: 0 }));
    // Prisma's own wait to start a transaction must outlast the wait for the lock.
    db = new SqliteClient({ adapter, errorFormat: ERROR_FORMAT, transactionOptions: { maxWait: 2 * LOCK_WAIT_MS } });
    writersAtOnce.set(db, adapter.atOnce);
    if (options.migrate !== false && (await pendingMigrations(db, provider))) await applyMigrations(adapter, provider);
    // WAL lets readers go on while one writer commits. Under WAL, NORMAL syncs the log only when
    // it is copied into the database file: a power loss may roll back the last commits that the
    // system had not yet written out, and never corrupts the file.
    await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
    // The commit that takes the log past this many pages copies them into the database file and
    // syncs both, on the event loop: past SQLite's default of 1,000, several times a second under
    // the benchmark's profile changes. Past 10,000 (a log of about 40 MB) it happens a tenth as
    // often; each time it copies each page the log holds once, however often it was written.
    await db.$queryRawUnsafe('PRAGMA wal_autocheckpoint = 10000');
    // A log that grew past that while an outside reader (a backup, Studio) held a snapshot is cut
    // back to this size once it starts over, rather than keep its largest size on disk.
    await db.$queryRawUnsafe(`PRAGMA journal_size_limit = ${64 * 1024 * 1024}`);
    await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
    lookup = sqliteAuthLookup(file);
  } else {
    // PostgreSQL's driver, adapter and client load only when they are used: a panel on SQLite
    // would keep them resident for nothing (about 3 MB of heap).
    const [{ default: pg }, { PrismaPg }, { PrismaClient: PostgresClient }] = await Promise.all([
      import('pg'),
      import('@prisma/adapter-pg'),
      import('./generated/postgresql/client.ts'),
    ]);
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? defaultPoolSize() });
    // An idle connection the server dropped is reported here; the next query reports it to its caller.
    pool.on('error', () => {});
    const adapter = new PrismaPg(pool, { statementNameGenerator: statementNames() });
    db = new PostgresClient({ adapter, errorFormat: ERROR_FORMAT }) as unknown as Db;
    if (options.migrate !== false && (await pendingMigrations(db, provider))) await applyMigrations(adapter, provider);
    lookup = postgresAuthLookup(url, pg);
    // Prisma leaves a pool it was handed open.
    endPool = () => pool.end();
  }
  return {
    db,
    provider,
    lookup,
    // The read connection closes first, so that SQLite's last connection (Prisma's, which may
    // write) checkpoints the write-ahead log and removes it.
    close: async () => {
      await lookup.close();
      await db.$disconnect();
      await endPool();
    },
  };
}

/** The runner of SQLite statements at once (sqlite-locks.ts) beside each SQLite client. */
const writersAtOnce = new WeakMap<Db, AtOnceIfConnected>();

/**
 * Runs the statements in one transaction within one tick on SQLite's connection, beside
 * Prisma: for a hot write, Prisma's transactions cost more than the statements themselves.
 * The rows each statement hands back, decoded as Prisma decodes them.
 */
export async function writeAtOnce(db: Db, statements: Prisma.Sql[]) {
  const atOnce = writersAtOnce.get(db)!;
  const ran = atOnce(statements);
  if (ran) return ran;
  // Closed by $disconnect: Prisma connects again at its next query, and so does this.
  await db.$connect();
  return atOnce(statements)!;
}

/**
 * Whether a committed migration is not yet applied. Asking `_prisma_migrations` directly
 * spares the schema engine (and its locks) on every start but the ones that change something.
 */
async function pendingMigrations(db: Db, provider: Provider): Promise<boolean> {
  try {
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    return migrationNames(provider).some((name) => !applied.has(name));
  } catch {
    return true; // no migrations table yet: a new database
  }
}

/**
 * SQLite's connection as the panel uses it. Its statements are kept for reuse
 * (sqlite-statements.ts). LIKE takes `\` as its escape character, as PostgreSQL's does, so
 * that one escaped pattern matches literally on both: Prisma writes `LIKE ?` with no ESCAPE
 * clause, and SQLite has no default escape character; it lets a connection replace its like()
 * function instead. The adapter keeps its connection as `client`.
 */
class PanelSqlite extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    const connection = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    keepStatements(connection);
    connection.function('like', { deterministic: true }, (pattern: unknown, value: unknown) =>
      pattern === null || value === null ? null : Number(likeMatches(String(pattern), String(value))),
    );
    return adapter;
  }
}

/**
 * A case-insensitive "contains" filter that matches the term literally: `%` and `_` in a
 * search are characters, not wildcards. PostgreSQL needs case-insensitivity asked for,
 * SQLite's LIKE already is.
 */
export const containsText = (provider: Provider, term: string) =>
  provider === 'postgresql' ? { contains: escapeLike(term), mode: 'insensitive' as const } : { contains: escapeLike(term) };

/** Lists are JSON columns (both providers); this reads one back as strings. */
export const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
