// TOTP against RFC 6238's SHA-1 test vectors, and the replay rule.
import { describe, expect, it } from 'vitest';
import { matchTotp } from '../src/rules/totp.ts';
import { totpCode } from './support/totp.ts';

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890" in base32; the last 6 of its 8 digits.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const VECTORS: [number, string][] = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
  [20000000000, '353130'],
];

describe('TOTP', () => {
  it.each(VECTORS)('at %i s the code is %s', async (seconds, code) => {
    expect(await totpCode(RFC_SECRET, seconds * 1000)).toBe(code);
    expect(await matchTotp(RFC_SECRET, code, 0, seconds * 1000)).toBe(Math.floor(seconds / 30));
  });

  it('accepts one step of drift each way, not two', async () => {
    const now = 1_700_000_000_000;
    for (const offset of [-1, 0, 1]) expect(await matchTotp(RFC_SECRET, await totpCode(RFC_SECRET, now, offset), 0, now)).toBeDefined();
    for (const offset of [-2, 2]) expect(await matchTotp(RFC_SECRET, await totpCode(RFC_SECRET, now, offset), 0, now)).toBeUndefined();
  });

  it('refuses a step at or below the last accepted one', async () => {
    const now = 1_700_000_000_000;
    const code = await totpCode(RFC_SECRET, now);
    const step = (await matchTotp(RFC_SECRET, code, 0, now))!;
    expect(await matchTotp(RFC_SECRET, code, step, now)).toBeUndefined();
    expect(await matchTotp(RFC_SECRET, code, step - 1, now)).toBe(step);
  });

  it('refuses anything that is not 6 digits', async () => {
    for (const code of ['', '12345', '1234567', 'abcdef', '12 345']) expect(await matchTotp(RFC_SECRET, code, 0)).toBeUndefined();
  });
});
