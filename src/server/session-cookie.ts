// The session cookie: iron-session seals {id, secret}; HttpOnly, SameSite=Lax, Path=/,
// Secure and named with the `__Host-` prefix when the panel is served over https (the
// browser then refuses the name from a plain-http page, a subdomain or another path).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getIronSession, unsealData, type SessionOptions } from 'iron-session';
import { LRUCache } from 'lru-cache';
import type { Config } from '../config.ts';
import type { Keys } from '../rules/secrets.ts';
import type { SessionToken } from '../rules/sessions.ts';

/** The cookie's name: `__Host-panel_session` over https, `panel_session` over plain http, which the prefix forbids. */
export const sessionCookieName = (config: Pick<Config, 'appUrl'>) => (config.appUrl.protocol === 'https:' ? '__Host-panel_session' : 'panel_session');

type Sealed = Partial<SessionToken>;

function options(config: Config, keys: Keys): SessionOptions {
  return {
    cookieName: sessionCookieName(config),
    password: keys.cookie,
    // The cookie lives as long as a session can; the database row decides idle expiry.
    ttl: config.sessionMaxAgeSeconds,
    cookieOptions: { httpOnly: true, sameSite: 'lax', path: '/', secure: config.appUrl.protocol === 'https:' },
  };
}

/**
 * The session cookie's value, if the request carries one. Spaces and tabs around the value
 * are not part of it, as browsers and iron-session's own parser read cookies.
 */
function sealedCookie(req: IncomingMessage, config: Pick<Config, 'appUrl'>): string | undefined {
  const prefix = `${sessionCookieName(config)}=`;
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const trimmed = part.trim();
    if (trimmed.startsWith(prefix)) return trimmed.slice(prefix.length).trim();
  }
  return undefined;
}

export const hasSessionCookie = (req: IncomingMessage, config: Pick<Config, 'appUrl'>) => sealedCookie(req, config) !== undefined;

/**
 * A seal exactly as this server writes it: iron's eight `*`-separated parts (hex, digits,
 * base64url) and iron-session's version suffix `~2`. iron-session would also unseal a
 * quoted, percent-encoded or otherwise padded variant; refusing those unread means one
 * session has exactly one cookie value, so the cache below cannot be filled with copies.
 * Sealing {id, secret} makes about 300 characters; 1 KB leaves room and bounds the work.
 */
const SEAL = /^Fe26\.2(?:\*[\w-]*){7}~2$/;
const SEAL_MAX_LENGTH = 1024;

/**
 * Unsealing takes several WebCrypto calls, and a cookie always unseals to the same token, so
 * each server keeps its recent results, keyed by the seal, bounded in bytes (strings count
 * two bytes a character at most) with the least recently used dropped first. It only spares
 * the decryption: whether the session still lives is asked of the database on every request.
 */
const unsealed = new WeakMap<Keys, LRUCache<string, SessionToken>>();
const UNSEALED_MAX_BYTES = 4 * 1024 * 1024;
const ENTRY_OVERHEAD_BYTES = 200;

const cacheFor = (keys: Keys) => {
  let cache = unsealed.get(keys);
  if (!cache) {
    cache = new LRUCache({
      maxSize: UNSEALED_MAX_BYTES,
      sizeCalculation: (token, seal) => ENTRY_OVERHEAD_BYTES + 2 * (seal.length + token.id.length + token.secret.length),
    });
    unsealed.set(keys, cache);
  }
  return cache;
};

/** The token in the cookie, or undefined when it cannot be read (tampered, foreign, expired, malformed). */
export async function readSessionCookie(req: IncomingMessage, config: Config, keys: Keys): Promise<SessionToken | undefined> {
  const seal = sealedCookie(req, config);
  if (!seal || seal.length > SEAL_MAX_LENGTH || !SEAL.test(seal)) return undefined;
  const cache = cacheFor(keys);
  const known = cache.get(seal);
  if (known) return known;
  const { password, ttl } = options(config, keys);
  const sealed = await unsealData<Sealed>(seal, { password, ttl });
  if (typeof sealed.id !== 'string' || typeof sealed.secret !== 'string') return undefined;
  const token = { id: sealed.id, secret: sealed.secret };
  cache.set(seal, token);
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
