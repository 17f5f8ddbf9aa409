// The WebAuthn JSON shapes on the wire, as a browser's PublicKeyCredential.toJSON() (or
// @simplewebauthn/browser) writes the answers and reads the options. Inside a credential,
// fields this service does not read are dropped rather than refused: browsers add new ones.
import { z } from 'zod';
import { text } from './fields.ts';

const base64url = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .regex(/^[A-Za-z0-9_-]*={0,2}$/, 'must be base64url');

// A credential id is at most 1023 bytes: 1364 characters of base64url.
const credentialId = base64url(1366);
const clientExtensionResults = z.record(z.string(), z.unknown()).default({});

/** A credential as JSON around the answer of one ceremony. */
const credential = <Response extends z.ZodType>(response: Response) =>
  z.object({
    id: credentialId,
    rawId: credentialId,
    type: z.literal('public-key'),
    response,
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
    clientExtensionResults,
  });

export const registrationCredential = credential(
  z.object({
    clientDataJSON: base64url(4096),
    attestationObject: base64url(32768),
    authenticatorData: base64url(32768).optional(),
    // Kept with the key and sent back to browsers: plain text, as every stored name.
    transports: z.array(text().max(32)).max(16).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url(32768).optional(),
  }),
).meta({ id: 'RegistrationResponseJSON', description: 'The answer of navigator.credentials.create(), as JSON' });

export const assertionCredential = credential(
  z.object({
    clientDataJSON: base64url(4096),
    authenticatorData: base64url(32768),
    signature: base64url(1024),
    userHandle: base64url(128).optional(),
  }),
).meta({ id: 'AuthenticationResponseJSON', description: 'The answer of navigator.credentials.get(), as JSON' });

const credentialDescriptor = z.object({ id: z.string(), type: z.string(), transports: z.array(z.string()).optional() });

export const creationOptionsSchema = z
  .object({
    challenge: z.string(),
    rp: z.object({ name: z.string(), id: z.string().optional() }),
    user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
    pubKeyCredParams: z.array(z.object({ alg: z.number().int(), type: z.string() })),
    timeout: z.number().int().optional(),
    excludeCredentials: z.array(credentialDescriptor).optional(),
    authenticatorSelection: z
      .object({
        authenticatorAttachment: z.string().optional(),
        residentKey: z.string().optional(),
        requireResidentKey: z.boolean().optional(),
        userVerification: z.string().optional(),
      })
      .optional(),
    hints: z.array(z.string()).optional(),
    attestation: z.string().optional(),
    extensions: z.object({ credProps: z.boolean().optional() }).optional(),
  })
  .meta({ id: 'PublicKeyCredentialCreationOptionsJSON', description: 'For navigator.credentials.create() (PublicKeyCredential.parseCreationOptionsFromJSON)' });

export const requestOptionsSchema = z
  .object({
    challenge: z.string(),
    timeout: z.number().int().optional(),
    rpId: z.string().optional(),
    allowCredentials: z.array(credentialDescriptor).optional(),
    userVerification: z.string().optional(),
    hints: z.array(z.string()).optional(),
  })
  .meta({ id: 'PublicKeyCredentialRequestOptionsJSON', description: 'For navigator.credentials.get() (PublicKeyCredential.parseRequestOptionsFromJSON)' });
