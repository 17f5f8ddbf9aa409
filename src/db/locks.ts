// Row locks that make a check-then-write exact under concurrent requests.
import type { DbClient } from './index.ts';

/**
 * Takes the write lock of the account's row for the rest of the transaction: concurrent
 * transactions on the same account queue behind it, so a count read afterwards (keys,
 * SSH keys, security keys against their limit) stays true until the commit.
 */
export async function lockAccount(tx: DbClient, userId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "users" SET "id" = "id" WHERE "id" = ${userId}`;
}
