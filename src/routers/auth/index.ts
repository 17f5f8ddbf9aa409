import { router } from '../../server/trpc.ts';
import { checkpoint } from './checkpoint.ts';
import { login } from './login.ts';
import { securityKeyLogin } from './security-key-login.ts';
import { securityKeyOptions } from './security-key-options.ts';

export const authRouter = router({ login, checkpoint, securityKeyOptions, securityKeyLogin });
