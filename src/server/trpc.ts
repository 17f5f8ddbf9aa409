// tRPC in one file: the request context, the procedure builders, and the middleware that
// authenticates, refuses cross-site changes, applies the two-factor policy and checks
// the permission a procedure names in its meta.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getTRPCErrorShape, initTRPC, transformTRPCResponse, TRPCError } from '@trpc/server';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { forbidden, type AppError } from '../errors.ts';
import type { PermissionKind } from '../rules/permissions.ts';
import { mustHaveTwoFactor } from '../rules/two-factor-policy.ts';
import type { Actor } from '../db/activity-log.ts';
import { authenticate, userAgentOf, type Principal } from './authenticate.ts';
import { clientAddress } from './client-address.ts';
import { crossSiteCheck } from './cross-site.ts';
import { trpcErrorShape } from './error-mapping.ts';
import type { Services } from './services.ts';
import { transformer } from './transformer.ts';

export type Meta = OpenApiMeta & {
  /** The user permission the caller must hold. */
  permission?: string;
  /** Reachable by an account that the two-factor policy has not yet let in (SPEC §3.4). */
  twoFactorExempt?: boolean;
  /** A DELETE whose input is a JSON body (trpc-to-openapi reads only the query on DELETE). */
  jsonBody?: boolean;
};

export function contextFactory(services: Services) {
  const isCrossSite = crossSiteCheck(services.config);
  return ({ req, res }: { req: IncomingMessage; res: ServerResponse }) => ({
    req,
    res,
    services,
    clientIp: clientAddress(req, services.config.trustedProxies),
    isCrossSite,
  });
}

export type Context = ReturnType<ReturnType<typeof contextFactory>>;

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer,
    errorFormatter: ({ shape, error }) => trpcErrorShape(shape, error),
  });

/**
 * Every call of a tRPC batch shares its request's context, and so its authentication:
 * a batch of calls costs one cookie or key check, and one refusal when it fails.
 */
const principals = new WeakMap<IncomingMessage, Promise<Principal>>();
function authenticateOnce(ctx: Context): Promise<Principal> {
  let principal = principals.get(ctx.req);
  if (!principal) principals.set(ctx.req, (principal = authenticate(ctx.services, ctx.req, ctx.clientIp)));
  return principal;
}

/**
 * A failure of a whole /trpc request, answered before tRPC reads it, in the very shape
 * tRPC gives its own errors (through the error formatter below).
 */
export function sendTrpcError(res: ServerResponse, code: TRPCError['code'], error: AppError) {
  const shape = getTRPCErrorShape({ config: t._config, error: new TRPCError({ code, cause: error }), type: 'unknown', path: undefined, input: undefined, ctx: undefined });
  res.writeHead(error.status, { 'content-type': 'application/json', ...error.headers });
  res.end(JSON.stringify(transformTRPCResponse(t._config, { error: shape })));
}

export const router = t.router;

/** Every mutation may have committed mail (a refused sign-in too): the sender looks right after. */
export const publicProcedure = t.procedure.use(async ({ ctx, type, next }) => {
  const result = await next();
  if (type === 'mutation') ctx.services.mail.wake();
  return result;
});

/**
 * The public calls that sign a browser in or recover an account. A foreign page must not drive
 * them either (login CSRF: it would sign the victim's browser into the attacker's account), so
 * they pass the cross-site rule of cookie-authenticated changes; a caller sending neither
 * header (curl, a server) is not concerned.
 */
export const signInProcedure = publicProcedure.use(async ({ ctx, type, next }) => {
  if (type === 'mutation' && ctx.isCrossSite(ctx.req)) throw forbidden('cross-site request refused');
  return next();
});

export const protectedProcedure = publicProcedure.use(async ({ ctx, meta, type, next }) => {
  const principal = await authenticateOnce(ctx);
  if (principal.via.kind === 'session' && type === 'mutation' && ctx.isCrossSite(ctx.req)) {
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
