// The Session object of the contract (SPEC §2): where and when, never the secret.
import { z } from 'zod';
import { timestamp } from '../shared/fields.ts';

export const sessionSchema = z
  .object({
    uuid: z.uuid(),
    ip: z.string(),
    user_agent: z.string(),
    is_using: z.boolean().meta({ description: 'True only for the session making this request' }),
    last_used: timestamp(),
    created: timestamp(),
  })
  .meta({ id: 'Session' });
