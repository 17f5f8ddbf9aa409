import { z } from 'zod';
import { recordActivity } from '../../db/activity-log.ts';
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
    const count = await ctx.services.db.$transaction(async (tx) => {
      const deleted = await tx.session.deleteMany({ where: { userId: user.id, ...(keep && { id: { not: keep } }) } });
      // Ending no session changes nothing: no entry.
      if (deleted.count > 0) await recordActivity(tx, ctx.actor, 'session:delete-all', { deleted: deleted.count });
      return deleted.count;
    });
    return { deleted: count };
  });
