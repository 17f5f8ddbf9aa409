// Signs an account in on this browser: a new session row and cookie every time, so a
// session id planted before sign-in is never promoted (no fixation).
import { noticeIfNewSignIn } from '../../db/new-sign-in.ts';
import { newSessionToken } from '../../rules/sessions.ts';
import { userAgentOf } from '../../server/authenticate.ts';
import { hasSessionCookie, readSessionCookie, writeSessionCookie } from '../../server/session-cookie.ts';
import { actorOf, type Context } from '../../server/trpc.ts';

export async function startSession(ctx: Context, userId: string) {
  const { db, config, keys } = ctx.services;
  if (hasSessionCookie(ctx.req)) {
    const previous = await readSessionCookie(ctx.req, ctx.res, config, keys);
    if (previous) await db.session.deleteMany({ where: { id: previous.id, userId } });
  }
  const token = newSessionToken();
  const now = new Date();
  await db.$transaction(async (tx) => {
    await tx.session.create({
      data: { id: token.id, userId, secretHash: token.secretHash, ip: ctx.clientIp, userAgent: userAgentOf(ctx.req), lastUsed: now, created: now },
    });
    await noticeIfNewSignIn(tx, actorOf(ctx, userId), config.activityRetentionDays, now);
  });
  await writeSessionCookie(ctx.req, ctx.res, config, keys, token);
}
