import { z } from 'zod';
import { ADMIN_PERMISSIONS, SERVER_PERMISSIONS, USER_PERMISSIONS } from '../../rules/permissions.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { emptyInput } from '../shared/fields.ts';

const catalogue = z.record(z.string(), z.object({ description: z.string(), permissions: z.record(z.string(), z.string()) }));

export const list = protectedProcedure
  .meta({ openapi: { method: 'GET', path: '/client/permissions', tags: ['permissions'], summary: 'The permission catalogue: group -> names with a description' } })
  .input(emptyInput)
  .output(z.object({ user_permissions: catalogue, admin_permissions: catalogue, server_permissions: catalogue }))
  .query(() => ({ user_permissions: USER_PERMISSIONS, admin_permissions: ADMIN_PERMISSIONS, server_permissions: SERVER_PERMISSIONS }));
