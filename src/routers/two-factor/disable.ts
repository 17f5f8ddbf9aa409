import { turnOffTwoFactor } from '../../db/accounts.ts';
import { recordActivity } from '../../db/activity-log.ts';
import { conflict } from '../../errors.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { codeAndPassword, emptyOutput } from '../shared/fields.ts';
import { confirmWithCodeAndPassword } from '../shared/second-factor.ts';

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
  .input(codeAndPassword)
  .output(emptyOutput)
  .mutation(async ({ ctx, input }) => {
    const { db } = ctx.services;
    const { user } = ctx.principal;
    if (!user.totpEnabled) throw conflict('two-factor authentication is not enabled');
    await confirmWithCodeAndPassword(ctx.services, user, input);
    await db.$transaction(async (tx) => {
      await turnOffTwoFactor(tx, user.id);
      await recordActivity(tx, ctx.actor, 'account:two-factor.disable', {});
    });
    return {};
  });
