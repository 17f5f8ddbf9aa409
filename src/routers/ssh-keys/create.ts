import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { recordActivity } from '../../db/activity-log.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { lockAccount } from '../../db/locks.ts';
import { AppError, badRequest, conflict } from '../../errors.ts';
import { parseSshPublicKey, PUBLIC_KEY_MAX } from '../../rules/ssh-keys.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { presentSshKey, SSH_KEY_TAKEN, sshKeyEntry, sshKeyName, sshKeySchema } from './ssh-key.ts';

const input = z.strictObject({
  name: sshKeyName,
  public_key: z
    .string()
    .max(PUBLIC_KEY_MAX, `must be at most ${PUBLIC_KEY_MAX} characters`)
    .meta({ description: 'An OpenSSH public key line ("<type> <base64> [comment]"): ed25519, ecdsa, rsa of 2048 bits or more, or their security-key forms' }),
});

export const create = protectedProcedure
  .meta({
    openapi: { method: 'POST', path: '/client/account/ssh-keys', tags: ['ssh-keys'], summary: 'Add an SSH public key' },
    permission: 'ssh-keys.create',
  })
  .input(input)
  .output(z.object({ ssh_key: sshKeySchema }))
  .mutation(async ({ ctx, input }) => {
    const { db, config } = ctx.services;
    const { user } = ctx.principal;
    const parsed = await parseSshPublicKey(input.public_key);
    if ('problem' in parsed) throw badRequest(`public_key: ${parsed.problem}`);
    try {
      const created = await db.$transaction(async (tx) => {
        // Taking the account row's write lock first makes concurrent creates queue, so the count below is exact.
        await lockAccount(tx, user.id);
        if ((await tx.sshKey.count({ where: { userId: user.id } })) >= config.sshKeyLimit) throw conflict('maximum number of ssh keys reached');
        const key = await tx.sshKey.create({
          data: { id: randomUUID(), userId: user.id, name: input.name, fingerprint: parsed.fingerprint, publicKey: parsed.publicKey, created: new Date() },
        });
        await recordActivity(tx, ctx.actor, 'ssh-key:create', sshKeyEntry(key));
        return key;
      });
      return { ssh_key: presentSshKey(created) };
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (isUniqueViolation(error)) throw conflict(SSH_KEY_TAKEN);
      throw error;
    }
  });
