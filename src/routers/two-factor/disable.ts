import { z } from 'zod';
import { turnOffTwoFactor } from '../../db/accounts.ts';
import { recordActivity } from '../../db/activity-log.ts';
import { badRequest, conflict } from '../../errors.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { currentPassword, emptyOutput, secondFactorCode } from '../shared/fields.ts';
import { verifyPasswordReentry } from '../shared/password-reentry.ts';
import { spendSecondFactor } from '../shared/second-factor.ts';

const input = z.strictObject({ code: secondFactorCode, password: currentPassword });

export const disable = protectedProcedure
  .meta({
    openapi: {
      method: 'DELETE',
      path: '/client/account/two-factor',
      tags: ['two-factor'],
      summary: 'Turn two-factor off with a TOTP or recovery code and the password', errorResponses: { 409: 'two-factor authentication is not enabled' },
      description: 'Takes a JSON body {"code", "password"}, as documented; a password never goes in a URL.',
    },
    permission: 'account.two-factor',
    twoFactorExempt: true,
    jsonBody: true,
  })
  .input(input)
  .output(emptyOutput)
  .mutation(async ({ ctx, input }) => {
    const { db } = ctx.services;
    const { user } = ctx.principal;
    if (!user.totpEnabled) throw conflict('two-factor authentication is not enabled');
    await verifyPasswordReentry(ctx.services, user, input.password);
    const result = await spendSecondFactor(ctx.services, user, input.code);
    if (result === 'replayed') throw badRequest('code: this code has already been used');
    if (result === 'invalid') throw badRequest('code: invalid confirmation code');
    await db.$transaction(async (tx) => {
      await turnOffTwoFactor(tx, user.id);
      await recordActivity(tx, ctx.actor, 'account:two-factor.disable', {});
    });
    return {};
  });
