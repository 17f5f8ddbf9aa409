// tRPC in one file: the request context, the procedure builders, and the middleware that
// authenticates, refuses cross-site changes, applies the two-factor policy and checks
// the permission a procedure names in its meta.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { forbidden } from '../errors.ts';
import type { PermissionKind } from '../rules/permissions.ts';
import { mustHaveTwoFactor } from '../rules/two-factor-policy.ts';
import type { Actor } from '../db/activity-log.ts';
import { authenticate, userAgentOf } from './authenticate.ts';
import { clientAddress } from './client-address.ts';
import { isCrossSite } from './cross-site.ts';
import { toAppError } from './error-mapping.ts';
import type { Services } from './services.ts';

export type Meta = OpenApiMeta & {
  /** The user permission the caller must hold. */
  permission?: string;
  /** Reachable by an account that the two-factor policy has not yet let in (SPEC §3.4). */
  twoFactorExempt?: boolean;
  /** A DELETE whose input is a JSON body (trpc-to-openapi reads only the query on DELETE). */
  jsonBody?: boolean;
};

export function contextFactory(services: Services) {
  return ({ req, res }: { req: IncomingMessage; res: ServerResponse }) => ({
    req,
    res,
    services,
    clientIp: clientAddress(req, services.config.trustedProxies),
  });
}

export type Context = ReturnType<ReturnType<typeof contextFactory>>;

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter: ({ shape, error }) => {
      const appError = toAppError(error);
      return { ...shape, message: appError.messages[0]!, data: { ...shape.data, httpStatus: appError.status, errors: appError.messages, stack: undefined } };
    },
  });

export const router = t.router;

/** Every mutation may have committed mail (a refused sign-in too): the sender looks right after. */
export const publicProcedure = t.procedure.use(async ({ ctx, type, next }) => {
  const result = await next();
  if (type === 'mutation') ctx.services.mail.wake();
  return result;
});

export const protectedProcedure = publicProcedure.use(async ({ ctx, meta, type, next }) => {
  const principal = await authenticate(ctx.services, ctx.req, ctx.res, ctx.clientIp);
  if (principal.via.kind === 'session' && type === 'mutation' && isCrossSite(ctx.req, ctx.services.config.appUrl)) {
    throw forbidden('cross-site request refused');
  }
  const { user } = principal;
  if (
    !meta?.twoFactorExempt &&
    !user.totpEnabled &&
    mustHaveTwoFactor(ctx.services.config.twoFactorRequirement, { admin: user.admin, roleRequiresTwoFactor: user.role?.requireTwoFactor ?? false })
  ) {
    throw forbidden('two-factor authentication required');
  }
  if (meta?.permission) requirePermission(principal.rights, 'user_permissions', meta.permission);
  const { via } = principal;
  const actor = actorOf(ctx, user.id, via.kind === 'api_key' ? { id: via.keyId, name: via.name, keyStart: via.keyStart } : null);
  // tRPC merges these into the context it has.
  return next({ ctx: { principal, actor } });
});

/** Who an activity entry names: this request's address and browser, on `userId`'s account. */
export const actorOf = (ctx: Context, userId: string, apiKey: Actor['apiKey'] = null): Actor => ({
  userId,
  ip: ctx.clientIp,
  userAgent: userAgentOf(ctx.req),
  apiKey,
});

export function requirePermission(rights: Record<PermissionKind, ReadonlySet<string>>, kind: PermissionKind, name: string) {
  if (!rights[kind].has(name)) throw forbidden(`you do not have permission to perform this action: ${name}`);
}
