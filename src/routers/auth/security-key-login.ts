import { z } from 'zod';
import { takeAddressAttempt } from '../../db/rate-limits.ts';
import { signInProcedure } from '../../server/trpc.ts';
import { text } from '../shared/fields.ts';
import { finishSecurityKeySignIn } from '../shared/security-key-ceremonies.ts';
import { presentUser, userSchema } from '../shared/user.ts';
import { assertionCredential } from '../shared/webauthn-json.ts';
import { startSession } from './start-session.ts';

export const securityKeyLogin = signInProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/auth/login/security-key',
      tags: ['auth'],
      summary: "Finish a passkey sign-in with the authenticator's answer; no two-factor checkpoint follows",
      errorResponses: { 403: 'sent from a page of another site' },
      protect: false,
    },
  })
  .input(z.strictObject({ uuid: text().max(64, 'must be at most 64 characters').meta({ description: 'From the options' }), public_key_credential: assertionCredential }))
  .output(z.object({ type: z.literal('completed'), user: userSchema }))
  .mutation(async ({ ctx, input }) => {
    const { db, config } = ctx.services;
    await takeAddressAttempt(db, 'login', ctx.clientIp, config.rateLimits.login);
    const userId = await finishSecurityKeySignIn(ctx, input.uuid, input.public_key_credential);
    await startSession(ctx, userId, 'security_key');
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { role: true } });
    return { type: 'completed' as const, user: presentUser(user, config) };
  });
