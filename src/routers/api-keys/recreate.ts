import { z } from 'zod';
import { recordActivity } from '../../db/activity-log.ts';
import { notFound } from '../../errors.ts';
import { generateApiKey } from '../../rules/api-keys.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { uuidParam } from '../shared/fields.ts';
import { apiKeyEntry, apiKeySchema, liveKey, presentApiKey, targetOf } from './api-key.ts';
import { refuseBroaderTarget, refuseSelfChange } from './fields.ts';

export const recreate = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/client/account/api-keys/{api_key}/recreate',
      tags: ['api-keys'],
      summary: 'Give an API key a new secret; the old one fails from the next request, and the new key is shown only in this answer',
    },
    permission: 'api-keys.recreate',
  })
  .input(z.strictObject({ api_key: uuidParam('API key') }))
  .output(z.object({ api_key: apiKeySchema, key: z.string().meta({ description: 'The full key, shown once' }) }))
  .mutation(async ({ ctx, input }) => {
    const { user } = ctx.principal;
    refuseSelfChange(ctx.principal, input.api_key);
    const where = liveKey(user.id, input.api_key);
    const { key, keyStart, keyHash } = generateApiKey();
    const recreated = await ctx.services.db.$transaction(async (tx) => {
      const current = await tx.apiKey.findFirst({ where });
      if (!current) throw notFound('api key not found');
      refuseBroaderTarget(ctx.principal, targetOf(current));
      const changed = await tx.apiKey.updateMany({ where, data: { keyStart, keyHash } });
      if (changed.count === 0) throw notFound('api key not found');
      const updated = await tx.apiKey.findUniqueOrThrow({ where: { id: current.id } });
      await recordActivity(tx, ctx.actor, 'api-key:recreate', apiKeyEntry(updated));
      return updated;
    });
    return { api_key: presentApiKey(recreated), key };
  });
