import { z } from 'zod';
import { recordActivity } from '../../db/activity-log.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError, conflict, notFound } from '../../errors.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { uuidParam } from '../shared/fields.ts';
import { presentSshKey, SSH_KEY_TAKEN, sshKeyEntry, sshKeyName, sshKeySchema } from './ssh-key.ts';

export const update = protectedProcedure
  .meta({
    openapi: { method: 'PATCH', path: '/client/account/ssh-keys/{ssh_key}', tags: ['ssh-keys'], summary: 'Rename an SSH key' },
    permission: 'ssh-keys.update',
  })
  .input(z.strictObject({ ssh_key: uuidParam('SSH key'), name: sshKeyName }))
  .output(z.object({ ssh_key: sshKeySchema }))
  .mutation(async ({ ctx, input }) => {
    const where = { id: input.ssh_key, userId: ctx.principal.user.id };
    try {
      const updated = await ctx.services.db.$transaction(async (tx) => {
        const changed = await tx.sshKey.updateMany({ where, data: { name: input.name } });
        if (changed.count === 0) throw notFound('ssh key not found');
        const key = await tx.sshKey.findUniqueOrThrow({ where: { id: input.ssh_key } });
        await recordActivity(tx, ctx.actor, 'ssh-key:update', sshKeyEntry(key));
        return key;
      });
      return { ssh_key: presentSshKey(updated) };
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (isUniqueViolation(error)) throw conflict(SSH_KEY_TAKEN);
      throw error;
    }
  });
