import { badRequest } from '../../errors.ts';
import { clearSessionCookie } from '../../server/session-cookie.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { emptyInput, emptyOutput } from '../shared/fields.ts';

export const logout = protectedProcedure
  .meta({ openapi: { method: 'POST', path: '/client/account/logout', tags: ['account'], summary: 'End the session this request uses' }, twoFactorExempt: true })
  .input(emptyInput)
  .output(emptyOutput)
  .mutation(async ({ ctx }) => {
    const { db, config, keys, lastUsed } = ctx.services;
    const { via } = ctx.principal;
    if (via.kind !== 'session') throw badRequest('unable to log out when not using session authentication');
    await db.session.deleteMany({ where: { id: via.sessionId } });
    lastUsed.forgetSession(via.sessionId);
    await clearSessionCookie(ctx.req, ctx.res, config, keys);
    return {};
  });
