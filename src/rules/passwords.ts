// Passwords: argon2id, with a fixed decoy so that an unknown account costs the same time.
import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';

// 2 is Algorithm.Argon2id (a const enum the compiler cannot import); OWASP's minimum cost.
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 512;

/** Runs at most `limit` tasks at once; the others wait their turn in arrival order. */
export function concurrencyLimit(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running < limit) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next in line, or give it back.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

// Each hash takes a core and 19 MiB for tens of milliseconds. Running more at once than
// there are spare cores only takes the core that answers every other request (a burst of
// sign-ins would stall them all) and adds memory; so one core always stays free.
const argon2 = concurrencyLimit(Math.max(1, availableParallelism() - 1));

export function hashPassword(password: string): Promise<string> {
  return argon2(() => hash(password, options));
}

const verifyHash = (stored: string, password: string) => argon2(() => verify(stored, password));

let decoy: Promise<string> | undefined;

/**
 * Verifies a password against a stored hash. With no hash (no such account) it
 * verifies against a decoy, so both answers take the same time.
 */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  if (stored === undefined) {
    decoy ??= hashPassword('decoy password that matches nothing');
    await verifyHash(await decoy, password);
    return false;
  }
  try {
    return await verifyHash(stored, password);
  } catch {
    return false;
  }
}
