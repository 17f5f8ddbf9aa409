// Assertions with a security key, for the passkey sign-in and for the two-factor
// checkpoint. Each takes its challenge from the database first (so a replay finds
// nothing), then checks the answer against the key it names, and moves the key's
// signature counter forwards only if nobody else moved it meanwhile.
import type { Config } from '../../config.ts';
import { recordSignInFailure } from '../../db/activity-log.ts';
import { stringList } from '../../db/index.ts';
import { storeChallenge, takeChallenge, type CeremonyPurpose } from '../../db/webauthn.ts';
import { badRequest } from '../../errors.ts';
import { assertionOptions, CEREMONY_TTL_MS, claimedChallenge, relyingPartyOf, verifyAssertion } from '../../rules/webauthn.ts';
import { actorOf, type Context } from '../../server/trpc.ts';
import { startSignInAttempt } from './sign-in-attempt.ts';
import type { assertionCredential } from './webauthn-json.ts';
import type { z } from 'zod';

type Assertion = z.output<typeof assertionCredential>;

export const relyingParty = (config: Config) => relyingPartyOf(config.appUrl, config.appName);

/** Options for an assertion, with its challenge stored for `purpose`. */
async function beginAssertion(ctx: Context, purpose: CeremonyPurpose, userId?: string, allowed: { id: string; transports: string[] }[] = []) {
  const { db, config } = ctx.services;
  const options = await assertionOptions(relyingParty(config), allowed);
  const uuid = await storeChallenge(db, { purpose, challenge: options.challenge, expires: new Date(Date.now() + CEREMONY_TTL_MS), userId });
  return { uuid, options };
}

/** A discoverable sign-in: any registered passkey may answer. */
export const beginSecurityKeySignIn = (ctx: Context) => beginAssertion(ctx, 'sign-in');

/**
 * What the login answer adds for an account with two-factor on: assertion options for its
 * registered keys, or nothing when it has none.
 */
export async function securityKeyOptionsFor(ctx: Context, userId: string) {
  const keys = await ctx.services.db.securityKey.findMany({ where: { userId, pendingUntil: null }, select: { credentialId: true, transports: true } });
  if (keys.length === 0) return {};
  const allowed = keys.map((key) => ({ id: key.credentialId!, transports: stringList(key.transports) }));
  const { options } = await beginAssertion(ctx, 'second-factor', userId, allowed);
  return { security_key_options: options };
}

/**
 * Finishes a passkey sign-in begun with `beginSecurityKeySignIn`; the account whose key
 * answered. The key names its account before anything is verified: a locked account is
 * refused (429), and a failed assertion counts against its budget (SPEC §9).
 */
export async function finishSecurityKeySignIn(ctx: Context, challengeId: string, credential: Assertion): Promise<string> {
  const challenge = await takeChallenge(ctx.services.db, { purpose: 'sign-in', id: challengeId });
  if (!challenge) throw badRequest('invalid or expired challenge');
  const key = await registeredKey(ctx, credential.id);
  if (!key) throw failedAuthentication();
  const attempt = await startSignInAttempt(ctx, key.userId, 'security_key');
  await assertWithKey(ctx, challenge.challenge, credential, key);
  await attempt.succeeded();
  return key.userId;
}

/**
 * The checkpoint's second factor: an assertion by one of the account's keys, answering the
 * options of its login. The checkpoint has already taken the attempt's place in the budget.
 */
export async function spendSecurityKey(ctx: Context, userId: string, credential: Assertion): Promise<void> {
  const answered = await claimedChallenge(credential);
  const challenge = answered && (await takeChallenge(ctx.services.db, { purpose: 'second-factor', challenge: answered, userId }));
  if (!challenge) throw badRequest('invalid or expired challenge');
  const key = await registeredKey(ctx, credential.id, userId);
  if (!key) {
    await failedSecurityKeySignIn(ctx, userId);
    throw failedAuthentication();
  }
  await assertWithKey(ctx, challenge.challenge, credential, key);
}

const failedAuthentication = () => badRequest('failed to finish security key authentication');

/** A finished (not pending) key with this credential id, of `accountId` when given. */
const registeredKey = (ctx: Context, credentialId: string, accountId?: string) =>
  ctx.services.db.securityKey.findFirst({ where: { credentialId, pendingUntil: null, ...(accountId && { userId: accountId }) } });

type RegisteredKey = NonNullable<Awaited<ReturnType<typeof registeredKey>>>;

async function assertWithKey(ctx: Context, expectedChallenge: string, credential: Assertion, key: RegisteredKey): Promise<void> {
  const { db, config } = ctx.services;
  const stored = { id: credential.id, publicKey: Uint8Array.from(key.publicKey!), counter: Number(key.counter), transports: stringList(key.transports) };
  const counter = key.publicKey ? await verifyAssertion(relyingParty(config), credential, expectedChallenge, stored, key.userId) : undefined;
  // Conditional on the counter read above: of two answers raced with one counter value, one wins.
  const used =
    counter !== undefined &&
    (await db.securityKey.updateMany({ where: { id: key.id, counter: key.counter }, data: { counter: BigInt(counter), lastUsed: new Date() } })).count === 1;
  if (!used) {
    await failedSecurityKeySignIn(ctx, key.userId);
    throw failedAuthentication();
  }
}

/** A failed assertion on an existing account is a failed sign-in of its own (SPEC §10). */
const failedSecurityKeySignIn = (ctx: Context, userId: string) =>
  recordSignInFailure(ctx.services.db, actorOf(ctx, userId), { method: 'security_key', reason: 'security_key' });
