// WebAuthn ceremony state and the security-key rows it finishes. A challenge row is taken
// with a conditional delete, so each is answered at most once, on whichever instance the
// answer reaches.
import { randomUUID } from 'node:crypto';
import type { DbClient, WebauthnChallenge } from './index.ts';

export type CeremonyPurpose = 'registration' | 'sign-in' | 'second-factor';

export async function storeChallenge(
  db: DbClient,
  ceremony: { purpose: CeremonyPurpose; challenge: string; expires: Date; userId?: string; securityKeyId?: string },
): Promise<string> {
  const id = randomUUID();
  await db.webauthnChallenge.create({ data: { id, ...ceremony } });
  return id;
}

/** The unexpired challenge that matches, deleted so that nobody else gets it; undefined when there is none. */
export async function takeChallenge(
  db: DbClient,
  where: { purpose: CeremonyPurpose; id?: string; challenge?: string; userId?: string; securityKeyId?: string },
  now = new Date(),
): Promise<WebauthnChallenge | undefined> {
  const found = await db.webauthnChallenge.findFirst({ where: { ...where, expires: { gt: now } } });
  if (!found) return undefined;
  const taken = await db.webauthnChallenge.deleteMany({ where: { id: found.id } });
  return taken.count === 1 ? found : undefined;
}

/** Deletes ceremonies that can no longer finish: expired challenges and the pending keys they were for. */
export async function forgetExpiredCeremonies(db: DbClient, now = new Date()) {
  await db.webauthnChallenge.deleteMany({ where: { expires: { lte: now } } });
  await db.securityKey.deleteMany({ where: { pendingUntil: { lte: now } } });
}
