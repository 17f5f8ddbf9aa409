import { z } from 'zod';
import { protectedProcedure } from '../../server/trpc.ts';
import { emptyInput } from '../shared/fields.ts';

export const deleteOthers = protectedProcedure
  .meta({
    openapi: { method: 'DELETE', path: '/client/account/sessions', tags: ['sessions'], summary: 'Log out everywhere else: end every session of the account but this one' },
    permission: 'sessions.delete',
  })
  .input(emptyInput)
  .output(z.object({ deleted: z.number().int() }))
  .mutation(async ({ ctx }) => {
    const { user, via } = ctx.principal;
    const keep = via.kind === 'session' ? via.sessionId : undefined;
    const { count } = await ctx.services.db.session.deleteMany({ where: { userId: user.id, ...(keep && { id: { not: keep } }) } });
    return { deleted: count };
  });
