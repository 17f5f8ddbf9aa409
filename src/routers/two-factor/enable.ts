import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { voidCheckpointTokens } from '../../db/checkpoint-tokens.ts';
import { badRequest, conflict } from '../../errors.ts';
import { hashRecoveryCode, newRecoveryCodes } from '../../rules/totp.ts';
import { recordActivity } from '../../db/activity-log.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { currentPassword, text } from '../shared/fields.ts';
import { verifyPasswordReentry } from '../shared/password-reentry.ts';
import { spendSecondFactor } from '../shared/second-factor.ts';

const input = z.strictObject({
  code: text().trim().regex(/^\d{6}$/, 'must be a 6-digit code'),
  password: currentPassword,
});

export const enable = protectedProcedure
  .meta({
    openapi: { method: 'POST', path: '/client/account/two-factor', tags: ['two-factor'], summary: 'Turn two-factor on with the first code; answers 10 recovery codes', errorResponses: { 409: 'two-factor authentication is already enabled' } },
    permission: 'account.two-factor',
    twoFactorExempt: true,
  })
  .input(input)
  .output(z.object({ recovery_codes: z.array(z.string()).length(10) }))
  .mutation(async ({ ctx, input }) => {
    const { db, keys } = ctx.services;
    const { user } = ctx.principal;
    if (user.totpEnabled) throw conflict('two-factor authentication is already enabled');
    if (!user.totpSecret) throw badRequest('two-factor authentication setup has not been started');
    await verifyPasswordReentry(ctx.services, user, input.password);
    const result = await spendSecondFactor(ctx.services, user, input.code);
    if (result === 'replayed') throw badRequest('code: this code has already been used');
    if (result === 'invalid') throw badRequest('code: invalid confirmation code');

    const codes = newRecoveryCodes();
    await db.$transaction(async (tx) => {
      // The same pending secret that the code matched; a setup call in between makes this fail.
      const enabled = await tx.user.updateMany({ where: { id: user.id, totpEnabled: false, totpSecret: user.totpSecret }, data: { totpEnabled: true } });
      if (enabled.count === 0) throw conflict('two-factor authentication is already enabled');
      await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
      await voidCheckpointTokens(tx, user.id);
      await tx.recoveryCode.createMany({
        data: codes.map((code) => ({ id: randomUUID(), userId: user.id, codeHash: hashRecoveryCode(keys.recoveryCodes, code) })),
      });
      await recordActivity(tx, ctx.actor, 'account:two-factor.enable', {});
    });
    return { recovery_codes: codes };
  });
