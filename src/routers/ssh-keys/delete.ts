import { z } from 'zod';
import { recordActivity } from '../../db/activity-log.ts';
import { notFound } from '../../errors.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { emptyOutput, uuidParam } from '../shared/fields.ts';
import { sshKeyEntry } from './ssh-key.ts';

export const remove = protectedProcedure
  .meta({
    openapi: { method: 'DELETE', path: '/client/account/ssh-keys/{ssh_key}', tags: ['ssh-keys'], summary: 'Delete an SSH key' },
    permission: 'ssh-keys.delete',
  })
  .input(z.strictObject({ ssh_key: uuidParam('SSH key') }))
  .output(emptyOutput)
  .mutation(async ({ ctx, input }) => {
    const where = { id: input.ssh_key, userId: ctx.principal.user.id };
    await ctx.services.db.$transaction(async (tx) => {
      const key = await tx.sshKey.findFirst({ where });
      // Of two deletes racing, the second removes nothing and answers as if it never existed.
      if (!key || (await tx.sshKey.deleteMany({ where })).count === 0) throw notFound('ssh key not found');
      await recordActivity(tx, ctx.actor, 'ssh-key:delete', sshKeyEntry(key));
    });
    return {};
  });
