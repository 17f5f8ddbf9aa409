import { z } from 'zod';
import { badRequest } from '../../errors.ts';
import { verifyPassword } from '../../rules/passwords.ts';
import { takeAttempt } from '../../db/rate-limits.ts';
import { publicProcedure } from '../../server/trpc.ts';
import { currentPassword } from '../shared/fields.ts';
import { securityKeyOptionsFor } from '../shared/security-key-ceremonies.ts';
import { presentUser, userSchema } from '../shared/user.ts';
import { requestOptionsSchema } from '../shared/webauthn-json.ts';
import { issueCheckpointToken } from './checkpoint-token.ts';
import { startSession } from './start-session.ts';

const input = z.strictObject({
  user: z.string().trim().min(1, 'is required').max(255, 'must be at most 255 characters').meta({ description: 'Username or email' }),
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

export const login = publicProcedure
  .meta({ openapi: { method: 'POST', path: '/auth/login', tags: ['auth'], summary: 'Sign in with a username or email and a password', protect: false } })
  .input(input)
  .output(output)
  .mutation(async ({ ctx, input }) => {
    const { db, config, keys } = ctx.services;
    await takeAttempt(db, `login:${ctx.clientIp}`, config.rateLimits.login);
    const key = input.user.toLowerCase();
    const user = await db.user.findFirst({ where: { OR: [{ usernameKey: key }, { emailKey: key }] }, include: { role: true } });
    // An unknown account costs a decoy verification: same answer, similar time.
    if (!(await verifyPassword(user?.passwordHash, input.password)) || !user) throw badRequest('invalid username or password');
    if (user.totpEnabled) {
      return { type: 'two_factor_required' as const, token: await issueCheckpointToken(keys.checkpoint, user.id), ...(await securityKeyOptionsFor(ctx, user.id)) };
    }
    await startSession(ctx, user.id);
    return { type: 'completed' as const, user: presentUser(user, config) };
  });
