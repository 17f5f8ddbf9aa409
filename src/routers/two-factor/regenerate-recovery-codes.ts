import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { voidCheckpointTokens } from '../../db/checkpoint-tokens.ts';
import { recordActivity } from '../../db/activity-log.ts';
import { enqueueNotice } from '../../db/outbox.ts';
import { conflict } from '../../errors.ts';
import { hashRecoveryCode, newRecoveryCodes } from '../../rules/totp.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { codeAndPassword } from '../shared/fields.ts';
import { confirmWithCodeAndPassword } from '../shared/second-factor.ts';

const notEnabled = () => conflict('two-factor authentication is not enabled');

export const regenerateRecoveryCodes = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/client/account/two-factor/recovery-codes',
      tags: ['two-factor'],
      summary: 'Make 10 new recovery codes with a TOTP or recovery code and the password; the old ones stop working',
    },
    permission: 'account.two-factor',
  })
  .input(codeAndPassword)
  .output(z.object({ recovery_codes: z.array(z.string()).length(10) }))
  .mutation(async ({ ctx, input }) => {
    const { db, keys } = ctx.services;
    const { user } = ctx.principal;
    if (!user.totpEnabled) throw notEnabled();
    await confirmWithCodeAndPassword(ctx.services, user, input);

    const codes = newRecoveryCodes();
    await db.$transaction(async (tx) => {
      // A write that holds only while two-factor is on: a disable racing this one waits for it, or wins and this fails.
      const enabled = await tx.user.updateMany({ where: { id: user.id, totpEnabled: true }, data: { totpEnabled: true } });
      if (enabled.count === 0) throw notEnabled();
      await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
      await voidCheckpointTokens(tx, user.id);
      await tx.recoveryCode.createMany({
        data: codes.map((code) => ({ id: randomUUID(), userId: user.id, codeHash: hashRecoveryCode(keys.recoveryCodes, code) })),
      });
      await recordActivity(tx, ctx.actor, 'account:recovery-codes.regenerate', {});
      await enqueueNotice(tx, user, 'recovery-codes-regenerated', {});
    });
    return { recovery_codes: codes };
  });
