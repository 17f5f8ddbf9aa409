import { router } from '../../server/trpc.ts';
import { create } from './create.ts';
import { remove } from './delete.ts';
import { list } from './list.ts';

export const apiKeysRouter = router({ list, create, delete: remove });
