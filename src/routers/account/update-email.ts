import { z } from 'zod';
import { recordActivity } from '../../db/activity-log.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { enqueueNotice } from '../../db/outbox.ts';
import { conflict } from '../../errors.ts';
import { foldCase } from '../../rules/text.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { currentPassword } from '../shared/fields.ts';
import { verifyPasswordReentry } from '../shared/password-reentry.ts';
import { presentUser, userOutput } from '../shared/user.ts';

const input = z.strictObject({
  email: z.email({ error: 'invalid email' }).max(255, 'invalid email'),
  password: currentPassword,
});

export const updateEmail = protectedProcedure
  .meta({
    openapi: { method: 'PUT', path: '/client/account/email', tags: ['account'], summary: 'Change the email address; the password confirms it' },
    permission: 'account.email',
  })
  .input(input)
  .output(userOutput)
  .mutation(async ({ ctx, input }) => {
    const { db, config } = ctx.services;
    const { user } = ctx.principal;
    await verifyPasswordReentry(ctx.services, user, input.password);
    if (input.email === user.email) return { user: presentUser(user, config) };
    try {
      const updated = await db.$transaction(async (tx) => {
        // The lower-cased copy carries the case-insensitive uniqueness in a constraint.
        const account = await tx.user.update({ where: { id: user.id }, data: { email: input.email, emailKey: foldCase(input.email) }, include: { role: true } });
        await recordActivity(tx, ctx.actor, 'account:email-changed', { old: user.email, new: input.email });
        // The old address hears of it; a reset link sent there no longer works.
        await enqueueNotice(tx, user, 'email-changed', { new_email: input.email });
        await tx.passwordReset.deleteMany({ where: { userId: user.id } });
        return account;
      });
      return { user: presentUser(updated, config) };
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('email already in use');
      throw error;
    }
  });
