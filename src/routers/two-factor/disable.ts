import { turnOffTwoFactor } from '../../db/accounts.ts';
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
      summary: 'Turn two-factor off with a TOTP or recovery code and the password',
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
    await turnOffTwoFactor(db, user.id);
    return {};
  });
