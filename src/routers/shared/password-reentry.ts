// Re-entering the password on a signed-in account. The one place that checks it, so the
// per-account failure budget (SPEC §9) can count every failure here.
import type { Account } from '../../db/index.ts';
import { badRequest } from '../../errors.ts';
import { verifyPassword } from '../../rules/passwords.ts';

/** Throws 400 `<field>: invalid password` unless `password` is the account's. */
export async function checkPasswordReentry(user: Account, field: string, password: string) {
  if (!(await verifyPassword(user.passwordHash, password))) throw badRequest(`${field}: invalid password`);
}
