import { z } from 'zod';
import { enqueueMail } from '../../db/outbox.ts';
import { takeAddressAttempt, takeAttempt } from '../../db/rate-limits.ts';
import { sha256 } from '../../rules/tokens.ts';
import { signInProcedure } from '../../server/trpc.ts';
import { email } from '../shared/account-fields.ts';
import { emptyOutput } from '../shared/fields.ts';

const input = z.strictObject({ email });

export const forgotPassword = signInProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/auth/password/forgot',
      tags: ['auth'],
      summary: 'Ask for a password-reset link by mail',
      description: 'Always answers {}: whether an account holds the address is never told. The link is valid PASSWORD_RESET_TTL seconds and works once.',
      errorResponses: { 403: 'sent from a page of another site' },
      protect: false,
    },
  })
  .input(input)
  .output(emptyOutput)
  .mutation(async ({ ctx, input }) => {
    const { db, config } = ctx.services;
    const address = input.email.toLowerCase();
    await takeAddressAttempt(db, 'password-forgot', ctx.clientIp, config.rateLimits.passwordForgot);
    // Keyed by a digest: the limits table need not list every address anyone typed.
    await takeAttempt(db, `password-forgot-email:${sha256(address)}`, config.rateLimits.passwordForgot);
    // The same single write whether or not an account holds the address: the sender looks it
    // up later, so neither the answer nor its time tells. No mail is sent while the caller waits.
    await enqueueMail(db, { kind: 'password-reset', email: address });
    return {};
  });
