import { z } from 'zod';
import { takeAddressAttempt } from '../../db/rate-limits.ts';
import { signInProcedure } from '../../server/trpc.ts';
import { emptyInput } from '../shared/fields.ts';
import { beginSecurityKeySignIn } from '../shared/security-key-ceremonies.ts';
import { requestOptionsSchema } from '../shared/webauthn-json.ts';

// It stores a challenge, so over /trpc it is a mutation (a refetching client must not pile
// them up); over REST it stays the GET the contract names.
export const securityKeyOptions = signInProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/auth/login/security-key',
      tags: ['auth'],
      summary: 'Begin a passkey sign-in: options for navigator.credentials.get() (any discoverable passkey), valid 5 minutes',
      errorResponses: { 403: 'sent from a page of another site' },
      protect: false,
    },
  })
  .input(emptyInput)
  .output(z.object({ uuid: z.uuid().meta({ description: 'Names this sign-in when it is finished' }), options: requestOptionsSchema }))
  .mutation(async ({ ctx }) => {
    await takeAddressAttempt(ctx.services.db, 'login', ctx.clientIp, ctx.services.config.rateLimits.login);
    return beginSecurityKeySignIn(ctx);
  });
