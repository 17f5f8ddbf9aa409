import { router } from '../../server/trpc.ts';
import { changePassword } from './change-password.ts';
import { get } from './get.ts';
import { logout } from './logout.ts';
import { update } from './update.ts';
import { updateEmail } from './update-email.ts';

export const accountRouter = router({ get, update, updateEmail, changePassword, logout });
