// The notice of a sign-in from somewhere new (SPEC §12): an address and browser the account
// has no successful sign-in from in the last ACTIVITY_RETENTION_DAYS, per its activity log.
import type { Actor } from './activity-log.ts';
import type { DbClient } from './index.ts';
import { enqueueNotice } from './outbox.ts';

/** Call before this sign-in's own `auth:success` entry is written, in the sign-in's transaction. */
export async function noticeIfNewSignIn(tx: DbClient, actor: Pick<Actor, 'userId' | 'ip' | 'userAgent'>, retentionDays: number, now = new Date()) {
  const since = new Date(now.getTime() - retentionDays * 24 * 3600 * 1000);
  const seen = await tx.activity.findFirst({
    where: { userId: actor.userId, event: 'auth:success', ip: actor.ip, userAgent: actor.userAgent, created: { gte: since } },
    select: { id: true },
  });
  if (seen) return;
  const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, username: true } });
  await enqueueNotice(tx, user, 'new-sign-in', { ip: actor.ip, user_agent: actor.userAgent });
}
