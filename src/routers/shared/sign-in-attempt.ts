// A sign-in attempt's place in its account's failure budget (SPEC §9). An attempt refused
// because the budget is spent is itself a failed sign-in, recorded as such (SPEC §10).
import { recordSignInFailure, type SignInMethod } from '../../db/activity-log.ts';
import { startAccountAttempt } from '../../db/rate-limits.ts';
import { AppError } from '../../errors.ts';
import { actorOf, type Context } from '../../server/trpc.ts';

export async function startSignInAttempt(ctx: Context, userId: string, method: SignInMethod) {
  const { db, config } = ctx.services;
  try {
    return await startAccountAttempt(db, userId, config.rateLimits.accountFailures);
  } catch (error) {
    if (error instanceof AppError && error.status === 429) await recordSignInFailure(db, actorOf(ctx, userId), { method, reason: 'ratelimited' });
    throw error;
  }
}
