// WebAuthn ceremonies through @simplewebauthn/server. The relying party is APP_URL: its
// host name is the RP ID and its origin the only origin accepted. User verification is
// required in every ceremony; registration prefers a discoverable credential (a passkey).
import type { AuthenticationResponseJSON, AuthenticatorTransport, RegistrationResponseJSON } from '@simplewebauthn/server';

// The library and its helpers (with their CBOR and ASN.1 parsers, about 4 MB of heap) load with
// the first ceremony rather than at start: a panel whose users have no security key never needs them.
const library = () => import('@simplewebauthn/server');
const helpers = () => import('@simplewebauthn/server/helpers');

/** How long a ceremony may take, from its options to its answer. */
export const CEREMONY_TTL_MS = 5 * 60 * 1000;

export interface RelyingParty {
  id: string;
  origin: string;
  name: string;
}

export const relyingPartyOf = (appUrl: URL, name: string): RelyingParty => ({ id: appUrl.hostname, origin: appUrl.origin, name });

/** A registered credential, as the assertion check needs it. */
export interface StoredCredential {
  id: string;
  publicKey: Uint8Array<ArrayBuffer>;
  counter: number;
  transports: string[];
}

/** The user handle of an account: its uuid's bytes, nothing personal. */
export const userHandleOf = (userId: string) => new TextEncoder().encode(userId);

const descriptor = (credential: { id: string; transports: string[] }) => ({
  id: credential.id,
  transports: credential.transports as AuthenticatorTransport[],
});

export async function registrationOptions(rp: RelyingParty, account: { id: string; username: string }, registered: { id: string; transports: string[] }[]) {
  const { generateRegistrationOptions } = await library();
  return generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: account.username,
    userID: userHandleOf(account.id),
    userDisplayName: account.username,
    attestationType: 'none',
    // The same authenticator is not registered twice on one account.
    excludeCredentials: registered.map(descriptor),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
    timeout: CEREMONY_TTL_MS,
  });
}

/** Options for an assertion: for the given credentials, or for any discoverable one when none are given. */
export async function assertionOptions(rp: RelyingParty, allowed: { id: string; transports: string[] }[] = []) {
  const { generateAuthenticationOptions } = await library();
  return generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: allowed.length > 0 ? allowed.map(descriptor) : undefined,
    userVerification: 'required',
    timeout: CEREMONY_TTL_MS,
  });
}

/** The credential a registration answer proves, or undefined when it proves nothing. */
export async function verifyRegistration(rp: RelyingParty, response: RegistrationResponseJSON, expectedChallenge: string): Promise<StoredCredential | undefined> {
  const { verifyRegistrationResponse } = await library();
  try {
    const result = await verifyRegistrationResponse({ response, expectedChallenge, expectedOrigin: rp.origin, expectedRPID: rp.id, requireUserVerification: true });
    if (!result.verified) return undefined;
    const { credential } = result.registrationInfo;
    return { id: credential.id, publicKey: credential.publicKey, counter: credential.counter, transports: credential.transports ?? [] };
  } catch {
    // The library throws on every malformed or mismatched answer: all of them are a failed registration.
    return undefined;
  }
}

/**
 * The authenticator's new signature counter when the assertion holds, else undefined. The
 * library refuses a counter that does not go forwards, unless both sides are 0 (an
 * authenticator that does not count). A user handle, when the authenticator sends one,
 * must be the key owner's.
 */
export async function verifyAssertion(
  rp: RelyingParty,
  response: AuthenticationResponseJSON,
  expectedChallenge: string,
  credential: StoredCredential,
  ownerId: string,
): Promise<number | undefined> {
  const [{ verifyAuthenticationResponse }, { isoBase64URL }] = await Promise.all([library(), helpers()]);
  const { userHandle } = response.response;
  if (userHandle !== undefined && userHandle.replace(/=+$/, '') !== isoBase64URL.fromBuffer(userHandleOf(ownerId))) return undefined;
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: { ...credential, transports: credential.transports as AuthenticatorTransport[] },
      requireUserVerification: true,
    });
    return result.verified ? result.authenticationInfo.newCounter : undefined;
  } catch {
    return undefined;
  }
}

/** The challenge an answer claims to answer (to find its ceremony), or undefined. */
export async function claimedChallenge(response: { response: { clientDataJSON: string } }): Promise<string | undefined> {
  const { decodeClientDataJSON } = await helpers();
  try {
    const { challenge } = decodeClientDataJSON(response.response.clientDataJSON);
    return typeof challenge === 'string' && challenge.length > 0 ? challenge : undefined;
  } catch {
    return undefined;
  }
}
