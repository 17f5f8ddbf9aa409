import { z } from 'zod';
import { containsText } from '../../db/index.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { page, pageQuery, readPage } from '../shared/fields.ts';
import { apiKeySchema, presentApiKey } from './api-key.ts';

export const list = protectedProcedure
  .meta({
    openapi: { method: 'GET', path: '/client/account/api-keys', tags: ['api-keys'], summary: 'API keys of the account, oldest first; expired keys are hidden' },
    permission: 'api-keys.read',
  })
  .input(pageQuery())
  .output(z.object({ api_keys: page(apiKeySchema) }))
  .query(async ({ ctx, input }) => {
    const { db, provider } = ctx.services;
    const where = {
      userId: ctx.principal.user.id,
      OR: [{ expires: null }, { expires: { gt: new Date() } }],
      ...(input.search && { name: containsText(provider, input.search) }),
    };
    const api_keys = await readPage(
      input,
      () => db.apiKey.count({ where }),
      (window) => db.apiKey.findMany({ where, orderBy: [{ created: 'asc' }, { id: 'asc' }], ...window }).then((rows) => rows.map(presentApiKey)),
    );
    return { api_keys };
  });
