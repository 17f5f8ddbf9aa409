import { z } from 'zod';
import { badRequest } from '../../errors.ts';
import { takeAttempt } from '../../db/rate-limits.ts';
import { publicProcedure } from '../../server/trpc.ts';
import { spendSecondFactor } from '../shared/second-factor.ts';
import { spendSecurityKey } from '../shared/security-key-ceremonies.ts';
import { presentUser, userOutput } from '../shared/user.ts';
import { assertionCredential } from '../shared/webauthn-json.ts';
import { readCheckpointToken } from './checkpoint-token.ts';
import { startSession } from './start-session.ts';

const input = z
  .strictObject({
    confirmation_token: z.string().min(1, 'is required').max(1024, 'must be at most 1024 characters'),
    code: z.string().trim().min(1, 'is required').max(64, 'must be at most 64 characters').optional().meta({ description: 'A TOTP code or a recovery code' }),
    public_key_credential: assertionCredential.optional().meta({ description: 'In place of code: the answer of one of the account\'s security keys to the login\'s security_key_options' }),
  })
  .refine((body) => (body.code === undefined) !== (body.public_key_credential === undefined), { path: ['code'], message: 'give either code or public_key_credential' });

export const checkpoint = publicProcedure
  .meta({ openapi: { method: 'POST', path: '/auth/login/checkpoint', tags: ['auth'], summary: 'Finish a sign-in with a TOTP code, a recovery code or a security key', protect: false } })
  .input(input)
  .output(userOutput)
  .mutation(async ({ ctx, input }) => {
    const { db, config, keys } = ctx.services;
    await takeAttempt(db, `checkpoint:${ctx.clientIp}`, config.rateLimits.checkpoint);
    const userId = await readCheckpointToken(keys.checkpoint, input.confirmation_token);
    const user = userId && (await db.user.findUnique({ where: { id: userId }, include: { role: true } }));
    if (!user || !user.totpEnabled) throw badRequest('invalid confirmation token');
    const result = input.public_key_credential ? await spendSecurityKey(ctx, user.id, input.public_key_credential) : await spendSecondFactor(ctx.services, user, input.code!);
    if (result === 'replayed') throw badRequest('this code has already been used');
    if (result === 'invalid') throw badRequest('invalid confirmation code');
    await startSession(ctx, user.id);
    const fresh = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { role: true } });
    return { user: presentUser(fresh, config) };
  });
