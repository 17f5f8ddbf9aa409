// Row locks that make a check-then-write exact under concurrent requests.
import type { DbClient } from './index.ts';
import type { Provider } from './migrate.ts';

/**
 * Takes the write lock of the account's row for the rest of the transaction: concurrent
 * transactions on the same account queue behind it, so a count read afterwards (keys,
 * SSH keys, security keys against their limit) stays true until the commit.
 */
export async function lockAccount(tx: DbClient, userId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "users" SET "id" = "id" WHERE "id" = ${userId}`;
}

/**
 * Takes the account's row lock strong enough for a change of its username (a unique key).
 * On PostgreSQL `lockAccount` takes the weaker lock that lets foreign-key checks through, and
 * raising it later waits for a sign-in whose insert holds such a check while that sign-in waits
 * for this transaction's lock: a deadlock. SQLite has one writer, and `lockAccount` suffices.
 */
export async function lockAccountForKeyChange(tx: DbClient, provider: Provider, userId: string): Promise<void> {
  if (provider === 'postgresql') await tx.$queryRaw`SELECT "id" FROM "users" WHERE "id" = ${userId} FOR UPDATE`;
  else await lockAccount(tx, userId);
}
