import { z } from 'zod';
import { badRequest, conflict, unauthorized } from '../../errors.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { changeProfile } from '../../db/profile.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { presentUser, TOAST_POSITIONS, userOutput } from '../shared/user.ts';
import { username } from '../shared/account-fields.ts';
import { jsonBoolean, text } from '../shared/fields.ts';

const name = text().trim().min(2, 'must be 2-255 characters').max(255, 'must be 2-255 characters');

const input = z.strictObject({
  username: username.optional(),
  name_first: name.optional(),
  name_last: name.optional(),
  language: text().trim().min(2, 'must be 2-15 characters').max(15, 'must be 2-15 characters').optional(),
  toast_position: z.enum(TOAST_POSITIONS, { error: `must be one of ${TOAST_POSITIONS.join(', ')}` }).optional(),
  start_on_grouped_servers: jsonBoolean().optional(),
});

export const update = protectedProcedure
  .meta({
    openapi: { method: 'PATCH', path: '/client/account', tags: ['account'], summary: 'Change profile fields; only those given change', errorResponses: { 409: 'username already taken' } },
    permission: 'account.infos',
    twoFactorExempt: true,
  })
  .input(input)
  .output(userOutput)
  .mutation(async ({ ctx, input }) => {
    const { db, provider, config } = ctx.services;
    const { user } = ctx.principal;
    if (input.language !== undefined && input.language !== user.language && !config.allowLanguageChange) {
      throw badRequest('language: language changes are disabled on this panel');
    }
    // Where changes are disabled the language given is the one read, and is not written: the
    // account may have another by the time this request writes.
    const change = config.allowLanguageChange ? input : { ...input, language: undefined };
    try {
      const updated = await changeProfile(db, provider, ctx.actor, user, change);
      // Deleted since this request was authenticated: its session or key went with it.
      if (!updated) throw unauthorized(ctx.principal.via.kind === 'session' ? 'invalid session' : 'invalid api key');
      // A profile change leaves the role alone: the one this request was authenticated with stands.
      return { user: presentUser({ ...updated, role: user.role }, config) };
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('username already taken');
      throw error;
    }
  });
