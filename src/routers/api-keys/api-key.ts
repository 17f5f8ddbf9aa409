// The ApiKey object of the contract (SPEC §2): never the key itself or its digest.
import { z } from 'zod';
import { timestamp } from '../shared/fields.ts';
import { stringList, type ApiKey } from '../../db/index.ts';

export const apiKeySchema = z
  .object({
    uuid: z.uuid(),
    name: z.string(),
    key_start: z.string().meta({ description: 'The first 16 characters of the key' }),
    allowed_ips: z.array(z.string()).meta({ description: 'CIDR ranges; empty allows every address' }),
    user_permissions: z.array(z.string()),
    admin_permissions: z.array(z.string()),
    server_permissions: z.array(z.string()),
    last_used: timestamp().nullable(),
    expires: timestamp().nullable(),
    created: timestamp(),
  })
  .meta({ id: 'ApiKey' });

export const presentApiKey = (key: ApiKey): z.output<typeof apiKeySchema> => ({
  uuid: key.id,
  name: key.name,
  key_start: key.keyStart,
  allowed_ips: stringList(key.allowedIps),
  user_permissions: stringList(key.userPermissions),
  admin_permissions: stringList(key.adminPermissions),
  server_permissions: stringList(key.serverPermissions),
  last_used: key.lastUsed,
  expires: key.expires,
  created: key.created,
});

/** What the activity log keeps of a key: never the key. */
export const apiKeyEntry = (key: ApiKey) => ({ uuid: key.id, identifier: key.keyStart, name: key.name });

/** The account's key `id`, unless it has expired (an expired key is as good as gone). */
export const liveKey = (userId: string, id: string, now = new Date()) => ({ id, userId, OR: [{ expires: null }, { expires: { gt: now } }] });

/** What a key holds: its permissions, address ranges and expiry. */
export const targetOf = (key: ApiKey) => ({
  permissions: {
    user_permissions: stringList(key.userPermissions),
    admin_permissions: stringList(key.adminPermissions),
    server_permissions: stringList(key.serverPermissions),
  },
  allowedIps: stringList(key.allowedIps),
  expires: key.expires,
});
