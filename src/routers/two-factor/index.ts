import { router } from '../../server/trpc.ts';
import { disable } from './disable.ts';
import { enable } from './enable.ts';
import { regenerateRecoveryCodes } from './regenerate-recovery-codes.ts';
import { setup } from './setup.ts';

export const twoFactorRouter = router({ setup, enable, disable, regenerateRecoveryCodes });
