// Who is making a request (SPEC §3): the session cookie decides alone when present,
// else the Bearer API key, else nobody. Every check reads the database, so a revocation
// on any instance holds from the very next request.
import type { IncomingMessage } from 'node:http';
import { stringList, type Account } from '../db/index.ts';
import { forbidden, unauthorized } from '../errors.ts';
import { API_KEY_LENGTH, hashApiKey } from '../rules/api-keys.ts';
import { inAnyRange } from '../rules/ip-ranges.ts';
import { accountRights, keyRights, type Rights } from '../rules/permissions.ts';
import { isAlive, secretMatches } from '../rules/sessions.ts';
import type { Services } from './services.ts';
import { hasSessionCookie, readSessionCookie } from './session-cookie.ts';

export interface Principal {
  user: Account;
  /** How the request authenticated: the session or key it used. */
  via:
    | { kind: 'session'; sessionId: string }
    /** The key, with the limits that a key it mints or changes inherits (SPEC §9b). */
    | { kind: 'api_key'; keyId: string; name: string; keyStart: string; allowedIps: string[]; expires: Date | null };
  rights: Rights;
}

const BEARER = new RegExp(`^Bearer (.{${API_KEY_LENGTH}})$`);

export const rightsOf = (user: Account) =>
  accountRights({ admin: user.admin, roleAdminPermissions: stringList(user.role?.adminPermissions) });

export async function authenticate(services: Services, req: IncomingMessage, clientIp: string): Promise<Principal> {
  const { lookup, config, keys, lastUsed } = services;
  const now = new Date();

  if (hasSessionCookie(req, config)) {
    const token = await readSessionCookie(req, config, keys);
    const session = token && (await lookup.session(token.id));
    if (!token || !session || !secretMatches(token.secret, session.secretHash)) throw unauthorized('invalid session');
    const lastUse = lastUsed.pendingSessionUse(session.id) ?? session.lastUsed;
    if (!isAlive({ lastUsed: lastUse, created: session.created }, { idleSeconds: config.sessionIdleSeconds, maxAgeSeconds: config.sessionMaxAgeSeconds }, now.getTime())) {
      throw unauthorized('invalid session');
    }
    lastUsed.recordSession(session.id, { lastUsed: now, ip: clientIp, userAgent: userAgentOf(req) });
    return { user: session.user, via: { kind: 'session', sessionId: session.id }, rights: rightsOf(session.user) };
  }

  const header = req.headers.authorization;
  if (header !== undefined) {
    const match = BEARER.exec(header);
    if (!match) throw unauthorized('invalid authorization header');
    const key = await lookup.apiKey(hashApiKey(match[1]!));
    if (!key || (key.expires && key.expires <= now)) throw unauthorized('invalid api key');
    const allowed = stringList(key.allowedIps);
    if (allowed.length > 0 && !inAnyRange(clientIp, allowed)) throw forbidden('ip address not allowed for this api key');
    lastUsed.recordKey(key.id, now);
    const rights = keyRights(rightsOf(key.user), {
      user_permissions: stringList(key.userPermissions),
      admin_permissions: stringList(key.adminPermissions),
      server_permissions: stringList(key.serverPermissions),
    });
    return {
      user: key.user,
      via: { kind: 'api_key', keyId: key.id, name: key.name, keyStart: key.keyStart, allowedIps: allowed, expires: key.expires },
      rights,
    };
  }

  throw unauthorized('missing authorization');
}

export const userAgentOf = (req: IncomingMessage) => (req.headers['user-agent'] ?? '').slice(0, 512);
