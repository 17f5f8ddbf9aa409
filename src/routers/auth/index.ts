import { router } from '../../server/trpc.ts';
import { checkpoint } from './checkpoint.ts';
import { forgotPassword } from './forgot-password.ts';
import { login } from './login.ts';
import { resetPassword } from './reset-password.ts';


import { securityKeyLogin } from './security-key-login.ts';
import { securityKeyOptions } from './security-key-options.ts';

export const authRouter = router({ login, checkpoint, forgotPassword, resetPassword, securityKeyOptions, securityKeyLogin });
