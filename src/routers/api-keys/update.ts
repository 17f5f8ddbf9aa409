import { z } from 'zod';
import { recordActivity } from '../../db/activity-log.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { stringList } from '../../db/index.ts';
import { AppError, conflict, notFound } from '../../errors.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { uuidParam } from '../shared/fields.ts';
import { apiKeyEntry, apiKeySchema, liveKey, presentApiKey, targetOf } from './api-key.ts';
import { allowedIps, apiKeyName, checkGrants, expires, permissionList, refuseBroaderTarget, refuseSelfChange, withinCallingKey } from './fields.ts';

const input = z.strictObject({
  api_key: uuidParam('API key'),
  name: apiKeyName.optional(),
  allowed_ips: allowedIps.optional(),
  user_permissions: permissionList.optional(),
  admin_permissions: permissionList.optional(),
  server_permissions: permissionList.optional(),
  expires: expires.optional().meta({ description: 'RFC 3339 date-time in the future; null removes the expiry' }),
});

const unique = (list: readonly string[] | undefined) => list && [...new Set(list)];

export const update = protectedProcedure
  .meta({
    openapi: { method: 'PATCH', path: '/client/account/api-keys/{api_key}', tags: ['api-keys'], summary: 'Change an API key; only the fields given change, and the key holds to them from its next request' },
    permission: 'api-keys.update',
  })
  .input(input)
  .output(z.object({ api_key: apiKeySchema }))
  .mutation(async ({ ctx, input }) => {
    const { db } = ctx.services;
    const { user, rights } = ctx.principal;
    refuseSelfChange(ctx.principal, input.api_key);
    checkGrants(rights, input);
    const where = liveKey(user.id, input.api_key);
    try {
      const updated = await db.$transaction(async (tx) => {
        const current = await tx.apiKey.findFirst({ where });
        if (!current) throw notFound('api key not found');
        refuseBroaderTarget(ctx.principal, targetOf(current));
        const limits = withinCallingKey(ctx.principal, {
          allowedIps: input.allowed_ips ?? stringList(current.allowedIps),
          expires: input.expires === undefined ? current.expires : input.expires,
        });
        const changed = await tx.apiKey.updateMany({
          where,
          data: {
            name: input.name,
            allowedIps: unique(limits.allowedIps),
            userPermissions: unique(input.user_permissions),
            adminPermissions: unique(input.admin_permissions),
            serverPermissions: unique(input.server_permissions),
            expires: limits.expires,
          },
        });
        if (changed.count === 0) throw notFound('api key not found');
        const key = await tx.apiKey.findUniqueOrThrow({ where: { id: current.id } });
        await recordActivity(tx, ctx.actor, 'api-key:update', apiKeyEntry(key));
        return key;
      });
      return { api_key: presentApiKey(updated) };
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (isUniqueViolation(error)) throw conflict('api key with name already exists');
      throw error;
    }
  });
