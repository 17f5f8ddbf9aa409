// A profile change and its `account:update` entry (SPEC §10), exact when requests change one
// account at once: the entry names each field whose value the change replaced, no more and
// no fewer.
import { foldCase } from '../rules/text.ts';
import { activityInsert, recordActivity, type Actor } from './activity-log.ts';
import { Prisma } from './generated/sqlite/client.ts';
import { writeAtOnce, type Db, type User } from './index.ts';
import { lockAccount } from './locks.ts';
import type { Provider } from './migrate.ts';

/** The profile fields, by the names the API and the entry give them. */
export interface ProfileChange {
  username?: string;
  name_first?: string;
  name_last?: string;
  language?: string;
  toast_position?: string;
  start_on_grouped_servers?: boolean;
}

type Field = keyof ProfileChange;

/** The Prisma field of each; the API's name is also the column's. */
const COLUMNS = {
  username: 'username',
  name_first: 'nameFirst',
  name_last: 'nameLast',
  language: 'language',
  toast_position: 'toastPosition',
  start_on_grouped_servers: 'startOnGroupedServers',
} as const satisfies Record<Field, keyof User>;

const FIELDS = Object.keys(COLUMNS) as Field[];

const given = (change: ProfileChange) => FIELDS.filter((field) => change[field] !== undefined);

/** The fields whose value in `account` the change replaces, with their new values. */
const replaced = (account: User, change: ProfileChange) =>
  Object.fromEntries(given(change).flatMap((field) => (change[field] === account[COLUMNS[field]] ? [] : [[field, change[field]!]])));

/** The columns the change writes, by their names in the database (the API's, and the username's key). */
const columnsOf = (change: ProfileChange): [string, unknown][] => [
  ...given(change).map((field): [string, unknown] => [field, change[field]]),
  ...(change.username !== undefined ? [['username_key', foldCase(change.username)] as [string, unknown]] : []),
];

/** The change's `"column" = value` list, as SQL; the columns are the constant names above, never a request's keys. */
const assignments = (change: ProfileChange) =>
  Prisma.join(
    columnsOf(change).map(([column, value]) => Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value}`),
    ', ',
  );

/**
 * The rows for which the entry `found` gives is exact: each given field holds its new value
 * where `found` held it and differs from it where `found` did. A request that changed the
 * account since it was read leaves this true unless it set, or undid, one of these same values.
 * Which it is goes in as a value, so the SQL text depends only on the fields given: one text
 * for each set of fields, each prepared once (src/db/postgres-statements.ts), whatever values
 * clients send.
 */
const asFound = (found: User, change: ProfileChange) =>
  Prisma.join(
    [
      Prisma.sql`"id" = ${found.id}`,
      ...given(change).map((field) => Prisma.sql`(${Prisma.raw(`"${field}"`)} = ${change[field]}) = ${change[field] === found[COLUMNS[field]]}`),
    ],
    ' AND ',
  );

/** Every column of the account's row, under the name Prisma gives it. */
const USER_COLUMNS = Object.entries({
  id: 'id',
  username: 'username',
  usernameKey: 'username_key',
  email: 'email',
  emailKey: 'email_key',
  nameFirst: 'name_first',
  nameLast: 'name_last',
  passwordHash: 'password_hash',
  admin: 'admin',
  roleId: 'role_id',
  language: 'language',
  toastPosition: 'toast_position',
  startOnGroupedServers: 'start_on_grouped_servers',
  totpEnabled: 'totp_enabled',
  totpSecret: 'totp_secret',
  totpLastStep: 'totp_last_step',
  totpLastUsed: 'totp_last_used',
  created: 'created',
} satisfies Record<keyof User, string>);

/** The account's row as `RETURNING` hands it back, and the names it then has. */
const ROW = Prisma.raw(USER_COLUMNS.map(([field, column]) => `"${column}" AS "${field}"`).join(', '));
const ROW_FIELDS = Prisma.raw(USER_COLUMNS.map(([field]) => `"${field}"`).join(', '));

/** The UPDATE of the change on the row that meets `condition`, handing the row back. */
const updateWhere = (condition: Prisma.Sql, change: ProfileChange) =>
  Prisma.sql`UPDATE "users" SET ${assignments(change)} WHERE ${condition} RETURNING ${ROW}`;

/**
 * Writes the change, and `entry` with it when it names a field, while the row is as `asFound`
 * requires: the account then, or null when it is not (or is gone). PostgreSQL runs it as one
 * statement, whose UPDATE checks the condition again on the row's newest values once a
 * concurrent change of the row commits, and so holds the row only while the statement runs.
 * SQLite has no UPDATE in a WITH, so it is one transaction run within one tick (`writeAtOnce`)
 * whose INSERT runs only when the UPDATE changed the row (`changes()` is the connection's last
 * statement's); through Prisma's queries and transactions the same writes cost three to six
 * times the CPU (bench/RESULTS.md).
 */
async function changeAsFound(db: Db, provider: Provider, actor: Actor, found: User, change: ProfileChange, entry: Record<string, string | boolean>) {
  const update = updateWhere(asFound(found, change), change);
  if (Object.keys(entry).length === 0) return (await db.$queryRaw<User[]>(update))[0] ?? null;
  const insert = activityInsert(actor, 'account:update', { changed: entry });
  const [row] =
    provider === 'sqlite'
      ? ((await writeAtOnce(db, [update, Prisma.sql`${insert} WHERE changes() = 1`]))[0] as User[])
      : await db.$queryRaw<User[]>`WITH "changed" AS (${update}), "entry" AS (${insert} FROM "changed") SELECT ${ROW_FIELDS} FROM "changed"`;
  return row ?? null;
}

/**
 * PostgreSQL, when the row is no longer as `asFound` requires: the change and its entry in one
 * statement, the entry computed from the row as the statement's lock finds it (the subquery's
 * row lock, which waits for any other change of the row and then reads its newest values). The
 * row stays locked only while the statement runs, however many requests change the account at
 * once. The lock is the UPDATE's own: the one that lets foreign-key checks through (sign-ins
 * inserting sessions and entries) unless the change gives the username, a unique key, which may
 * change: then it takes the full lock from the start rather than raising it later. The account
 * then, or null when it is gone.
 */
async function changeUnderLock(db: Db, actor: Actor, userId: string, change: ProfileChange) {
  const fields = given(change);
  const was = (field: Field) => `"was_${field}"`;
  const replaced = Prisma.raw(
    `jsonb_strip_nulls(jsonb_build_object(${fields.map((field) => `'${field}', CASE WHEN ${was(field)} IS DISTINCT FROM "${field}" THEN "${field}" END`).join(', ')}))`,
  );
  const locked = Prisma.raw(['"id" AS "was_id"', ...fields.map((field) => `"${field}" AS ${was(field)}`)].join(', '));
  const lock = Prisma.raw(change.username === undefined ? 'FOR NO KEY UPDATE' : 'FOR UPDATE');
  const insert = activityInsert(actor, 'account:update', Prisma.sql`jsonb_build_object('changed', "replaced")`);
  const [row] = await db.$queryRaw<User[]>`
    WITH "changed" AS (
      UPDATE "users" SET ${assignments(change)}
      FROM (SELECT ${locked} FROM "users" WHERE "id" = ${userId} ${lock}) AS "locked"
      WHERE "id" = ${userId} AND "was_id" = "id"
      RETURNING ${ROW}, ${replaced} AS "replaced"),
    "entry" AS (${insert} FROM "changed" WHERE "replaced" <> '{}')
    SELECT ${ROW_FIELDS} FROM "changed"`;
  return row ?? null;
}

/**
 * Writes `change` to the account `found` (as the request read it) and, when it replaces any
 * value, its entry with it, exact however many requests change the account at once. It is
 * written at once while each given field still differs from its new value exactly where it
 * did in `found`, as it nearly always does. Otherwise another request set or undid one of
 * these values in between, and the change is made again against the row as it then is, under
 * the row's lock: PostgreSQL in one statement, SQLite in a transaction. Tried again without the
 * lock, it could find the row changed once more while many requests change one account.
 * Null when the account is gone.
 */
export async function changeProfile(db: Db, provider: Provider, actor: Actor, found: User, change: ProfileChange): Promise<User | null> {
  // A PATCH may give no field at all: there is nothing to write, and the account is as it is.
  if (given(change).length === 0) return db.user.findUnique({ where: { id: found.id } });
  const written = await changeAsFound(db, provider, actor, found, change, replaced(found, change));
  if (written) return written;
  if (provider === 'postgresql') return changeUnderLock(db, actor, found.id, change);
  return db.$transaction(async (tx) => {
    await lockAccount(tx, found.id);
    const current = await tx.user.findUnique({ where: { id: found.id } });
    if (!current) return null;
    const changed = replaced(current, change);
    const [row] = await tx.$queryRaw<User[]>(updateWhere(Prisma.sql`"id" = ${found.id}`, change));
    if (Object.keys(changed).length > 0) await recordActivity(tx, actor, 'account:update', { changed });
    return row!;
  });
}
