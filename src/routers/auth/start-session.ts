// Signs an account in on this browser: a new session row and cookie every time, so a
// session id planted before sign-in is never promoted (no fixation).
import { newSessionToken } from '../../rules/sessions.ts';
import { userAgentOf } from '../../server/authenticate.ts';
import { hasSessionCookie, readSessionCookie, writeSessionCookie } from '../../server/session-cookie.ts';
import type { Context } from '../../server/trpc.ts';

export async function startSession(ctx: Context, userId: string) {
  const { db, config, keys } = ctx.services;
  if (hasSessionCookie(ctx.req)) {
    const previous = await readSessionCookie(ctx.req, config, keys);
    if (previous) await db.session.deleteMany({ where: { id: previous.id, userId } });
  }
  const token = newSessionToken();
  const now = new Date();
  await db.session.create({
    data: { id: token.id, userId, secretHash: token.secretHash, ip: ctx.clientIp, userAgent: userAgentOf(ctx.req), lastUsed: now, created: now },
  });
  await writeSessionCookie(ctx.req, ctx.res, config, keys, token);
}
