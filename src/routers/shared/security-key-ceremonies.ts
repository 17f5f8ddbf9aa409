// Assertions with a security key, for the passkey sign-in and for the two-factor
// checkpoint. Each takes its challenge from the database first (so a replay finds
// nothing), then checks the answer against the key it names, and moves the key's
// signature counter forwards only if nobody else moved it meanwhile.
import type { Config } from '../../config.ts';
import { recordSignInFailure } from '../../db/activity-log.ts';
import { stringList, type DbClient } from '../../db/index.ts';
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
  const { db } = ctx.services;
  const challenge = await takeChallenge(db, { purpose: 'sign-in', id: challengeId });
  if (!challenge) throw badRequest('invalid or expired challenge');
  const key = await registeredKey(db, credential.id);
  if (!key) throw failedAuthentication();
  const attempt = await startSignInAttempt(ctx, key.userId, 'security_key');
  if (!(await assertWithKey(ctx, db, challenge.challenge, credential, key))) {
    await failedSecurityKeySignIn(ctx, key.userId);
    throw failedAuthentication();
  }
  await attempt.succeeded();
  return key.userId;
}

export type SecurityKeySpend = 'accepted' | 'unknown-challenge' | 'refused';

/**
 * The checkpoint's second factor: an assertion by one of the account's keys, answering the
 * options of its login, through `db` (the checkpoint's transaction). The checkpoint has
 * already taken the attempt's place in the budget, and records a refusal once its
 * transaction has ended.
 */
export async function spendSecurityKey(ctx: Context, db: DbClient, userId: string, credential: Assertion): Promise<SecurityKeySpend> {
  const answered = await claimedChallenge(credential);
  const challenge = answered && (await takeChallenge(db, { purpose: 'second-factor', challenge: answered, userId }));
  if (!challenge) return 'unknown-challenge';
  const key = await registeredKey(db, credential.id, userId);
  return key && (await assertWithKey(ctx, db, challenge.challenge, credential, key)) ? 'accepted' : 'refused';
}

export const failedAuthentication = () => badRequest('failed to finish security key authentication');

/** A finished (not pending) key with this credential id, of `accountId` when given. */
const registeredKey = (db: DbClient, credentialId: string, accountId?: string) =>
  db.securityKey.findFirst({ where: { credentialId, pendingUntil: null, ...(accountId && { userId: accountId }) } });

type RegisteredKey = NonNullable<Awaited<ReturnType<typeof registeredKey>>>;

/** Whether the key's answer is valid; when it is, its signature counter moves forwards. */
async function assertWithKey(ctx: Context, db: DbClient, expectedChallenge: string, credential: Assertion, key: RegisteredKey): Promise<boolean> {
  const stored = { id: credential.id, publicKey: Uint8Array.from(key.publicKey!), counter: Number(key.counter), transports: stringList(key.transports) };
  const counter = key.publicKey ? await verifyAssertion(relyingParty(ctx.services.config), credential, expectedChallenge, stored, key.userId) : undefined;
  // Conditional on the counter read above: of two answers raced with one counter value, one wins.
  return (
    counter !== undefined &&
    (await db.securityKey.updateMany({ where: { id: key.id, counter: key.counter }, data: { counter: BigInt(counter), lastUsed: new Date() } })).count === 1
  );
}

/** A failed assertion on an existing account is a failed sign-in of its own (SPEC §10). */
const failedSecurityKeySignIn = (ctx: Context, userId: string) =>
  recordSignInFailure(ctx.services.db, actorOf(ctx, userId), { method: 'security_key', reason: 'security_key' });
