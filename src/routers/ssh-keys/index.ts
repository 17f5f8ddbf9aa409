import { router } from '../../server/trpc.ts';
import { create } from './create.ts';
import { remove } from './delete.ts';
import { list } from './list.ts';
import { update } from './update.ts';

export const sshKeysRouter = router({ list, create, update, delete: remove });
