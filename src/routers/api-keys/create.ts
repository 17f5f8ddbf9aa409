import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isUniqueViolation } from '../../db/errors.ts';
import { lockAccount } from '../../db/locks.ts';
import { AppError, conflict } from '../../errors.ts';
import { generateApiKey } from '../../rules/api-keys.ts';
import { recordActivity } from '../../db/activity-log.ts';
import { enqueueNotice } from '../../db/outbox.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { apiKeySchema, presentApiKey } from './api-key.ts';
import { allowedIps, apiKeyName, checkGrants, expires, permissionList, withinCallingKey } from './fields.ts';

const input = z.strictObject({
  name: apiKeyName,
  allowed_ips: allowedIps,
  user_permissions: permissionList,
  admin_permissions: permissionList,
  server_permissions: permissionList,
  expires: expires.optional(),
});

export const create = protectedProcedure
  .meta({
    openapi: { method: 'POST', path: '/client/account/api-keys', tags: ['api-keys'], summary: 'Create an API key; the key is shown only in this answer', errorResponses: { 409: 'name taken, or the account has the most keys it may have' } },
    permission: 'api-keys.create',
  })
  .input(input)
  .output(z.object({ api_key: apiKeySchema, key: z.string().meta({ description: 'The full key, shown once' }) }))
  .mutation(async ({ ctx, input }) => {
    const { db, config } = ctx.services;
    const { user, rights } = ctx.principal;
    checkGrants(rights, input);
    const limits = withinCallingKey(ctx.principal, { allowedIps: input.allowed_ips, expires: input.expires ?? null });

    const { key, keyStart, keyHash } = generateApiKey();
    const now = new Date();
    try {
      const created = await db.$transaction(async (tx) => {
        await lockAccount(tx, user.id);
        await tx.apiKey.deleteMany({ where: { userId: user.id, expires: { lte: now } } });
        if ((await tx.apiKey.count({ where: { userId: user.id } })) >= config.apiKeyLimit) {
          throw conflict('maximum number of api keys reached');
        }
        const key = await tx.apiKey.create({
          data: {
            id: randomUUID(),
            userId: user.id,
            name: input.name,
            keyStart,
            keyHash,
            allowedIps: [...new Set(limits.allowedIps)],
            userPermissions: [...new Set(input.user_permissions)],
            adminPermissions: [...new Set(input.admin_permissions)],
            serverPermissions: [...new Set(input.server_permissions)],
            expires: limits.expires,
            created: now,
          },
        });
        // A key that can act as an admin is worth a word to the account's owner.
        if (input.admin_permissions.length > 0) await enqueueNotice(tx, user, 'admin-api-key-created', { name: input.name });
        await recordActivity(tx, ctx.actor, 'api-key:create', { uuid: key.id, identifier: key.keyStart, name: key.name }, now);
        return key;
        
      });
      return { api_key: presentApiKey(created), key };
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (isUniqueViolation(error)) throw conflict('api key with name already exists');
      throw error;
    }
  });
