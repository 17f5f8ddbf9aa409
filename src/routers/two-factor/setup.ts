import { z } from 'zod';
import { conflict } from '../../errors.ts';
import { seal } from '../../rules/secrets.ts';
import { newTotpSecret, otpUrl } from '../../rules/totp.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { emptyInput } from '../shared/fields.ts';

export const setup = protectedProcedure
  .meta({
    // A mutation over /trpc, so that a client refetching a query never rotates the secret a
    // user is scanning; REST keeps the documented GET, and the cross-site check still
    // applies to it because the check looks at the procedure's type, not the method.
    openapi: { method: 'GET', path: '/client/account/two-factor', tags: ['two-factor'], summary: 'Start two-factor setup: a new pending secret each call', errorResponses: { 409: 'two-factor authentication is already enabled' } },
    permission: 'account.two-factor',
    twoFactorExempt: true,
  })
  .input(emptyInput)
  .output(z.object({ otp_url: z.string().meta({ description: 'otpauth:// URL for a QR code' }), secret: z.string().meta({ description: 'Base32 secret for manual entry' }) }))
  .mutation(async ({ ctx }) => {
    const { db, keys, config } = ctx.services;
    const { user } = ctx.principal;
    const secret = newTotpSecret();
    // Only an account without two-factor gets a pending secret: the write checks it, not a read before it.
    const pending = await db.user.updateMany({ where: { id: user.id, totpEnabled: false }, data: { totpSecret: seal(keys.totp, secret) } });
    if (pending.count === 0) throw conflict('two-factor authentication is already enabled');
    return { otp_url: otpUrl(secret, config.appName, user.username), secret };
  });
