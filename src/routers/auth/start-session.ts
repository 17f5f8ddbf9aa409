// Signs an account in on this browser: a new session row and cookie every time, so a
// session id planted before sign-in is never promoted (no fixation). The session and its
// auth:success entry are written together.
import { recordActivity, type SignInMethod } from '../../db/activity-log.ts';
import { noticeIfNewSignIn } from '../../db/new-sign-in.ts';
import { newSessionToken } from '../../rules/sessions.ts';
import { userAgentOf } from '../../server/authenticate.ts';
import { hasSessionCookie, readSessionCookie, writeSessionCookie } from '../../server/session-cookie.ts';
import { actorOf, type Context } from '../../server/trpc.ts';

export async function startSession(ctx: Context, userId: string, method: SignInMethod) {
  const { db, config, keys } = ctx.services;
  if (hasSessionCookie(ctx.req, config)) {
    const previous = await readSessionCookie(ctx.req, config, keys);
    if (previous) await db.session.deleteMany({ where: { id: previous.id, userId } });
  }
  const token = newSessionToken();
  const now = new Date();
  await db.$transaction(async (tx) => {
    await tx.session.create({
      data: { id: token.id, userId, secretHash: token.secretHash, ip: ctx.clientIp, userAgent: userAgentOf(ctx.req), lastUsed: now, created: now },
    });
    // Before this sign-in's own entry, which would make every address and browser known.
    await noticeIfNewSignIn(tx, actorOf(ctx, userId), config.activityRetentionDays, now);
    await recordActivity(tx, actorOf(ctx, userId), 'auth:success', { method }, now);
  });
  await writeSessionCookie(ctx.req, ctx.res, config, keys, token);
}
