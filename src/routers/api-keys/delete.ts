import { z } from 'zod';
import { notFound } from '../../errors.ts';
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
    const deleted = await ctx.services.db.apiKey.deleteMany({ where: { id: input.api_key, userId: ctx.principal.user.id } });
    if (deleted.count === 0) throw notFound('api key not found');
    return {};
  });
