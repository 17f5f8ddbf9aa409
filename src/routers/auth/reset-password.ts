import { z } from 'zod';
import { voidCheckpointTokens } from '../../db/checkpoint-tokens.ts';
import { recordActivity } from '../../db/activity-log.ts';
import { enqueueNotice } from '../../db/outbox.ts';
import { isLiveResetToken, spendResetToken } from '../../db/password-resets.ts';
import { takeAddressAttempt } from '../../db/rate-limits.ts';
import { badRequest } from '../../errors.ts';
import { hashPassword } from '../../rules/passwords.ts';
import { actorOf, signInProcedure } from '../../server/trpc.ts';
import { emptyOutput, newPassword } from '../shared/fields.ts';

const input = z.strictObject({
  token: z.string().min(1, 'is required').max(256, 'must be at most 256 characters').meta({ description: 'The token of the reset link' }),
  password: newPassword,
});

const invalidToken = () => badRequest('invalid or expired token');

export const resetPassword = signInProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/auth/password/reset',
      tags: ['auth'],
      summary: 'Set a new password with the token of a reset link; every session of the account ends',
      errorResponses: { 403: 'sent from a page of another site' },
      protect: false,
    },
  })
  .input(input)
  .output(emptyOutput)
  .mutation(async ({ ctx, input }) => {
    const { db, config } = ctx.services;
    await takeAddressAttempt(db, 'password-reset', ctx.clientIp, config.rateLimits.passwordReset);
    if (!(await isLiveResetToken(db, input.token))) throw invalidToken();
    const passwordHash = await hashPassword(input.password);
    await db.$transaction(async (tx) => {
      // Spending is the check that counts: of two resets with one token, one finds it gone.
      const userId = await spendResetToken(tx, input.token);
      if (!userId) throw invalidToken();
      // Two-factor stays as it is: the link proves the mailbox, not the second factor.
      const user = await tx.user.update({ where: { id: userId }, data: { passwordHash } });
      await tx.session.deleteMany({ where: { userId } });
      await voidCheckpointTokens(tx, userId);
      await recordActivity(tx, actorOf(ctx, userId), 'account:password-reset', {});
      await enqueueNotice(tx, user, 'password-reset', {});
    });
    return {};
  });
