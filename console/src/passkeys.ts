// The browser's half of the WebAuthn ceremonies, through @simplewebauthn/browser: it turns
// the API's options into a navigator.credentials call and the answer back into JSON. What
// the browser or the key refuses becomes a BrowserFailure, shown like the API's messages.
import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { BrowserFailure } from './errors.ts';
import type { Inputs, Outputs } from './trpc.ts';

export const passkeysWork = browserSupportsWebAuthn;

// The API describes its options with plain strings where the DOM's types list the names
// browsers know (transports, hints); the values are those names.
type CreationOptions = Outputs['securityKeys']['create']['options'];
type RequestOptions = Outputs['auth']['securityKeyOptions']['options'];

/** Asks an authenticator to make a new credential for these options. */
export async function createCredential(options: CreationOptions): Promise<Inputs['securityKeys']['finish']['public_key_credential']> {
  const answer = await ceremony(() => startRegistration({ optionsJSON: options as PublicKeyCredentialCreationOptionsJSON }));
  // A copy as a plain object: the DOM's extension outputs are an interface, which the API's record type does not take.
  return { ...answer, clientExtensionResults: { ...answer.clientExtensionResults } };
}

/** Asks an authenticator to sign the challenge of these options. */
export async function assertCredential(options: RequestOptions): Promise<Inputs['auth']['securityKeyLogin']['public_key_credential']> {
  const answer = await ceremony(() => startAuthentication({ optionsJSON: options as PublicKeyCredentialRequestOptionsJSON }));
  return { ...answer, clientExtensionResults: { ...answer.clientExtensionResults } };
}

async function ceremony<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new BrowserFailure(messageFor(error));
  }
}

function messageFor(error: unknown): string {
  if (!passkeysWork()) return 'this browser does not support security keys';
  const name = error instanceof Error ? error.name : '';
  // Browsers say NotAllowedError for a cancelled prompt, a timeout and a key they will not name.
  if (name === 'NotAllowedError' || name === 'AbortError') return 'the security key gave no answer: the request was cancelled or timed out';
  if (name === 'InvalidStateError') return 'this security key is already registered';
  return error instanceof Error ? error.message : String(error);
}
