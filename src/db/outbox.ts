// The mail outbox (SPEC §12). A change that tells someone about itself writes its mail here
// through its own transaction client, so the mail commits or rolls back with the change. The
// sender (src/mail/sender.ts) claims rows after the commit; a claim is a conditional write with
// an owner and a lease, so of several instances exactly one takes a row, and a row whose
// sender died is taken again once its lease runs out.
import { randomUUID } from 'node:crypto';
import type { NoticeKind, Notices } from '../rules/mail.ts';
import type { Db, DbClient } from './index.ts';
import type { Provider } from './migrate.ts';

/** What to send to whom; the sender renders it when it sends. */
export type OutboxMail =
  | { kind: 'notice'; to: string; username: string; notice: NoticeKind; details: Notices[NoticeKind] }
  /**
   * A reset link for the account holding `email`, if one does: decided when sending, not when
   * asked. `tokenIssued` is set once the link's token is stored, by the first try to send it.
   */
  | { kind: 'password-reset'; email: string; tokenIssued?: true };

export interface ClaimedMail {
  id: string;
  mail: OutboxMail;
  attempts: number;
}

export async function enqueueMail(tx: DbClient, mail: OutboxMail, now = new Date()) {
  await tx.mailOutbox.create({ data: { id: randomUUID(), mail, nextAttempt: now, created: now } });
}

/** A notice to the account's address (for an email change, pass the account as it was: the old address). */
export async function enqueueNotice<K extends NoticeKind>(tx: DbClient, user: { email: string; username: string }, kind: K, details: Notices[K]) {
  await enqueueMail(tx, { kind: 'notice', to: user.email, username: user.username, notice: kind, details });
}

const due = (now: Date) => ({ sent: null, nextAttempt: { lte: now }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] });

/** Whether anything is waiting to go out: a read, so that an idle wake takes no write lock. */
export async function hasDueMail(db: Db, now = new Date()): Promise<boolean> {
  return (await db.mailOutbox.findFirst({ where: due(now), select: { id: true } })) !== null;
}

/**
 * Takes up to `limit` due rows for `owner` until `leaseUntil`, counting an attempt on each.
 * PostgreSQL skips rows another instance is claiming at that moment; SQLite has one writer
 * at a time, so each row's conditional update decides alone.
 */
export async function claimMail(db: Db, provider: Provider, owner: string, leaseUntil: Date, limit: number, now = new Date()): Promise<ClaimedMail[]> {
  let ids: string[];
  if (provider === 'postgresql') {
    const rows = await db.$queryRaw<{ id: string }[]>`
      UPDATE "mail_outbox" SET "claimed_by" = ${owner}, "lease_until" = ${leaseUntil}, "attempts" = "attempts" + 1
      WHERE "id" IN (
        SELECT "id" FROM "mail_outbox"
        WHERE "sent" IS NULL AND "next_attempt" <= ${now} AND ("lease_until" IS NULL OR "lease_until" < ${now})
        ORDER BY "next_attempt" LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING "id"`;
    ids = rows.map((row) => row.id);
  } else {
    const candidates = await db.mailOutbox.findMany({ where: due(now), orderBy: { nextAttempt: 'asc' }, take: limit, select: { id: true } });
    ids = [];
    for (const { id } of candidates) {
      const taken = await db.mailOutbox.updateMany({ where: { id, ...due(now) }, data: { claimedBy: owner, leaseUntil, attempts: { increment: 1 } } });
      if (taken.count === 1) ids.push(id);
    }
  }
  if (ids.length === 0) return [];
  const rows = await db.mailOutbox.findMany({ where: { id: { in: ids }, claimedBy: owner }, orderBy: { nextAttempt: 'asc' } });
  return rows.map((row) => ({ id: row.id, mail: row.mail as OutboxMail, attempts: row.attempts }));
}

export async function markSent(db: Db, owner: string, id: string, now = new Date()) {
  await db.mailOutbox.updateMany({ where: { id, claimedBy: owner }, data: { sent: now, claimedBy: null, leaseUntil: null } });
}

/** Notes on `owner`'s claimed reset mail that its token is stored, in the transaction that stores it. */
export async function markResetTokenIssued(tx: DbClient, owner: string, id: string, mail: OutboxMail & { kind: 'password-reset' }) {
  const marked = await tx.mailOutbox.updateMany({ where: { id, claimedBy: owner }, data: { mail: { ...mail, tokenIssued: true } } });
  // The lease ran out and another sender has the row: it issues the token, not this one.
  if (marked.count !== 1) throw new Error('reset mail no longer claimed by this sender');
}

/** Gives a row back for another try at `nextAttempt`. */
export async function retryLater(db: Db, owner: string, id: string, nextAttempt: Date) {
  await db.mailOutbox.updateMany({ where: { id, claimedBy: owner, sent: null }, data: { claimedBy: null, leaseUntil: null, nextAttempt } });
}

/** Gives back every unsent row `owner` still holds, so another instance need not wait out the lease. */
export async function releaseClaims(db: Db, owner: string) {
  await db.mailOutbox.updateMany({ where: { claimedBy: owner, sent: null }, data: { claimedBy: null, leaseUntil: null } });
}

export async function pruneSentMail(db: Db, olderThan: Date) {
  await db.mailOutbox.deleteMany({ where: { sent: { lt: olderThan } } });
}
