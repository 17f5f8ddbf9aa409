import { z } from 'zod';
import { containsText, type Session } from '../../db/index.ts';
import { expiryCutoffs } from '../../rules/sessions.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { page, pageQuery, readPage } from '../shared/fields.ts';
import { sessionSchema } from './session.ts';

export const list = protectedProcedure
  .meta({
    openapi: { method: 'GET', path: '/client/account/sessions', tags: ['sessions'], summary: 'Live sessions of the account, most recently used first' },
    permission: 'sessions.read',
  })
  .input(pageQuery())
  .output(z.object({ sessions: page(sessionSchema) }))
  .query(async ({ ctx, input }) => {
    const { db, provider, config, lastUsed } = ctx.services;
    const { user, via } = ctx.principal;
    const cutoff = expiryCutoffs({ idleSeconds: config.sessionIdleSeconds, maxAgeSeconds: config.sessionMaxAgeSeconds });
    const where = {
      userId: user.id,
      lastUsed: { gt: cutoff.lastUsed },
      created: { gt: cutoff.created },
      ...(input.search && { userAgent: containsText(provider, input.search) }),
    };
    // Last-used times are written in batches; write this instance's sessions' now so the order is exact.
    await lastUsed.flushSessions();
    const current = via.kind === 'session' ? via.sessionId : undefined;
    const presentSession = (session: Session) => ({
      uuid: session.id,
      ip: session.ip,
      user_agent: session.userAgent,
      is_using: session.id === current,
      last_used: session.lastUsed,
      created: session.created,
    });
    const sessions = await readPage(
      input,
      () => db.session.count({ where }),
      (window) => db.session.findMany({ where, orderBy: [{ lastUsed: 'desc' }, { id: 'asc' }], ...window }).then((rows) => rows.map(presentSession)),
    );
    return { sessions };
  });
