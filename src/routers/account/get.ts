import { protectedProcedure } from '../../server/trpc.ts';
import { emptyInput } from '../shared/fields.ts';
import { presentUser, userOutput } from '../shared/user.ts';

export const get = protectedProcedure
  .meta({ openapi: { method: 'GET', path: '/client/account', tags: ['account'], summary: 'The signed-in account' }, twoFactorExempt: true })
  .input(emptyInput)
  .output(userOutput)
  .query(({ ctx }) => ({ user: presentUser(ctx.principal.user, ctx.services.config) }));
