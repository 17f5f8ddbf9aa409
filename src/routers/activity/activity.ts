// The Activity object of the contract (SPEC §10): what happened, from where, through which key.
import { z } from 'zod';
import type { Activity } from '../../db/index.ts';

export const activitySchema = z
  .object({
    uuid: z.uuid(),
    event: z.string().meta({ description: 'For example auth:success, account:update, api-key:create' }),
    ip: z.string(),
    user_agent: z.string(),
    is_api: z.boolean().meta({ description: 'True when an API key made the change' }),
    api_key: z
      .object({ uuid: z.uuid(), name: z.string(), key_start: z.string() })
      .nullable()
      .meta({ description: 'The key that made the change, as it was then (also after it is deleted)' }),
    data: z.record(z.string(), z.unknown()).meta({ description: "The event's details; never a password, key, code, token or secret" }),
    created: z.date(),
  })
  .meta({ id: 'Activity' });

export const presentActivity = (row: Activity): z.output<typeof activitySchema> => ({
  uuid: row.id,
  event: row.event,
  ip: row.ip,
  user_agent: row.userAgent,
  is_api: row.apiKeyId !== null,
  api_key: row.apiKeyId === null ? null : { uuid: row.apiKeyId, name: row.apiKeyName ?? '', key_start: row.apiKeyStart ?? '' },
  data: row.data as Record<string, unknown>,
  created: row.created,
});
