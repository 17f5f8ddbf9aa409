// The password asked again of a signed-in account before a sensitive change. A stolen cookie
// or key must not make it a free password oracle, so a wrong one counts against the account's
// failure budget (SPEC §9), shared with sign-in: past it, 429.
import type { Account } from '../../db/index.ts';
import { startAccountAttempt } from '../../db/rate-limits.ts';
import { badRequest } from '../../errors.ts';
import { verifyPassword } from '../../rules/passwords.ts';
import type { Services } from '../../server/services.ts';

/** Throws 400 `<field>: invalid password` for a wrong password, 429 when the budget is spent. */
export async function verifyPasswordReentry(services: Services, user: Account, password: string, field = 'password'): Promise<void> {
  const attempt = await startAccountAttempt(services.db, user.id, services.config.rateLimits.accountFailures);
  if (!(await verifyPassword(user.passwordHash, password))) throw badRequest(`${field}: invalid password`);
  await attempt.succeeded();
}
