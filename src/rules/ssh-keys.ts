// SSH public keys (SPEC §11): which types are accepted, and the fingerprint exactly as
// `ssh-keygen -l` prints it. sshpk parses the key blob; OpenSSL (node:crypto) then checks
// that the key itself is sound, since sshpk alone accepts, for instance, a point that is not
// on its curve.
import { createHash, createPublicKey } from 'node:crypto';
import type sshpk from 'sshpk';

export const SSH_KEY_NAME_MIN = 3;
export const SSH_KEY_NAME_MAX = 31;
/** Room for a 16384-bit RSA key (the largest ssh-keygen makes) and a long comment. */
export const PUBLIC_KEY_MAX = 8192;
export const RSA_MIN_BITS = 2048;

const SK_ED25519 = 'sk-ssh-ed25519@openssh.com';
const SK_ECDSA = 'sk-ecdsa-sha2-nistp256@openssh.com';

export const SSH_KEY_TYPES = ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'ssh-rsa', SK_ED25519, SK_ECDSA] as const;

export type SshKeyProblem = 'invalid public key' | 'unsupported key type' | `rsa keys must be at least ${typeof RSA_MIN_BITS} bits`;

export interface SshPublicKey {
  /** `<type> <base64>`, without the comment. */
  publicKey: string;
  fingerprint: string;
}

// An authorized_keys line: the type, the base64 blob, then an optional comment on the same line.
const LINE = /^(\S+)[ \t]+([A-Za-z0-9+/]+={0,2})(?:[ \t][^\r\n]*)?$/;

/** Reads a public key line as pasted from a `.pub` file: surrounding whitespace and a comment are fine. */
export async function parseSshPublicKey(text: string): Promise<SshPublicKey | { problem: SshKeyProblem }> {
  const line = LINE.exec(text.trim());
  if (!line) return { problem: 'invalid public key' };
  const type = line[1]!;
  const base64 = line[2]!;
  const blob = Buffer.from(base64, 'base64');
  if (blob.toString('base64').replace(/=+$/, '') !== base64.replace(/=+$/, '')) return { problem: 'invalid public key' };
  const fields = readSshStrings(blob);
  if (!fields || fields[0]!.toString('latin1') !== type) return { problem: 'invalid public key' };
  if (!(SSH_KEY_TYPES as readonly string[]).includes(type)) return { problem: 'unsupported key type' };

  const inner = innerKeyBlob(type, fields, blob);
  // sshpk (about 1.5 MB of heap) loads with the first key added, not at start.
  const key = inner && parseKeyBlob((await import('sshpk')).default, inner);
  if (!key) return { problem: 'invalid public key' };
  if (key.type === 'rsa' && key.size < RSA_MIN_BITS) return { problem: `rsa keys must be at least ${RSA_MIN_BITS} bits` };
  return {
    publicKey: `${type} ${blob.toString('base64')}`,
    fingerprint: `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`,
  };
}

/**
 * The plain key inside a blob. sshpk does not read the two security-key (FIDO) types, whose
 * blobs (OpenSSH PROTOCOL.u2f) are the plain key's fields followed by an application string:
 * `sk-ssh-ed25519@openssh.com`: string type, string key(32), string application;
 * `sk-ecdsa-sha2-nistp256@openssh.com`: string type, string "nistp256", string point, string application.
 * Rebuilding the plain blob from them lets the library check the key length or curve point.
 */
function innerKeyBlob(type: string, fields: Buffer[], blob: Buffer): Buffer | undefined {
  if (type === SK_ED25519) return fields.length === 3 ? writeSshStrings([Buffer.from('ssh-ed25519'), fields[1]!]) : undefined;
  if (type === SK_ECDSA) return fields.length === 4 ? writeSshStrings([Buffer.from('ecdsa-sha2-nistp256'), fields[1]!, fields[2]!]) : undefined;
  return blob;
}

/** A key blob the library reads back byte for byte (nothing trailing, nothing padded) and OpenSSL accepts. */
function parseKeyBlob(library: typeof sshpk, blob: Buffer): sshpk.Key | undefined {
  try {
    const key = library.parseKey(blob, 'rfc4253');
    if (!key.toBuffer('rfc4253').equals(blob)) return undefined;
    createPublicKey(key.toString('pkcs8'));
    return key;
  } catch {
    return undefined;
  }
}

/** Splits SSH wire format (RFC 4251 §5: uint32 length, then bytes) into its strings; undefined unless it is exactly that. */
function readSshStrings(blob: Buffer): Buffer[] | undefined {
  const strings: Buffer[] = [];
  for (let at = 0; at < blob.length; ) {
    if (at + 4 > blob.length) return undefined;
    const end = at + 4 + blob.readUInt32BE(at);
    if (end > blob.length) return undefined;
    strings.push(blob.subarray(at + 4, end));
    at = end;
  }
  return strings.length > 0 ? strings : undefined;
}

function writeSshStrings(strings: Buffer[]): Buffer {
  return Buffer.concat(
    strings.flatMap((s) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(s.length);
      return [length, s];
    }),
  );
}
