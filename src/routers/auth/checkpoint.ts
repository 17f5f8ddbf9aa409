import { z } from 'zod';
import { takeCheckpointTry, useCheckpointToken } from '../../db/checkpoint-tokens.ts';
import { takeAddressAttempt } from '../../db/rate-limits.ts';
import { badRequest } from '../../errors.ts';
import { recordSignInFailure, type SignInMethod } from '../../db/activity-log.ts';
import { actorOf, signInProcedure } from '../../server/trpc.ts';
import { text } from '../shared/fields.ts';
import { secondFactorMethod, spendSecondFactor } from '../shared/second-factor.ts';
import { failedAuthentication, spendSecurityKey } from '../shared/security-key-ceremonies.ts';
import { startSignInAttempt } from '../shared/sign-in-attempt.ts';
import { presentUser, userOutput } from '../shared/user.ts';
import { assertionCredential } from '../shared/webauthn-json.ts';
import { startSession } from './start-session.ts';

const input = z
  .strictObject({
    confirmation_token: text().min(1, 'is required').max(1024, 'must be at most 1024 characters'),
    code: text().trim().min(1, 'is required').max(64, 'must be at most 64 characters').optional().meta({ description: 'A TOTP code or a recovery code' }),
    public_key_credential: assertionCredential.optional().meta({ description: 'In place of code: the answer of one of the account\'s security keys to the login\'s security_key_options' }),
  })
  .refine((body) => (body.code === undefined) !== (body.public_key_credential === undefined), { path: ['code'], message: 'give either code or public_key_credential' });

const invalidToken = () => badRequest('invalid confirmation token');

const SPEND_REFUSALS = {
  replayed: () => badRequest('this code has already been used'),
  invalid: () => badRequest('invalid confirmation code'),
  'unknown-challenge': () => badRequest('invalid or expired challenge'),
  refused: failedAuthentication,
};

export const checkpoint = signInProcedure
  .meta({ openapi: { method: 'POST', path: '/auth/login/checkpoint', tags: ['auth'], summary: 'Finish a sign-in with a TOTP code, a recovery code or a security key', errorResponses: { 403: 'sent from a page of another site', 429: 'too many checkpoints from this address' }, protect: false } })
  .input(input)
  .output(userOutput)
  .mutation(async ({ ctx, input }) => {
    const { db, config } = ctx.services;
    await takeAddressAttempt(db, 'checkpoint', ctx.clientIp, config.rateLimits.checkpoint);
    const token = await takeCheckpointTry(db, input.confirmation_token);
    if (!token) throw invalidToken();
    const method: SignInMethod = input.public_key_credential ? 'security_key' : secondFactorMethod(input.code!);
    const reason = method === 'security_key' ? 'security_key' : 'code';
    // The account of a token out of tries (or expired) is known: the refused try is a failed
    // sign-in of it, counted in its budget and recorded (SPEC §9, §10).
    const attempt = await startSignInAttempt(ctx, token.userId, method);
    if (!token.taken) {
      await recordSignInFailure(db, actorOf(ctx, token.userId), { method, reason });
      throw invalidToken();
    }
    const user = await db.user.findUnique({ where: { id: token.userId }, include: { role: true } });
    if (!user || !user.totpEnabled) throw invalidToken();
    // The factor is spent and the token used up in one transaction, the token last: of requests
    // racing with one token, the first to use it up keeps its spend, and every other one's
    // spend (a recovery code, a time step, a challenge) rolls back with its refusal.
    const spent = await db.$transaction(async (tx) => {
      const result = input.public_key_credential
        ? await spendSecurityKey(ctx, tx, user.id, input.public_key_credential)
        : await spendSecondFactor({ ...ctx.services, db: tx }, user, input.code!);
      if (result === 'accepted' && !(await useCheckpointToken(tx, token.id))) throw invalidToken();
      return result;
    });
    if (spent !== 'accepted') {
      await recordSignInFailure(db, actorOf(ctx, user.id), { method, reason });
      throw SPEND_REFUSALS[spent]();
    }
    await attempt.succeeded();
    await startSession(ctx, user.id, method);
    const fresh = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { role: true } });
    return { user: presentUser(fresh, config) };
  });
