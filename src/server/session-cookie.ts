// The session cookie: iron-session seals {id, secret}; HttpOnly, SameSite=Lax, Path=/,
// Secure when the panel is served over https.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getIronSession, type SessionOptions } from 'iron-session';
import type { Config } from '../config.ts';
import type { Keys } from '../rules/secrets.ts';
import type { SessionToken } from '../rules/sessions.ts';

export const SESSION_COOKIE = 'panel_session';

type Sealed = Partial<SessionToken>;

function options(config: Config, keys: Keys): SessionOptions {
  return {
    cookieName: SESSION_COOKIE,
    password: keys.cookie,
    // The cookie lives as long as a session can; the database row decides idle expiry.
    ttl: config.sessionMaxAgeSeconds,
    cookieOptions: { httpOnly: true, sameSite: 'lax', path: '/', secure: config.appUrl.protocol === 'https:' },
  };
}

/** The sealed value of the session cookie, if the request carries one. */
function sealedCookie(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const trimmed = part.trim();
    if (trimmed.startsWith(`${SESSION_COOKIE}=`)) return trimmed.slice(SESSION_COOKIE.length + 1);
  }
  return undefined;
}

export const hasSessionCookie = (req: IncomingMessage) => sealedCookie(req) !== undefined;

/**
 * Unsealing takes several WebCrypto calls, and a cookie always unseals to the same token, so
 * each server keeps its recent results (bounded). It only spares the decryption: whether the
 * session still lives is asked of the database on every request.
 */
const unsealed = new WeakMap<Keys, Map<string, SessionToken>>();
const UNSEALED_MAX = 10_000;

/** The token in the cookie, or undefined when it cannot be read (tampered, foreign, expired seal). */
export async function readSessionCookie(req: IncomingMessage, res: ServerResponse, config: Config, keys: Keys) {
  const raw = sealedCookie(req);
  let cache = unsealed.get(keys);
  if (!cache) unsealed.set(keys, (cache = new Map()));
  const known = raw && cache.get(raw);
  if (known) return known;
  const sealed = await getIronSession<Sealed>(req, res, options(config, keys));
  if (typeof sealed.id !== 'string' || typeof sealed.secret !== 'string') return undefined;
  const token = { id: sealed.id, secret: sealed.secret };
  if (raw) {
    if (cache.size >= UNSEALED_MAX) cache.delete(cache.keys().next().value!);
    cache.set(raw, token);
  }
  return token;
}

export async function writeSessionCookie(req: IncomingMessage, res: ServerResponse, config: Config, keys: Keys, token: SessionToken) {
  const sealed = await getIronSession<Sealed>(req, res, options(config, keys));
  sealed.id = token.id;
  sealed.secret = token.secret;
  await sealed.save();
}

export async function clearSessionCookie(req: IncomingMessage, res: ServerResponse, config: Config, keys: Keys) {
  const sealed = await getIronSession<Sealed>(req, res, options(config, keys));
  sealed.destroy();
}
