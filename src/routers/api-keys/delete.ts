import { z } from 'zod';
import { notFound } from '../../errors.ts';
import { recordActivity } from '../../db/activity-log.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { emptyOutput, uuidParam } from '../shared/fields.ts';

export const remove = protectedProcedure
  .meta({
    openapi: { method: 'DELETE', path: '/client/account/api-keys/{api_key}', tags: ['api-keys'], summary: 'Delete an API key; it stops working at once', errorResponses: { 404: 'api key not found' } },
    permission: 'api-keys.delete',
  })
  .input(z.strictObject({ api_key: uuidParam('API key') }))
  .output(emptyOutput)
  .mutation(async ({ ctx, input }) => {
    await ctx.services.db.$transaction(async (tx) => {
      const where = { id: input.api_key, userId: ctx.principal.user.id };
      const key = await tx.apiKey.findFirst({ where });
      // Of two deletes racing, only one deletes the key; the other's entry rolls back with its 404.
      if (!key || (await tx.apiKey.deleteMany({ where })).count === 0) throw notFound('api key not found');
      await recordActivity(tx, ctx.actor, 'api-key:delete', { uuid: key.id, identifier: key.keyStart, name: key.name });
    });
    return {};
  });
