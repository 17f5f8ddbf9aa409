// The SecurityKey object of the contract (SPEC §13): never the public key or the counter.
import { z } from 'zod';
import type { SecurityKey } from '../../db/index.ts';
import { forbidden } from '../../errors.ts';
import type { Principal } from '../../server/authenticate.ts';
import { itemName } from '../shared/fields.ts';

export const SECURITY_KEY_NAME_MIN = 3;
export const SECURITY_KEY_NAME_MAX = 31;

export const securityKeyName = itemName(SECURITY_KEY_NAME_MIN, SECURITY_KEY_NAME_MAX);

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

/**
 * A security key signs in with every right of the account, so a request made with an API
 * key, which holds only what it lists, may never register one: that would turn the key into
 * a full sign-in.
 */
export function refuseApiKey(principal: Principal) {
  if (principal.via.kind === 'api_key') throw forbidden('you do not have permission to perform this action: security-keys.create');
}
