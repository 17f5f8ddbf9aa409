// The fields of an API key as create and update take them, and the checks both apply.
import { z } from 'zod';
import { badRequest, forbidden } from '../../errors.ts';
import { inheritKeyLimits, type KeyLimits } from '../../rules/api-key-inheritance.ts';
import { ALLOWED_IPS_MAX, API_KEY_NAME_MAX, API_KEY_NAME_MIN } from '../../rules/api-keys.ts';
import { parseRange } from '../../rules/ip-ranges.ts';
import { checkGrant, type PermissionKind, type Rights } from '../../rules/permissions.ts';
import type { Principal } from '../../server/authenticate.ts';
import { itemName, text } from '../shared/fields.ts';

export const apiKeyName = itemName(API_KEY_NAME_MIN, API_KEY_NAME_MAX);

export const allowedIps = z
  .array(
    z.string().transform((text, ctx) => {
      const range = parseRange(text);
      if (range) return range;
      ctx.addIssue({ code: 'custom', message: 'invalid ip address or cidr range' });
      return z.NEVER;
    }),
  )
  .max(ALLOWED_IPS_MAX, `must hold at most ${ALLOWED_IPS_MAX} addresses`)
  .meta({ description: 'IP addresses or CIDR ranges (IPv4 or IPv6); empty allows every address' });

export const permissionList = z.array(text().max(128, 'must be at most 128 characters')).max(1000, 'must hold at most 1000 permissions');

/** An expiry in the future; null is none. */
export const expires = z.iso
  .datetime({ offset: true, error: 'must be an RFC 3339 date-time' })
  .transform((text, ctx) => {
    const date = new Date(text);
    if (date.getTime() > Date.now()) return date;
    ctx.addIssue({ code: 'custom', message: 'must be in the future' });
    return z.NEVER;
  })
  .nullable();

export const PERMISSION_KINDS: PermissionKind[] = ['user_permissions', 'admin_permissions', 'server_permissions'];

/** Refuses names not in the catalogue (400) and, after those, names the caller does not hold (403). */
export function checkGrants(rights: Rights, lists: Partial<Record<PermissionKind, readonly string[]>>) {
  const checks = PERMISSION_KINDS.map((kind) => ({ kind, ...checkGrant(rights, kind, lists[kind] ?? []) }));
  const unknown = checks.flatMap(({ kind, unknown }) => unknown.map((name) => `${kind}: invalid permission: ${name}`));
  if (unknown.length > 0) throw badRequest(unknown);
  const excess = checks.find(({ notHeld }) => notHeld.length > 0);
  if (excess) throw forbidden(`${excess.kind}: more permissions than self`);
}

/** A key may not rewrite or replace itself: a stolen key could otherwise outlive its revocation. */
export function refuseSelfChange(principal: Principal, apiKeyId: string) {
  if (principal.via.kind === 'api_key' && principal.via.keyId === apiKeyId) throw forbidden('an api key cannot change itself');
}

/**
 * The address ranges and expiry a key gets when created or changed: as asked, unless a key
 * makes the request, whose limits the result then inherits (SPEC §9b).
 */
export function withinCallingKey(principal: Principal, asked: KeyLimits): KeyLimits {
  if (principal.via.kind !== 'api_key') return asked;
  const inherited = inheritKeyLimits(asked, principal.via);
  if (!inherited.ok) throw badRequest(inherited.problems);
  return inherited.limits;
}

/**
 * Whoever changes a key or takes its new secret holds what the key holds: the caller must hold
 * all its permissions and, when the caller is a key, be at least as free in addresses and time
 * (SPEC §9b). Otherwise a narrow key could widen, or take over, a broader one.
 */
export function refuseBroaderTarget(principal: Principal, target: { permissions: Record<PermissionKind, readonly string[]> } & KeyLimits) {
  const { rights, via } = principal;
  const broader = PERMISSION_KINDS.some((kind) => checkGrant(rights, kind, target.permissions[kind]).notHeld.length > 0);
  const inherited = via.kind === 'api_key' && inheritKeyLimits(target, via);
  const freer =
    inherited &&
    (!inherited.ok || inherited.limits.allowedIps.length !== target.allowedIps.length || inherited.limits.expires?.getTime() !== target.expires?.getTime());
  if (broader || freer) throw forbidden('more permissions than self');
}
