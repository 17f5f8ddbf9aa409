// API keys: `ptlc_` + 43 CSPRNG alphanumerics (48 characters), stored only as a digest.
import { randomString, sha256 } from './tokens.ts';

export const API_KEY_PREFIX = 'ptlc_';
export const API_KEY_LENGTH = 48;
export const KEY_START_LENGTH = 16;
export const API_KEY_NAME_MIN = 3;
export const API_KEY_NAME_MAX = 31;
export const ALLOWED_IPS_MAX = 50;

export function generateApiKey() {
  const key = API_KEY_PREFIX + randomString(API_KEY_LENGTH - API_KEY_PREFIX.length);
  return { key, keyStart: key.slice(0, KEY_START_LENGTH), keyHash: hashApiKey(key) };
}

/**
 * The lookup digest. A key carries 256 bits of entropy, so a plain SHA-256 cannot be
 * reversed, and an index on it keeps verification O(1) however many keys there are;
 * the comparison happens inside the index, on digests the caller cannot steer.
 */
export const hashApiKey = (key: string) => sha256(key);
