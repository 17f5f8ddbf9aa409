// A sign-in attempt's place in its account's failure budget (SPEC §9). An attempt refused
// because the budget is spent is itself a failed sign-in, recorded as such (SPEC §10), and
// the owner is told by mail once per window that sign-in is paused (SPEC §12).
import { recordSignInFailure, type SignInMethod } from '../../db/activity-log.ts';
import { enqueueNotice } from '../../db/outbox.ts';
import { startAccountAttempt, takeAttempt } from '../../db/rate-limits.ts';
import { AppError } from '../../errors.ts';
import { actorOf, type Context } from '../../server/trpc.ts';

export async function startSignInAttempt(ctx: Context, userId: string, method: SignInMethod) {
  const { db, config } = ctx.services;
  try {
    return await startAccountAttempt(db, userId, config.rateLimits.accountFailures);
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 429) throw error;
    await recordSignInFailure(db, actorOf(ctx, userId), { method, reason: 'ratelimited' });
    await noticeLockOnce(ctx, userId, Number(error.headers['Retry-After']));
    throw error;
  }
}

/** The lock notice, at most once per window: the limiter itself gates it. */
async function noticeLockOnce(ctx: Context, userId: string, retrySeconds: number) {
  const { db, config } = ctx.services;
  try {
    await takeAttempt(db, `lock-notice:${userId}`, { count: 1, seconds: config.rateLimits.accountFailures.seconds });
  } catch {
    return; // already told in this window
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  await enqueueNotice(db, user, 'account-locked', { until: new Date(Date.now() + retrySeconds * 1000).toISOString() });
}
