// The token that carries a half-finished sign-in from the password to the second factor
// (SPEC §6, §9). It lives in the database, so that on every instance it is single-use,
// takes at most a few codes, and dies with a password or two-factor change of its account.
import { randomSecret, sha256 } from '../rules/tokens.ts';
import type { Db, DbClient } from './index.ts';

const TTL_SECONDS = 300;
/** Wrong codes a token takes; the next try with it is refused whatever the code. */
export const CHECKPOINT_MAX_TRIES = 5;

type Writer = Pick<Db, 'checkpointToken'>;

export async function issueCheckpointToken(db: Db, userId: string, now = new Date()): Promise<string> {
  const token = randomSecret();
  await db.checkpointToken.create({ data: { id: sha256(token), userId, expires: new Date(now.getTime() + TTL_SECONDS * 1000) } });
  return token;
}

/**
 * Takes one try of a live token, counted before its code is checked, so that parallel
 * guesses cannot exceed the tries. Answers the token's row id and account, with `taken`
 * false when the token is expired or out of tries (its account is still known, and the
 * refused try is a failed sign-in of it), or undefined for a token that is unknown or used.
 */
export async function takeCheckpointTry(db: Db, token: string, now = new Date()): Promise<{ id: string; userId: string; taken: boolean } | undefined> {
  const id = sha256(token);
  const found = await db.checkpointToken.findUnique({ where: { id }, select: { userId: true } });
  if (!found) return undefined;
  const taken = await db.checkpointToken.updateMany({
    where: { id, expires: { gt: now }, tries: { lt: CHECKPOINT_MAX_TRIES } },
    data: { tries: { increment: 1 } },
  });
  return { id, userId: found.userId, taken: taken.count === 1 };
}

/** Uses the token up; false when a parallel request (or a change of the account) got there first. */
export async function useCheckpointToken(db: DbClient, id: string): Promise<boolean> {
  return (await db.checkpointToken.deleteMany({ where: { id } })).count === 1;
}

/** Voids every pending sign-in of the account: its password or second factor just changed. */
export async function voidCheckpointTokens(db: Writer, userId: string) {
  await db.checkpointToken.deleteMany({ where: { userId } });
}

export async function forgetExpiredCheckpointTokens(db: Db, now = new Date()) {
  await db.checkpointToken.deleteMany({ where: { expires: { lte: now } } });
}
