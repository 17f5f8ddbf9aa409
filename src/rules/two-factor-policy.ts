// Who must have two-factor authentication turned on before using the panel.
import type { TwoFactorRequirement } from '../config.ts';

export function mustHaveTwoFactor(
  requirement: TwoFactorRequirement,
  account: { admin: boolean; roleRequiresTwoFactor: boolean },
): boolean {
  if (account.roleRequiresTwoFactor || requirement === 'all_users') return true;
  return requirement === 'admins' && account.admin;
}
