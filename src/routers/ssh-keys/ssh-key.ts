// The SshKey object of the contract (SPEC §11).
import { z } from 'zod';
import type { SshKey } from '../../db/index.ts';
import { SSH_KEY_NAME_MAX, SSH_KEY_NAME_MIN } from '../../rules/ssh-keys.ts';
import { itemName } from '../shared/fields.ts';

export const sshKeySchema = z
  .object({
    uuid: z.uuid(),
    name: z.string(),
    fingerprint: z.string().meta({ description: 'SHA256:<unpadded base64>, as ssh-keygen -l prints it' }),
    public_key: z.string().meta({ description: '"<type> <base64>", without the comment' }),
    created: z.date(),
  })
  .meta({ id: 'SshKey' });

export const presentSshKey = (key: SshKey): z.output<typeof sshKeySchema> => ({
  uuid: key.id,
  name: key.name,
  fingerprint: key.fingerprint,
  public_key: key.publicKey,
  created: key.created,
});

export const sshKeyName = itemName(SSH_KEY_NAME_MIN, SSH_KEY_NAME_MAX);

export const SSH_KEY_TAKEN = 'ssh key with name or fingerprint already exists';

/** What the activity log keeps of a key. */
export const sshKeyEntry = (key: SshKey) => ({ uuid: key.id, fingerprint: key.fingerprint, name: key.name });
