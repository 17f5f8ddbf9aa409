import { router } from '../../server/trpc.ts';
import { list } from './list.ts';

export const activityRouter = router({ list });
