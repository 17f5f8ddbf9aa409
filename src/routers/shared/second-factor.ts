// Spends a second factor: a TOTP code whose time step is newer than any accepted before,
// or an unused recovery code. Both are claimed with a conditional write, so a code
// raced in parallel is accepted exactly once.
import type { Services } from '../../server/services.ts';
import type { Account, DbClient } from '../../db/index.ts';
import { badRequest } from '../../errors.ts';
import { open, type Keys } from '../../rules/secrets.ts';
import { hashRecoveryCode, isRecoveryCodeShape, matchTotp } from '../../rules/totp.ts';
import { verifyPasswordReentry } from './password-reentry.ts';
import { startAccountAttempt } from '../../db/rate-limits.ts';

export type SecondFactorResult = 'accepted' | 'replayed' | 'invalid';

const TOTP_CODE = /^\d{6}$/;

/** How a code signs in, for the activity log: six digits are a TOTP code, anything else a recovery code. */
export const secondFactorMethod = (code: string) => (TOTP_CODE.test(code) ? 'two_factor' : 'recovery_code');

/** Through `services.db`, which may be a transaction's client. */
export async function spendSecondFactor(services: { db: DbClient; keys: Keys }, user: Account, code: string, secretSealed = user.totpSecret): Promise<SecondFactorResult> {
  const { db, keys } = services;
  if (!secretSealed) return 'invalid';
  if (TOTP_CODE.test(code)) {
    const step = await matchTotp(open(keys.totp, secretSealed), code, 0);
    if (step === undefined) return 'invalid';
    if (step <= user.totpLastStep) return 'replayed';
    const claimed = await db.user.updateMany({
      where: { id: user.id, totpLastStep: { lt: step } },
      data: { totpLastStep: step, totpLastUsed: new Date() },
    });
    return claimed.count === 1 ? 'accepted' : 'replayed';
  }
  if (isRecoveryCodeShape(code.toLowerCase())) {
    const spent = await db.recoveryCode.deleteMany({ where: { userId: user.id, codeHash: hashRecoveryCode(keys.recoveryCodes, code.toLowerCase()) } });
    return spent.count === 1 ? 'accepted' : 'invalid';
  }
  return 'invalid';
}

/**
 * The confirmation that turning two-factor off and making new recovery codes ask for: the
 * password, then a code (spent), each refused with the contract's 400.
 */
export async function confirmWithCodeAndPassword(services: Services, user: Account, input: { code: string; password: string }) {
  await verifyPasswordReentry(services, user, input.password);
  // The right password alone must not open unlimited guesses at the code: a wrong code counts
  // against the account's failure budget too (SPEC §9).
  const attempt = await startAccountAttempt(services.db, user.id, services.config.rateLimits.accountFailures);
  const result = await spendSecondFactor(services, user, input.code);
  if (result === 'replayed') throw badRequest('code: this code has already been used');
  if (result === 'invalid') throw badRequest('code: invalid confirmation code');
  await attempt.succeeded();
}
