// A profile change and its `account:update` entry (SPEC §10), exact when requests change one
// account at once: the entry names each field whose value the change replaced, no more and
// no fewer.
import { foldCase } from '../rules/text.ts';
import { batchedActivity, recordActivity, type Actor } from './activity-log.ts';
import { isRecordNotFound } from './errors.ts';
import type { Db, User } from './index.ts';
import { lockAccountForKeyChange } from './locks.ts';
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

const COLUMNS = {
  username: 'username',
  name_first: 'nameFirst',
  name_last: 'nameLast',
  language: 'language',
  toast_position: 'toastPosition',
  start_on_grouped_servers: 'startOnGroupedServers',
} as const satisfies Record<Field, keyof User>;

const given = (change: ProfileChange) => (Object.keys(change) as Field[]).filter((field) => change[field] !== undefined);

/** The fields whose value in `account` the change replaces, with their new values. */
const replaced = (account: User, change: ProfileChange) =>
  Object.fromEntries(given(change).flatMap((field) => (change[field] === account[COLUMNS[field]] ? [] : [[field, change[field]!]])));

const columnsOf = (change: ProfileChange) => ({
  ...Object.fromEntries(given(change).map((field) => [COLUMNS[field], change[field]])),
  ...(change.username !== undefined && { usernameKey: foldCase(change.username) }),
});

/**
 * Writes `change` to the account `found` (as the request read it) and, when it replaces any
 * value, its entry in the same transaction. The write holds only while the row still has
 * `found`'s values in the given fields, so the entry computed from `found` is exact: a change
 * that replaces nothing is one UPDATE with no transaction, and one that replaces something a
 * batch of the UPDATE and its entry, rolled back when the UPDATE finds no such row. When another
 * request changed one of those fields meanwhile, the change is made again in a transaction
 * under the account's row lock, against the row as it is then. Null when the account is gone.
 */
export async function changeProfile(db: Db, provider: Provider, actor: Actor, found: User, change: ProfileChange): Promise<User | null> {
  const entry = replaced(found, change);
  const where = { id: found.id, ...Object.fromEntries(given(change).map((field) => [COLUMNS[field], found[COLUMNS[field]]])) };
  const data = columnsOf(change);
  if (Object.keys(entry).length === 0) {
    const [unchanged] = await db.user.updateManyAndReturn({ where, data });
    if (unchanged) return unchanged;
  } else {
    try {
      const [row] = await db.$transaction([db.user.update({ where, data }), batchedActivity(db, actor, 'account:update', { changed: entry })]);
      return row;
    } catch (error) {
      if (!isRecordNotFound(error)) throw error;
    }
  }
  return db.$transaction(async (tx) => {
    await lockAccountForKeyChange(tx, provider, found.id);
    const current = await tx.user.findUnique({ where: { id: found.id } });
    if (!current) return null;
    const changed = replaced(current, change);
    const row = await tx.user.update({ where: { id: found.id }, data });
    if (Object.keys(changed).length > 0) await recordActivity(tx, actor, 'account:update', { changed });
    return row;
  });
}
