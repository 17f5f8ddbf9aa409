import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError, conflict } from '../../errors.ts';
import { generateApiKey } from '../../rules/api-keys.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { apiKeySchema, presentApiKey } from './api-key.ts';
import { allowedIps, apiKeyName, checkGrants, expires, permissionList } from './fields.ts';

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
    openapi: { method: 'POST', path: '/client/account/api-keys', tags: ['api-keys'], summary: 'Create an API key; the key is shown only in this answer' },
    permission: 'api-keys.create',
  })
  .input(input)
  .output(z.object({ api_key: apiKeySchema, key: z.string().meta({ description: 'The full key, shown once' }) }))
  .mutation(async ({ ctx, input }) => {
    const { db, config } = ctx.services;
    const { user, rights } = ctx.principal;
    checkGrants(rights, input);

    const { key, keyStart, keyHash } = generateApiKey();
    const now = new Date();
    try {
      const created = await db.$transaction(async (tx) => {
        // Taking the account row's write lock first makes concurrent creates queue, so the count below is exact.
        await tx.$executeRaw`UPDATE "users" SET "id" = "id" WHERE "id" = ${user.id}`;
        await tx.apiKey.deleteMany({ where: { userId: user.id, expires: { lte: now } } });
        if ((await tx.apiKey.count({ where: { userId: user.id } })) >= config.apiKeyLimit) {
          throw conflict('maximum number of api keys reached');
        }
        return tx.apiKey.create({
          data: {
            id: randomUUID(),
            userId: user.id,
            name: input.name,
            keyStart,
            keyHash,
            allowedIps: [...new Set(input.allowed_ips)],
            userPermissions: [...new Set(input.user_permissions)],
            adminPermissions: [...new Set(input.admin_permissions)],
            serverPermissions: [...new Set(input.server_permissions)],
            expires: input.expires ?? null,
            created: now,
          },
        });
      });
      return { api_key: presentApiKey(created), key };
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (isUniqueViolation(error)) throw conflict('api key with name already exists');
      throw error;
    }
  });
