import { z } from 'zod';
import { activityPage, SEARCH_COUNT_LIMIT } from '../../db/activity-log.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { page, pageQuery } from '../shared/fields.ts';
import { activitySchema, presentActivity } from './activity.ts';

export const list = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/client/account/activity',
      tags: ['activity'],
      summary: 'Activity of the account, newest first',
      description: `\`search\` is a literal prefix of the event name or the address. With a search, \`total\` counts matches up to ${SEARCH_COUNT_LIMIT}.`,
    },
    permission: 'activity.read',
  })
  .input(pageQuery().prefault({}))
  .output(z.object({ activities: page(activitySchema) }))
  .query(async ({ ctx, input }) => {
    const { total, rows } = await activityPage(ctx.services.db, ctx.principal.user.id, { page: input.page, perPage: input.per_page, search: input.search });
    return { activities: { total, per_page: input.per_page, page: input.page, data: rows.map(presentActivity) } };
  });
