// The account's activity log (SPEC §10). Each entry is written by the code that makes the
// change, through the same transaction client, so a change and its entry commit or roll
// back together. A failed sign-in changes nothing and is written on its own.
import { randomUUID } from 'node:crypto';
import type { DbClient } from './index.ts';

export type SignInMethod = 'password' | 'two_factor' | 'recovery_code' | 'security_key';

type Nothing = Record<string, never>;
type KeyEntry = { uuid: string; identifier: string; name: string };
type SshKeyEntry = { uuid: string; fingerprint: string; name: string };
type SecurityKeyEntry = { uuid: string; name: string };

/** Every event and the data it carries. None of it may hold a password, key, code, token or secret. */
export interface ActivityEvents {
  'auth:success': { method: SignInMethod };
  'auth:failure': { method: SignInMethod; reason: 'password' | 'code' | 'security_key' | 'ratelimited' };
  'account:update': { changed: Record<string, string | boolean> };
  'account:email-changed': { old: string; new: string };
  'account:password-changed': Nothing;
  'account:password-reset': Nothing;
  'account:two-factor.enable': Nothing;
  'account:two-factor.disable': Nothing;
  'account:recovery-codes.regenerate': Nothing;
  'api-key:create': KeyEntry;
  'api-key:update': KeyEntry;
  'api-key:recreate': KeyEntry;
  'api-key:delete': KeyEntry;
  'ssh-key:create': SshKeyEntry;
  'ssh-key:update': SshKeyEntry;
  'ssh-key:delete': SshKeyEntry;
  'security-key:create': SecurityKeyEntry;
  'security-key:update': SecurityKeyEntry;
  'security-key:delete': SecurityKeyEntry;
  'session:delete': { uuid: string };
  'session:delete-all': { deleted: number };
}

export type ActivityEvent = keyof ActivityEvents;

/** Whose account, from which address and browser, and through which API key, if any. */
export interface Actor {
  userId: string;
  ip: string;
  userAgent: string;
  apiKey: { id: string; name: string; keyStart: string } | null;
}

export async function recordActivity<E extends ActivityEvent>(db: DbClient, actor: Actor, event: E, data: ActivityEvents[E], at = new Date()) {
  await db.activity.create({
    data: {
      id: randomUUID(),
      userId: actor.userId,
      event,
      ip: actor.ip,
      userAgent: actor.userAgent,
      apiKeyId: actor.apiKey?.id ?? null,
      apiKeyName: actor.apiKey?.name ?? null,
      apiKeyStart: actor.apiKey?.keyStart ?? null,
      data,
      created: at,
    },
  });
}
