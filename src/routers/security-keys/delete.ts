import { z } from 'zod';
import { recordActivity } from '../../db/activity-log.ts';
import { notFound } from '../../errors.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { emptyOutput, uuidParam } from '../shared/fields.ts';

export const remove = protectedProcedure
  .meta({
    openapi: { method: 'DELETE', path: '/client/account/security-keys/{security_key}', tags: ['security-keys'], summary: 'Delete a security key; it signs in no more' },
    permission: 'security-keys.delete',
  })
  .input(z.strictObject({ security_key: uuidParam('security key') }))
  .output(emptyOutput)
  .mutation(async ({ ctx, input }) => {
    await ctx.services.db.$transaction(async (tx) => {
      const where = { id: input.security_key, userId: ctx.principal.user.id, pendingUntil: null };
      const key = await tx.securityKey.findFirst({ where, select: { name: true } });
      const deleted = key && (await tx.securityKey.deleteMany({ where }));
      if (!key || deleted?.count !== 1) throw notFound('security key not found');
      await recordActivity(tx, ctx.actor, 'security-key:delete', { uuid: input.security_key, name: key.name });
    });
    return {};
  });
