import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isUniqueViolation } from '../../db/errors.ts';
import { enqueueNotice } from '../../db/outbox.ts';
import { AppError, badRequest, conflict, forbidden } from '../../errors.ts';
import { ALLOWED_IPS_MAX, API_KEY_NAME_MAX, API_KEY_NAME_MIN, generateApiKey } from '../../rules/api-keys.ts';
import { parseRange } from '../../rules/ip-ranges.ts';
import { checkGrant, type PermissionKind } from '../../rules/permissions.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { apiKeySchema, presentApiKey } from './api-key.ts';

const permissionList = z.array(z.string().max(128, 'must be at most 128 characters')).max(1000, 'must hold at most 1000 permissions');

const input = z.strictObject({
  name: z.string().trim().min(API_KEY_NAME_MIN, `must be ${API_KEY_NAME_MIN}-${API_KEY_NAME_MAX} characters`).max(API_KEY_NAME_MAX, `must be ${API_KEY_NAME_MIN}-${API_KEY_NAME_MAX} characters`),
  allowed_ips: z
    .array(
      z.string().transform((text, ctx) => {
        const range = parseRange(text);
        if (range) return range;
        ctx.addIssue({ code: 'custom', message: 'invalid ip address or cidr range' });
        return z.NEVER;
      }),
    )
    .max(ALLOWED_IPS_MAX, `must hold at most ${ALLOWED_IPS_MAX} addresses`)
    .meta({ description: 'IP addresses or CIDR ranges (IPv4 or IPv6); empty allows every address' }),
  user_permissions: permissionList,
  admin_permissions: permissionList,
  server_permissions: permissionList,
  expires: z.iso
    .datetime({ offset: true, error: 'must be an RFC 3339 date-time' })
    .nullish()
    .transform((text, ctx) => {
      if (text == null) return null;
      const date = new Date(text);
      if (date.getTime() > Date.now()) return date;
      ctx.addIssue({ code: 'custom', message: 'must be in the future' });
      return z.NEVER;
    }),
});

const KINDS: PermissionKind[] = ['user_permissions', 'admin_permissions', 'server_permissions'];

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
    const checks = KINDS.map((kind) => ({ kind, ...checkGrant(rights, kind, input[kind]) }));
    const unknown = checks.flatMap(({ kind, unknown }) => unknown.map((name) => `${kind}: invalid permission: ${name}`));
    if (unknown.length > 0) throw badRequest(unknown);
    const excess = checks.find(({ notHeld }) => notHeld.length > 0);
    if (excess) throw forbidden(`${excess.kind}: more permissions than self`);

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
        const row = await tx.apiKey.create({
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
            expires: input.expires,
            created: now,
          },
        });
        // A key that can act as an admin is worth a word to the account's owner.
        if (input.admin_permissions.length > 0) await enqueueNotice(tx, user, 'admin-api-key-created', { name: input.name });
        return row;
      });
      return { api_key: presentApiKey(created), key };
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (isUniqueViolation(error)) throw conflict('api key with name already exists');
      throw error;
    }
  });
