// Sliding-window rate limits kept in the database, so every instance shares them.
import { randomUUID } from 'node:crypto';
import type { Db } from './index.ts';
import { AppError } from '../errors.ts';

export interface Limit {
  count: number;
  seconds: number;
}

/**
 * Counts one attempt in `bucket`, or throws 429 when the window is full. The attempt
 * is written first and counted after, so parallel attempts can never exceed the limit;
 * a refused attempt is taken back so that hammering does not extend the wait.
 */
export async function takeAttempt(db: Db, bucket: string, limit: Limit, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - limit.seconds * 1000);
  const id = randomUUID();
  await db.rateLimitHit.create({ data: { id, bucket, at: now } });
  const hits = await db.rateLimitHit.findMany({
    where: { bucket, at: { gt: since } },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    select: { id: true, at: true },
    take: limit.count + 1,
  });
  if (hits.length <= limit.count) return;
  await db.rateLimitHit.deleteMany({ where: { id } });
  const oldest = hits[0]!.at.getTime();
  const retry = Math.max(1, Math.ceil((oldest + limit.seconds * 1000 - now.getTime()) / 1000));
  throw new AppError(429, `you are ratelimited, retry in ${retry}s`, { 'Retry-After': String(retry) });
}

export async function forgetOldAttempts(db: Db, olderThanSeconds: number, now = new Date()) {
  await db.rateLimitHit.deleteMany({ where: { at: { lt: new Date(now.getTime() - olderThanSeconds * 1000) } } });
}
