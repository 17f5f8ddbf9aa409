import { router } from '../../server/trpc.ts';
import { create } from './create.ts';
import { remove } from './delete.ts';
import { list } from './list.ts';
import { recreate } from './recreate.ts';
import { update } from './update.ts';

export const apiKeysRouter = router({ list, create, update, recreate, delete: remove });
