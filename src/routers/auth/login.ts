import { z } from 'zod';
import { issueCheckpointToken } from '../../db/checkpoint-tokens.ts';
import { startAccountAttempt, takeAddressAttempt } from '../../db/rate-limits.ts';
import { badRequest } from '../../errors.ts';
import { verifyPassword } from '../../rules/passwords.ts';
import { foldCase } from '../../rules/text.ts';
import { recordSignInFailure } from '../../db/activity-log.ts';
import { actorOf, signInProcedure } from '../../server/trpc.ts';
import { currentPassword, text } from '../shared/fields.ts';
import { startSignInAttempt } from '../shared/sign-in-attempt.ts';
import { presentUser, userSchema } from '../shared/user.ts';
import { securityKeyOptionsFor } from '../shared/security-key-ceremonies.ts';
import { requestOptionsSchema } from '../shared/webauthn-json.ts';
import { startSession } from './start-session.ts';

const input = z.strictObject({
  user: text().trim().min(1, 'is required').max(255, 'must be at most 255 characters').meta({ description: 'Username or email' }),
  password: currentPassword,
});

const output = z.discriminatedUnion('type', [
  z.object({ type: z.literal('completed'), user: userSchema }),
  z.object({
    type: z.literal('two_factor_required'),
    token: z.string().meta({ description: 'Opaque, valid 5 minutes' }),
    security_key_options: requestOptionsSchema.optional().meta({ description: "When the account has security keys: options for one of them to answer at the checkpoint" }),
  }),
]);

export const login = signInProcedure
  .meta({ openapi: { method: 'POST', path: '/auth/login', tags: ['auth'], summary: 'Sign in with a username or email and a password', errorResponses: { 403: 'sent from a page of another site', 429: 'too many sign-ins from this address' }, protect: false } })
  .input(input)
  .output(output)
  .mutation(async ({ ctx, input }) => {
    const { db, config } = ctx.services;
    await takeAddressAttempt(db, 'login', ctx.clientIp, config.rateLimits.login);
    const key = foldCase(input.user);
    const user = await db.user.findFirst({ where: { OR: [{ usernameKey: key }, { emailKey: key }] }, include: { role: true } });
    // A locked account answers 429 before its password is looked at, the right one included.
    // A name that matches no account has a budget of its own, so that a lockout does not
    // tell which accounts exist.
    const attempt = user
      ? await startSignInAttempt(ctx, user.id, 'password')
      : await startAccountAttempt(db, `name:${key}`, config.rateLimits.accountFailures);
    // An unknown account costs a decoy verification: same answer, similar time.
    if (!(await verifyPassword(user?.passwordHash, input.password)) || !user) {
      if (user) await recordSignInFailure(db, actorOf(ctx, user.id), { method: 'password', reason: 'password' });
      throw badRequest('invalid username or password');
    }
    await attempt.succeeded();
    if (user.totpEnabled) {
      return { type: 'two_factor_required' as const, token: await issueCheckpointToken(db, user.id), ...(await securityKeyOptionsFor(ctx, user.id)) };
    }
    await startSession(ctx, user.id, 'password');
    return { type: 'completed' as const, user: presentUser(user, config) };
  });
