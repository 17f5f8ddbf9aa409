// Every screen of the console, in the order of the menu. A screen is one file in this
// folder and one line here; the shell gives it its heading, its address and the account.
import type { ComponentType } from 'react';
import { FORGOT_PASSWORD, RESET_PASSWORD, SIGN_IN } from '../paths.ts';
import type { User } from '../trpc.ts';
import { AccountScreen } from './account.tsx';
import { ActivityScreen } from './activity.tsx';
import { ApiKeysScreen } from './api-keys.tsx';
import { ForgotPasswordScreen, ResetPasswordScreen } from './password-reset.tsx';
import { SecurityKeysScreen } from './security-keys.tsx';
import { SessionsScreen } from './sessions.tsx';
import { SshKeysScreen } from './ssh-keys.tsx';
import { SignInScreen } from './sign-in.tsx';
import { TwoFactorScreen } from './two-factor.tsx';

export interface Screen<Props = object> {
  path: string;
  title: string;
  component: ComponentType<Props>;
}

/** Screens for a signed-in account; each gets the account as `user`. */
export const accountScreens: Screen<{ user: User }>[] = [
  { path: '/account', title: 'Account', component: AccountScreen },
  { path: '/two-factor', title: 'Two-factor authentication', component: TwoFactorScreen },
  { path: '/api-keys', title: 'API keys', component: ApiKeysScreen },
  { path: '/ssh-keys', title: 'SSH keys', component: SshKeysScreen },
  { path: '/security-keys', title: 'Security keys', component: SecurityKeysScreen },
  { path: '/sessions', title: 'Sessions', component: SessionsScreen },
  { path: '/activity', title: 'Activity', component: ActivityScreen },
];

/** Screens reached without a session. */
export const publicScreens: Screen[] = [
  { path: SIGN_IN, title: 'Sign in', component: SignInScreen },
  { path: FORGOT_PASSWORD, title: 'Forgot password', component: ForgotPasswordScreen },
  { path: RESET_PASSWORD, title: 'Set a new password', component: ResetPasswordScreen },
];
