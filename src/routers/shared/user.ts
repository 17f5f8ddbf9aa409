// The User object of the contract (SPEC §2): never a password hash, a TOTP secret or a recovery code.
import { z } from 'zod';
import { timestamp } from './fields.ts';
import type { Config } from '../../config.ts';
import { mustHaveTwoFactor } from '../../rules/two-factor-policy.ts';
import type { Account } from '../../db/index.ts';

export const TOAST_POSITIONS = ['top_left', 'top_center', 'top_right', 'bottom_left', 'bottom_center', 'bottom_right'] as const;

export const userSchema = z
  .object({
    uuid: z.uuid(),
    username: z.string(),
    email: z.string(),
    name_first: z.string(),
    name_last: z.string(),
    admin: z.boolean(),
    totp_enabled: z.boolean(),
    totp_last_used: timestamp().nullable(),
    require_two_factor: z.boolean().meta({ description: 'Whether the account must turn on two-factor authentication' }),
    language: z.string(),
    toast_position: z.enum(TOAST_POSITIONS),
    start_on_grouped_servers: z.boolean(),
    created: timestamp(),
  })
  .meta({ id: 'User' });

export function presentUser(user: Account, config: Config): z.output<typeof userSchema> {
  return {
    uuid: user.id,
    username: user.username,
    email: user.email,
    name_first: user.nameFirst,
    name_last: user.nameLast,
    admin: user.admin,
    totp_enabled: user.totpEnabled,
    totp_last_used: user.totpLastUsed,
    require_two_factor: mustHaveTwoFactor(config.twoFactorRequirement, {
      admin: user.admin,
      roleRequiresTwoFactor: user.role?.requireTwoFactor ?? false,
    }),
    language: user.language,
    toast_position: user.toastPosition as (typeof TOAST_POSITIONS)[number],
    start_on_grouped_servers: user.startOnGroupedServers,
    created: user.created,
  };
}

export const userOutput = z.object({ user: userSchema });
