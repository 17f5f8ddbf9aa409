// Password-reset tokens (SPEC §12): only a digest is stored, one per account, so a newer
// token replaces (voids) the older one; a token is spent by deleting its row.
import { sha256 } from '../rules/tokens.ts';
import type { DbClient } from './index.ts';

/** Stores `token` (its digest) for `userId`, valid `ttlSeconds`; the account's previous token stops working. */
export async function storeResetToken(db: DbClient, userId: string, token: string, ttlSeconds: number, now = new Date()) {
  const tokenHash = sha256(token);
  const expires = new Date(now.getTime() + ttlSeconds * 1000);
  await db.passwordReset.upsert({ where: { userId }, create: { userId, tokenHash, expires }, update: { tokenHash, expires } });
}

/** Whether `token` is live now: a read, to refuse a dead token before the cost of hashing a password. */
export async function isLiveResetToken(db: DbClient, token: string, now = new Date()): Promise<boolean> {
  return (await db.passwordReset.count({ where: { tokenHash: sha256(token), expires: { gt: now } } })) === 1;
}

/**
 * Spends `token`: the id of its account, or undefined when it is unknown, spent or expired.
 * The delete is the check, so of two requests with one token exactly one gets the account.
 */
export async function spendResetToken(tx: DbClient, token: string, now = new Date()): Promise<string | undefined> {
  const tokenHash = sha256(token);
  const row = await tx.passwordReset.findUnique({ where: { tokenHash }, select: { userId: true } });
  if (!row) return undefined;
  const spent = await tx.passwordReset.deleteMany({ where: { userId: row.userId, tokenHash, expires: { gt: now } } });
  return spent.count === 1 ? row.userId : undefined;
}

export async function forgetExpiredResetTokens(db: DbClient, now = new Date()) {
  await db.passwordReset.deleteMany({ where: { expires: { lte: now } } });
}
