// Row locks that make a check-then-write exact under concurrent requests.
import type { Db } from './index.ts';

/** A transaction's client, as `db.$transaction(async (tx) => ...)` hands it over. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * Takes the write lock of the account's row for the rest of the transaction: concurrent
 * transactions on the same account queue behind it, so a count read afterwards (keys,
 * SSH keys, security keys against their limit) stays true until the commit.
 */
export async function lockAccount(tx: Tx, userId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "users" SET "id" = "id" WHERE "id" = ${userId}`;
}
