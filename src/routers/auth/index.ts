import { router } from '../../server/trpc.ts';
import { checkpoint } from './checkpoint.ts';
import { login } from './login.ts';

export const authRouter = router({ login, checkpoint });
