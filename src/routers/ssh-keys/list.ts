import { z } from 'zod';
import { containsText } from '../../db/index.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { page, pageQuery, readPage } from '../shared/fields.ts';
import { presentSshKey, sshKeySchema } from './ssh-key.ts';

export const list = protectedProcedure
  .meta({
    openapi: { method: 'GET', path: '/client/account/ssh-keys', tags: ['ssh-keys'], summary: 'SSH keys of the account, oldest first; search matches the name or the fingerprint' },
    permission: 'ssh-keys.read',
  })
  .input(pageQuery())
  .output(z.object({ ssh_keys: page(sshKeySchema) }))
  .query(async ({ ctx, input }) => {
    const { db, provider } = ctx.services;
    const where = {
      userId: ctx.principal.user.id,
      ...(input.search && { OR: [{ name: containsText(provider, input.search) }, { fingerprint: containsText(provider, input.search) }] }),
    };
    const ssh_keys = await readPage(
      input,
      () => db.sshKey.count({ where }),
      (window) => db.sshKey.findMany({ where, orderBy: [{ created: 'asc' }, { id: 'asc' }], ...window }).then((rows) => rows.map(presentSshKey)),
    );
    return { ssh_keys };
  });
