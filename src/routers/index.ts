// The whole API. The TypeScript frontend imports `AppRouter` from here.
import { accountRouter } from './account/index.ts';
import { activityRouter } from './activity/index.ts';
import { apiKeysRouter } from './api-keys/index.ts';
import { authRouter } from './auth/index.ts';
import { permissionsRouter } from './permissions/index.ts';
import { securityKeysRouter } from './security-keys/index.ts';
import { sessionsRouter } from './sessions/index.ts';
import { sshKeysRouter } from './ssh-keys/index.ts';
import { twoFactorRouter } from './two-factor/index.ts';
import { router } from '../server/trpc.ts';

export const appRouter = router({
  auth: authRouter,
  account: accountRouter,
  apiKeys: apiKeysRouter,
  twoFactor: twoFactorRouter,
  sessions: sessionsRouter,
  permissions: permissionsRouter,
  activity: activityRouter,
  sshKeys: sshKeysRouter,
  securityKeys: securityKeysRouter,
});

export type AppRouter = typeof appRouter;
