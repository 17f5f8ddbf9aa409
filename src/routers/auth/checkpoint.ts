import { z } from 'zod';
import { badRequest } from '../../errors.ts';
import { takeAttempt } from '../../db/rate-limits.ts';
import { recordSignInFailure } from '../../db/activity-log.ts';
import { actorOf, publicProcedure } from '../../server/trpc.ts';
import { secondFactorMethod, spendSecondFactor } from '../shared/second-factor.ts';
import { presentUser, userOutput } from '../shared/user.ts';
import { readCheckpointToken } from './checkpoint-token.ts';
import { startSession } from './start-session.ts';

const input = z.strictObject({
  confirmation_token: z.string().min(1, 'is required').max(1024, 'must be at most 1024 characters'),
  code: z.string().trim().min(1, 'is required').max(64, 'must be at most 64 characters').meta({ description: 'A TOTP code or a recovery code' }),
});

export const checkpoint = publicProcedure
  .meta({ openapi: { method: 'POST', path: '/auth/login/checkpoint', tags: ['auth'], summary: 'Finish a sign-in with a TOTP or recovery code', protect: false } })
  .input(input)
  .output(userOutput)
  .mutation(async ({ ctx, input }) => {
    const { db, config, keys } = ctx.services;
    await takeAttempt(db, `checkpoint:${ctx.clientIp}`, config.rateLimits.checkpoint);
    const userId = await readCheckpointToken(keys.checkpoint, input.confirmation_token);
    const user = userId && (await db.user.findUnique({ where: { id: userId }, include: { role: true } }));
    if (!user || !user.totpEnabled) throw badRequest('invalid confirmation token');
    const result = await spendSecondFactor(ctx.services, user, input.code);
    const method = secondFactorMethod(input.code);
    if (result !== 'accepted') await recordSignInFailure(db, actorOf(ctx, user.id), { method, reason: 'code' });
    if (result === 'replayed') throw badRequest('this code has already been used');
    if (result === 'invalid') throw badRequest('invalid confirmation code');
    await startSession(ctx, user.id, method);
    const fresh = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { role: true } });
    return { user: presentUser(fresh, config) };
  });
