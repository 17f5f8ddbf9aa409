// Passwords: argon2id, with a fixed decoy so that an unknown account costs the same time.
import { hash, verify } from '@node-rs/argon2';

// 2 is Algorithm.Argon2id (a const enum the compiler cannot import); OWASP's minimum cost.
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 512;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

let decoy: Promise<string> | undefined;

/**
 * Verifies a password against a stored hash. With no hash (no such account) it
 * verifies against a decoy, so both answers take the same time.
 */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  if (stored === undefined) {
    decoy ??= hashPassword('decoy password that matches nothing');
    await verify(await decoy, password);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
