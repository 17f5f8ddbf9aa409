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

export function hasSessionCookie(req: IncomingMessage): boolean {
  return (req.headers.cookie ?? '').split(';').some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`));
}

/** The token in the cookie, or undefined when it cannot be read (tampered, foreign, expired seal). */
export async function readSessionCookie(req: IncomingMessage, res: ServerResponse, config: Config, keys: Keys) {
  const sealed = await getIronSession<Sealed>(req, res, options(config, keys));
  return typeof sealed.id === 'string' && typeof sealed.secret === 'string'
    ? { id: sealed.id, secret: sealed.secret }
    : undefined;
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
