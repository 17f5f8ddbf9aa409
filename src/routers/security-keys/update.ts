import { z } from 'zod';
import { recordActivity } from '../../db/activity-log.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError, conflict, notFound } from '../../errors.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { uuidParam } from '../shared/fields.ts';
import { presentSecurityKey, securityKeyName, securityKeySchema } from './security-key.ts';

export const update = protectedProcedure
  .meta({
    openapi: { method: 'PATCH', path: '/client/account/security-keys/{security_key}', tags: ['security-keys'], summary: 'Rename a security key' },
    permission: 'security-keys.update',
  })
  .input(z.strictObject({ security_key: uuidParam('security key'), name: securityKeyName }))
  .output(z.object({ security_key: securityKeySchema }))
  .mutation(async ({ ctx, input }) => {
    const { db } = ctx.services;
    try {
      const renamed = await db.$transaction(async (tx) => {
        const changed = await tx.securityKey.updateMany({ where: { id: input.security_key, userId: ctx.principal.user.id, pendingUntil: null }, data: { name: input.name } });
        if (changed.count === 0) throw notFound('security key not found');
        await recordActivity(tx, ctx.actor, 'security-key:update', { uuid: input.security_key, name: input.name });
        return tx.securityKey.findUniqueOrThrow({ where: { id: input.security_key } });
      });
      return { security_key: presentSecurityKey(renamed) };
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (isUniqueViolation(error)) throw conflict('security key with name already exists');
      throw error;
    }
  });
