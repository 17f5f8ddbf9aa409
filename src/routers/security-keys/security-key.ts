// The SecurityKey object of the contract (SPEC §13): never the public key or the counter.
import { z } from 'zod';
import type { SecurityKey } from '../../db/index.ts';

export const SECURITY_KEY_NAME_MIN = 3;
export const SECURITY_KEY_NAME_MAX = 31;

const nameLength = `must be ${SECURITY_KEY_NAME_MIN}-${SECURITY_KEY_NAME_MAX} characters`;
export const securityKeyName = z.string().trim().min(SECURITY_KEY_NAME_MIN, nameLength).max(SECURITY_KEY_NAME_MAX, nameLength);

export const securityKeySchema = z
  .object({
    uuid: z.uuid(),
    name: z.string(),
    credential_id: z.string().meta({ description: 'base64url; empty while the key is pending (registration not finished)' }),
    last_used: z.date().nullable(),
    created: z.date(),
  })
  .meta({ id: 'SecurityKey' });

export const presentSecurityKey = (key: SecurityKey): z.output<typeof securityKeySchema> => ({
  uuid: key.id,
  name: key.name,
  credential_id: key.credentialId ?? '',
  last_used: key.lastUsed,
  created: key.created,
});
