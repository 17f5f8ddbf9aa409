import { router } from '../../server/trpc.ts';
import { create } from './create.ts';
import { remove } from './delete.ts';
import { finish } from './finish.ts';
import { list } from './list.ts';
import { update } from './update.ts';

export const securityKeysRouter = router({ list, create, finish, update, delete: remove });
