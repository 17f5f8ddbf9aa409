// Computes real TOTP codes as an authenticator app would.
import { generate } from 'otplib';

/** The 6-digit code for `secret` at `at` (ms), optionally some 30 s steps away. */
export const totpCode = (secret: string, at = Date.now(), stepOffset = 0) =>
  generate({ secret, epoch: Math.floor(at / 1000) + stepOffset * 30 });
