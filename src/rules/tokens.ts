// Random secrets and their one-way digests, shared by sessions, API keys and recovery codes.
import { createHmac, hash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` characters drawn uniformly from `alphabet` with a CSPRNG. */
export function randomString(length: number, alphabet = ALPHANUMERIC): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export const randomSecret = () => randomBytes(32).toString('base64url');

/**
 * A plain digest: enough for secrets with 190+ bits of entropy (session secrets, API keys).
 * One-shot `hash` rather than a Hash object: every authenticated request takes one.
 */
export const sha256 = (value: string) => hash('sha256', value, 'hex');

/** A keyed digest, for short secrets (recovery codes) that a leaked table alone must not reveal. */
export const hmacSha256 = (key: Buffer, value: string) => createHmac('sha256', key).update(value).digest('hex');

/** The password-reset token of an outbox row: 256 bits no one can derive without the key. */
export const resetTokenOf = (key: Buffer, outboxId: string) => createHmac('sha256', key).update(`password-reset:${outboxId}`).digest('base64url');

export function equalDigests(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
