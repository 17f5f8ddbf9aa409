import { z } from 'zod';
import { notFound } from '../../errors.ts';
import { recordActivity } from '../../db/activity-log.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { emptyOutput, uuidParam } from '../shared/fields.ts';

export const remove = protectedProcedure
  .meta({
    openapi: { method: 'DELETE', path: '/client/account/sessions/{session}', tags: ['sessions'], summary: 'End one session of the account', errorResponses: { 404: 'session not found' } },
    permission: 'sessions.delete',
  })
  .input(z.strictObject({ session: uuidParam('session') }))
  .output(emptyOutput)
  .mutation(async ({ ctx, input }) => {
    const { db, lastUsed } = ctx.services;
    await db.$transaction(async (tx) => {
      const deleted = await tx.session.deleteMany({ where: { id: input.session, userId: ctx.principal.user.id } });
      if (deleted.count === 0) throw notFound('session not found');
      await recordActivity(tx, ctx.actor, 'session:delete', { uuid: input.session });
    });
    lastUsed.forgetSession(input.session);
    return {};
  });
