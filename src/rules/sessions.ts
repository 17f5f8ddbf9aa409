// Sessions, after Lucia: the cookie carries an opaque id and secret; the database keeps
// only a digest of the secret. Expiry slides with use and is capped by an absolute age.
import { randomUUID } from 'node:crypto';
import { equalDigests, randomSecret, sha256 } from './tokens.ts';

export interface SessionToken {
  id: string;
  secret: string;
}

export function newSessionToken(): SessionToken & { secretHash: string } {
  const secret = randomSecret();
  return { id: randomUUID(), secret, secretHash: sha256(secret) };
}

export const secretMatches = (secret: string, storedHash: string) => equalDigests(sha256(secret), storedHash);

export interface Lifetime {
  idleSeconds: number;
  maxAgeSeconds: number;
}

/** Whether a session last used at `lastUsed` and created at `created` is still alive at `now`. */
export function isAlive(session: { lastUsed: Date; created: Date }, lifetime: Lifetime, now = Date.now()): boolean {
  return (
    session.lastUsed.getTime() + lifetime.idleSeconds * 1000 > now &&
    session.created.getTime() + lifetime.maxAgeSeconds * 1000 > now
  );
}

/** The oldest `lastUsed` and `created` a live session can have: anything older may be deleted. */
export function expiryCutoffs(lifetime: Lifetime, now = Date.now()) {
  return { lastUsed: new Date(now - lifetime.idleSeconds * 1000), created: new Date(now - lifetime.maxAgeSeconds * 1000) };
}
