// Sliding-window rate limits kept in the database, so every instance shares them.
import { randomUUID } from 'node:crypto';
import type { Db } from './index.ts';
import { AppError } from '../errors.ts';
import { addressBucket } from '../rules/ip-ranges.ts';

export interface Limit {
  count: number;
  seconds: number;
}

/**
 * Counts one attempt in `bucket`, or throws 429 when the window is full. The attempt
 * is written first and ranked after, so parallel attempts cannot exceed the limit;
 * a refused attempt is taken back so that hammering does not extend the wait.
 * Answers the id of the counted attempt.
 */
export async function takeAttempt(db: Db, bucket: string, limit: Limit, now = new Date()): Promise<string> {
  const since = new Date(now.getTime() - limit.seconds * 1000);
  const id = randomUUID();
  await db.rateLimitHit.create({ data: { id, bucket, at: now } });
  const hits = await db.rateLimitHit.findMany({
    where: { bucket, at: { gt: since } },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    select: { id: true, at: true },
    take: limit.count,
  });
  // The first `count` attempts of the window pass, by their place in it, not by how many each
  // saw: parallel attempts that all see a full window would otherwise all be refused, none
  // counted, and the window never fill.
  if (hits.slice(0, limit.count).some((hit) => hit.id === id)) return id;
  await db.rateLimitHit.deleteMany({ where: { id } });
  const oldest = hits[0]!.at.getTime();
  const retry = Math.max(1, Math.ceil((oldest + limit.seconds * 1000 - now.getTime()) / 1000));
  throw new AppError(429, `you are ratelimited, retry in ${retry}s`, { 'Retry-After': String(retry) });
}

/** Counts one attempt of `action` from a client address (an IPv6 client counts per /64). */
export const takeAddressAttempt = (db: Db, action: string, address: string, limit: Limit) =>
  takeAttempt(db, `${action}:${addressBucket(address)}`, limit);

export interface AccountAttempt {
  /** The attempt succeeded: its place in the account's failure budget is given back. */
  succeeded(): Promise<void>;
}

/**
 * Takes a place in the account's budget of failed sign-in attempts (SPEC §9: wrong passwords,
 * wrong checkpoint codes, failed security-key assertions, wrong re-entered passwords), counted
 * over every address and every instance; throws 429 when the budget is spent, whatever the
 * attempt would have been. The place is taken before the attempt is checked, so that parallel
 * guesses cannot overrun the budget; an attempt that succeeds gives it back. `account` is the
 * account's id (or, at sign-in, a name that matches none).
 */
export async function startAccountAttempt(db: Db, account: string, limit: Limit): Promise<AccountAttempt> {
  const id = await takeAttempt(db, `account-failures:${account}`, limit);
  return {
    succeeded: async () => {
      await db.rateLimitHit.deleteMany({ where: { id } });
    },
  };
}

export async function forgetOldAttempts(db: Db, olderThanSeconds: number, now = new Date()) {
  await db.rateLimitHit.deleteMany({ where: { at: { lt: new Date(now.getTime() - olderThanSeconds * 1000) } } });
}
