import { router } from '../../server/trpc.ts';
import { remove } from './delete.ts';
import { deleteOthers } from './delete-others.ts';
import { list } from './list.ts';

export const sessionsRouter = router({ list, delete: remove, deleteOthers });
