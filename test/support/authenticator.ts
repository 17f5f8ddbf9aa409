// A software passkey authenticator for tests, built on node:crypto alone: ES256 keys,
// attestation "none", a hand-built CBOR attestation object. `create` and `get` answer the
// JSON options the way a browser's navigator.credentials would (after
// PublicKeyCredential.parseCreationOptionsFromJSON), returning the answer's toJSON() shape.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

const b64url = (bytes: Buffer) => bytes.toString('base64url');
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();

/** Just enough CBOR (RFC 8949) for an attestation object and a COSE key. */
type Cbor = number | string | Buffer | Map<Cbor, Cbor>;
function cbor(value: Cbor): Buffer {
  const head = (major: number, length: number) => {
    if (length < 24) return Buffer.from([(major << 5) | length]);
    if (length < 256) return Buffer.from([(major << 5) | 24, length]);
    const out = Buffer.alloc(3);
    out[0] = (major << 5) | 25;
    out.writeUInt16BE(length, 1);
    return out;
  };
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  return Buffer.concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])]);
}

const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

interface Credential {
  id: Buffer;
  privateKey: KeyObject;
  rpId: string;
  userHandle: Buffer;
  counter: number;
}

export interface Ceremony {
  /** The origin the page claims; by default the authenticator's own. */
  origin?: string;
  /** The RP ID hashed into the authenticator data; by default the options'. */
  rpId?: string;
}

export class SoftwareAuthenticator {
  readonly credentials: Credential[] = [];

  constructor(
    /** The origin of the page calling navigator.credentials. */
    readonly origin: string,
    /** How much the signature counter moves per assertion: 0 for an authenticator that does not count. */
    readonly counterStep = 1,
  ) {}

  create(options: any, ceremony: Ceremony = {}) {
    if (!options.pubKeyCredParams.some((param: any) => param.alg === -7)) throw new Error('no ES256 in pubKeyCredParams');
    const excluded = new Set((options.excludeCredentials ?? []).map((c: any) => c.id));
    if (this.credentials.some((c) => excluded.has(b64url(c.id)))) throw new Error('InvalidStateError: already registered');
    const rpId = ceremony.rpId ?? options.rp.id ?? new URL(this.origin).hostname;
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const coseKey = cbor(
      new Map<Cbor, Cbor>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
    const credential: Credential = { id: randomBytes(16), privateKey, rpId, userHandle: Buffer.from(options.user.id, 'base64url'), counter: 0 };
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(credential.id.length);
    const authData = Buffer.concat([sha256(rpId), Buffer.from([UP | UV | AT]), this.counterBytes(credential), Buffer.alloc(16), idLength, credential.id, coseKey]);
    const attestationObject = cbor(new Map<Cbor, Cbor>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]));
    this.credentials.push(credential);
    return {
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: 'public-key',
      response: {
        clientDataJSON: this.clientData('webauthn.create', options.challenge, ceremony),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
      authenticatorAttachment: 'platform',
      clientExtensionResults: { credProps: { rk: true } },
    };
  }

  get(options: any, ceremony: Ceremony = {}, credential = this.pick(options)) {
    const rpId = ceremony.rpId ?? options.rpId ?? new URL(this.origin).hostname;
    credential.counter += this.counterStep;
    const authData = Buffer.concat([sha256(rpId), Buffer.from([UP | UV]), this.counterBytes(credential)]);
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, ceremony);
    const signature = sign('sha256', Buffer.concat([authData, sha256(Buffer.from(clientDataJSON, 'base64url'))]), credential.privateKey);
    return {
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: 'public-key',
      response: { clientDataJSON, authenticatorData: b64url(authData), signature: b64url(signature), userHandle: b64url(credential.userHandle) },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }

  /** The credential a browser would offer: one the options allow, or any for this RP (discoverable). */
  private pick(options: any): Credential {
    const allowed = new Set((options.allowCredentials ?? []).map((c: any) => c.id));
    const found = this.credentials.find((c) => (allowed.size > 0 ? allowed.has(b64url(c.id)) : c.rpId === options.rpId));
    if (!found) throw new Error('NotAllowedError: no credential for these options');
    return found;
  }

  private counterBytes(credential: Credential) {
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32BE(credential.counter);
    return bytes;
  }

  private clientData(type: string, challenge: string, ceremony: Ceremony) {
    return b64url(Buffer.from(JSON.stringify({ type, challenge, origin: ceremony.origin ?? this.origin, crossOrigin: false })));
  }
}
