// TOTP (RFC 6238: SHA-1, 6 digits, 30 s, one step of tolerance each way) and recovery codes.
import { generateSecret, generateURI, verify } from 'otplib';
import { hmacSha256, randomString } from './tokens.ts';

export const RECOVERY_CODE_COUNT = 10;
export const RECOVERY_CODE_LENGTH = 10;
const RECOVERY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const PERIOD = 30;

export const newTotpSecret = () => generateSecret();

export const otpUrl = (secret: string, issuer: string, label: string) =>
  generateURI({ issuer, label, secret, algorithm: 'sha1', digits: 6, period: PERIOD });

/**
 * The time step a 6-digit code matches, or undefined. A step at or below
 * `lastStep` (the highest ever accepted for the account) is a replay and fails.
 */
export async function matchTotp(secret: string, code: string, lastStep: number, now = Date.now()): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: PERIOD,
    epoch: Math.floor(now / 1000),
    afterTimeStep: lastStep,
  });
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}

export const isRecoveryCodeShape = (code: string) => new RegExp(`^[a-z0-9]{${RECOVERY_CODE_LENGTH}}$`).test(code);

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => randomString(RECOVERY_CODE_LENGTH, RECOVERY_ALPHABET));
}

export const hashRecoveryCode = (key: Buffer, code: string) => hmacSha256(key, code);
