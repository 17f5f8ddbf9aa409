import { z } from 'zod';
import { containsText } from '../../db/index.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { page, pageQuery, readPage } from '../shared/fields.ts';
import { presentSecurityKey, securityKeySchema } from './security-key.ts';

export const list = protectedProcedure
  .meta({
    openapi: { method: 'GET', path: '/client/account/security-keys', tags: ['security-keys'], summary: 'Security keys (passkeys) of the account, oldest first; pending keys are not listed' },
    permission: 'security-keys.read',
  })
  .input(pageQuery())
  .output(z.object({ security_keys: page(securityKeySchema) }))
  .query(async ({ ctx, input }) => {
    const { db, provider } = ctx.services;
    const where = { userId: ctx.principal.user.id, pendingUntil: null, ...(input.search && { name: containsText(provider, input.search) }) };
    const security_keys = await readPage(
      input,
      () => db.securityKey.count({ where }),
      (window) => db.securityKey.findMany({ where, orderBy: [{ created: 'asc' }, { id: 'asc' }], ...window }).then((rows) => rows.map(presentSecurityKey)),
    );
    return { security_keys };
  });
