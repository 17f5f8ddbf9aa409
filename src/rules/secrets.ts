// The server secret and the keys derived from it. It is SESSION_SECRET when set,
// else a random secret written on first run into the data directory (mode 0600).
// Several instances must share it: set SESSION_SECRET for them all.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Keys {
  /** iron-session password of the session cookie. */
  cookie: string;
  /** AES-256-GCM key that seals TOTP secrets at rest. */
  totp: Buffer;
  /** HMAC key of recovery-code digests. */
  recoveryCodes: Buffer;
  /** HMAC key that derives a reset mail's token from its outbox row. */
  passwordResets: Buffer;
}

export function loadServerSecret(given: string | undefined, dataDir: string): string {
  if (given) return given;
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  // 'wx' fails if another process wrote it first; then theirs is the one to use.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch {
    return readFileSync(file, 'utf8').trim();
  }
  chmodSync(file, 0o600);
  return secret;
}

export function deriveKeys(secret: string): Keys {
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', secret, 'panel-account-service', purpose, 32));
  return {
    cookie: derive('session cookie').toString('base64url'),
    totp: derive('totp secret'),
    recoveryCodes: derive('recovery codes'),
    passwordResets: derive('password reset tokens'),
  };
}

/** Seals a short text: base64url(iv | tag | ciphertext). */
export function seal(key: Buffer, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export function open(key: Buffer, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
