// The account's activity log (SPEC §10). Each entry is written by the code that makes the
// change, through the same transaction client or in the same statement, so a change and its
// entry commit or roll back together. A failed sign-in changes nothing and is written on its own.
import { randomFillSync } from 'node:crypto';
import { v7 as timeOrderedUuid } from 'uuid';
import { Prisma } from './generated/sqlite/client.ts';
import type { Db, DbClient, TransactionClient } from './index.ts';

export type SignInMethod = 'password' | 'two_factor' | 'recovery_code' | 'security_key';

type Nothing = Record<string, never>;
type KeyEntry = { uuid: string; identifier: string; name: string };
type SshKeyEntry = { uuid: string; fingerprint: string; name: string };
type SecurityKeyEntry = { uuid: string; name: string };

/** Every event and the data it carries. None of it may hold a password, key, code, token or secret. */
export interface ActivityEvents {
  'auth:success': { method: SignInMethod };
  'auth:failure': { method: SignInMethod; reason: 'password' | 'code' | 'security_key' | 'ratelimited' };
  'account:update': { changed: Record<string, string | boolean> };
  'account:email-changed': { old: string; new: string };
  'account:password-changed': Nothing;
  'account:password-reset': Nothing;
  'account:two-factor.enable': Nothing;
  'account:two-factor.disable': Nothing;
  'account:recovery-codes.regenerate': Nothing;
  'api-key:create': KeyEntry;
  'api-key:update': KeyEntry;
  'api-key:recreate': KeyEntry;
  'api-key:delete': KeyEntry;
  'ssh-key:create': SshKeyEntry;
  'ssh-key:update': SshKeyEntry;
  'ssh-key:delete': SshKeyEntry;
  'security-key:create': SecurityKeyEntry;
  'security-key:update': SecurityKeyEntry;
  'security-key:delete': SecurityKeyEntry;
  'session:delete': { uuid: string };
  'session:delete-all': { deleted: number };
}

export type ActivityEvent = keyof ActivityEvents;

/** Whose account, from which address and browser, and through which API key, if any. */
export interface Actor {
  userId: string;
  ip: string;
  userAgent: string;
  apiKey: { id: string; name: string; keyStart: string } | null;
}

/**
 * A transaction's client, never the database itself (which has `$connect`): an entry is written
 * in the transaction of the change it describes.
 */
type InTransaction = TransactionClient & { $connect?: never };

/**
 * The random part of entries' ids, drawn 4 KB at a time: one call for 256 ids, where `uuid`
 * draws 16 bytes through Web Crypto for each, about 5 us an id (15 under load).
 */
const randomBytes = Buffer.alloc(4096);
let randomBytesUsed = randomBytes.length;

function sixteenRandomBytes() {
  if (randomBytesUsed === randomBytes.length) {
    randomFillSync(randomBytes);
    randomBytesUsed = 0;
  }
  return randomBytes.subarray(randomBytesUsed, (randomBytesUsed += 16));
}

/** An entry's row but for its data. */
const entryRow = (actor: Actor, event: ActivityEvent, at: Date) => ({
  // In time order (UUIDv7), a new entry's key goes to the end of the primary-key index, whose
  // pages there are in memory, not to a random page of an index of millions of entries. Its time
  // is the entry's own, so ids sort as the page does: by time, then by id.
  id: timeOrderedUuid({ msecs: at.getTime(), random: sixteenRandomBytes() }),
  userId: actor.userId,
  event,
  ip: actor.ip,
  userAgent: actor.userAgent,
  apiKeyId: actor.apiKey?.id ?? null,
  apiKeyName: actor.apiKey?.name ?? null,
  apiKeyStart: actor.apiKey?.keyStart ?? null,
  created: at,
});

const entry = <E extends ActivityEvent>(actor: Actor, event: E, data: ActivityEvents[E], at: Date) => ({ ...entryRow(actor, event, at), data });

const insert = (client: DbClient, row: ReturnType<typeof entry>) => client.activity.create({ data: row, select: { id: true } });

/**
 * Writes one entry in the caller's transaction. Its account's counter is kept by the database
 * (triggers on `activities`, in the migrations) within the same transaction.
 */
export async function recordActivity<E extends ActivityEvent>(tx: InTransaction, actor: Actor, event: E, data: ActivityEvents[E], at = new Date()) {
  await insert(tx, entry(actor, event, data, at));
}

/**
 * The entry as `INSERT ... SELECT` for SQL written by hand, to be completed with the FROM or
 * WHERE that makes it part of its change (src/db/profile.ts). Both databases store the values
 * as Prisma's own writes do: the drivers' adapters convert them alike, and PostgreSQL takes
 * the JSON text and the time by the columns' types. The data may instead be an SQL expression
 * the statement computes (a PostgreSQL `jsonb`), for an entry that depends on the row as the
 * statement finds it.
 */
export function activityInsert<E extends ActivityEvent>(actor: Actor, event: E, data: ActivityEvents[E] | Prisma.Sql): Prisma.Sql {
  const row = entryRow(actor, event, new Date());
  const value = data instanceof Prisma.Sql ? data : JSON.stringify(data);
  return Prisma.sql`INSERT INTO "activities" ("id", "user_id", "event", "ip", "user_agent", "api_key_id", "api_key_name", "api_key_start", "data", "created")
    SELECT ${row.id}, ${row.userId}, ${row.event}, ${row.ip}, ${row.userAgent}, ${row.apiKeyId}, ${row.apiKeyName}, ${row.apiKeyStart}, ${value}, ${row.created}`;
}

/** A failed sign-in changes nothing: its entry (and count) commit on their own. */
export const recordSignInFailure = async (db: Db, actor: Actor, data: ActivityEvents['auth:failure']) => {
  await insert(db, entry(actor, 'auth:failure', data, new Date()));
};

/** A search counts its matches up to here: past it, `total` says at least this many. */
export const SEARCH_COUNT_LIMIT = 10_000;

/**
 * Event names and addresses are written in these characters only (addresses lower-cased). A
 * search holding any other character (among them LIKE's `%` and `_`) matches nothing, and one
 * made of them alone is a literal prefix for LIKE on both databases.
 */
const SEARCHABLE = /^[a-z0-9.:-]+$/;

/**
 * One page of an account's activity, newest first, and how many entries there are: the
 * account's counter without a search (a million rows are not counted per page), the matches
 * up to SEARCH_COUNT_LIMIT with one. `search` is a prefix of the event name or the address.
 */
export async function activityPage(db: Db, userId: string, page: { page: number; perPage: number; search?: string }) {
  const term = page.search?.toLowerCase();
  if (term !== undefined && !SEARCHABLE.test(term)) return { total: 0, rows: [] };
  const where = { userId, ...(term !== undefined && { OR: [{ event: { startsWith: term } }, { ip: { startsWith: term } }] }) };
  const [total, rows] = await Promise.all([
    term === undefined
      ? db.activityCount.findUnique({ where: { userId } }).then((counter) => counter?.count ?? 0)
      : db.activity.count({ where, take: SEARCH_COUNT_LIMIT }),
    db.activity.findMany({ where, orderBy: [{ created: 'desc' }, { id: 'desc' }], skip: (page.page - 1) * page.perPage, take: page.perPage }),
  ]);
  return { total, rows };
}

/**
 * Deletes entries made before `before`, oldest first, `batchSize` at a time (each batch one
 * statement, which the database's trigger takes off the counters), so that a large backlog
 * never holds the database for long.
 */
export async function forgetOldActivities(db: Db, before: Date, batchSize = 1000) {
  for (;;) {
    const batch = await db.activity.findMany({ where: { created: { lt: before } }, orderBy: { created: 'asc' }, take: batchSize, select: { id: true } });
    if (batch.length === 0) return;
    await db.activity.deleteMany({ where: { id: { in: batch.map(({ id }) => id) } } });
    if (batch.length < batchSize) return;
  }
}
