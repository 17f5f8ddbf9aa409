import { z } from 'zod';
import { voidCheckpointTokens } from '../../db/checkpoint-tokens.ts';
import { enqueueNotice } from '../../db/outbox.ts';
import { badRequest } from '../../errors.ts';
import { hashPassword } from '../../rules/passwords.ts';
import { recordActivity } from '../../db/activity-log.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { currentPassword, emptyOutput, newPassword } from '../shared/fields.ts';
import { verifyPasswordReentry } from '../shared/password-reentry.ts';

const input = z.strictObject({
  current_password: currentPassword,
  password: newPassword,
  password_confirmation: z.string(),
});

export const changePassword = protectedProcedure
  .meta({
    openapi: { method: 'POST', path: '/client/account/password', tags: ['account'], summary: 'Change the password; every other session of the account ends' },
    permission: 'account.password',
  })
  .input(input)
  .output(emptyOutput)
  .mutation(async ({ ctx, input }) => {
    const { db } = ctx.services;
    const { user, via } = ctx.principal;
    if (input.password_confirmation !== input.password) throw badRequest('password_confirmation: does not match');
    await verifyPasswordReentry(ctx.services, user, input.current_password, 'current_password');
    const passwordHash = await hashPassword(input.password);
    const keep = via.kind === 'session' ? via.sessionId : undefined;
    await db.$transaction(async (tx) => {
      // Only from the password just verified: of two changes racing, the second finds it gone.
      const changed = await tx.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash } });
      if (changed.count === 0) throw badRequest('current_password: invalid password');
      await tx.session.deleteMany({ where: { userId: user.id, ...(keep && { id: { not: keep } }) } });
      await voidCheckpointTokens(tx, user.id);
      await recordActivity(tx, ctx.actor, 'account:password-changed', {});
      await enqueueNotice(tx, user, 'password-changed', {});
    });
    return {};
  });
