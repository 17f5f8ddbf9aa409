// Delivers the outbox (src/db/outbox.ts) after the commit: woken right after each mutation
// and every few seconds, it claims due rows, renders and sends them one by one, and gives a
// failed one back with a growing delay. Nothing is lost while the mail server is down, and a
// row claimed by an instance that died is taken again when its lease runs out.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { describePrismaError } from '../db/errors.ts';
import type { Db } from '../db/index.ts';
import type { Provider } from '../db/migrate.ts';
import { claimMail, hasDueMail, markResetTokenIssued, markSent, releaseClaims, retryLater, type ClaimedMail } from '../db/outbox.ts';
import { storeResetToken } from '../db/password-resets.ts';
import { resetTokenOf } from '../rules/tokens.ts';
import type { Keys } from '../rules/secrets.ts';
import { renderNotice, renderPasswordReset, resetLink, retryDelaySeconds, type Letter } from '../rules/mail.ts';
import type { MailTransport } from './transport.ts';

const POLL_MS = 5_000;
const BATCH = 20;
// Far longer than one message can take (see the transport's timeouts).
const LEASE_MS = 5 * 60_000;

export interface MailSenderDeps {
  db: Db;
  provider: Provider;
  config: Config;
  keys: Keys;
  log: Logger;
  transport: MailTransport;
}

export class MailSender {
  private readonly owner = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;

  constructor(private readonly deps: MailSenderDeps) {}

  start() {
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.timer.unref();
    // What an earlier run committed and never sent goes out now.
    this.wake();
  }

  /** Looks for due mail now (cheap when there is none); calls while a round runs make it go again. */
  wake() {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.again = false;
    this.running = this.drain()
      .catch((err) => this.deps.log.warn({ err }, 'mail outbox round failed; will retry'))
      .finally(() => {
        this.running = undefined;
        if (this.again) this.wake();
      });
  }

  /** Stops polling, lets the message in hand finish and gives back the rest. */
  async close() {
    this.closed = true;
    clearInterval(this.timer);
    await this.running;
    await releaseClaims(this.deps.db, this.owner).catch((err) => this.deps.log.warn({ err }, 'could not release claimed mail; its lease will run out'));
    this.deps.transport.close();
  }

  private async drain() {
    const { db, provider } = this.deps;
    while (!this.closed && (await hasDueMail(db))) {
      const batch = await claimMail(db, provider, this.owner, new Date(Date.now() + LEASE_MS), BATCH);
      if (batch.length === 0) return; // another instance took them
      for (const row of batch) {
        if (this.closed) return;
        await this.deliver(row);
      }
    }
  }

  private async deliver(row: ClaimedMail) {
    const { db, log, transport } = this.deps;
    try {
      const addressed = await this.render(row);
      if (addressed) await transport.send(row.id, addressed.to, addressed.letter);
      await markSent(db, this.owner, row.id);
    } catch (error) {
      const delay = retryDelaySeconds(row.attempts);
      // The error's own words only: a transport error can carry the whole connection setup, and
      // a database error the values of its query.
      const { message, code, responseCode } = error as { message?: string; code?: string; responseCode?: number };
      const said = describePrismaError(error) ?? { message, code, responseCode };
      log.warn({ outbox: row.id, attempts: row.attempts, retryInSeconds: delay, error: said }, 'mail not delivered; will retry');
      await retryLater(db, this.owner, row.id, new Date(Date.now() + delay * 1000));
    }
  }

  /** The message for a row, or undefined when there is nobody to send it to. */
  private async render({ id, mail }: ClaimedMail): Promise<{ to: string; letter: Letter } | undefined> {
    const { db, config, keys } = this.deps;
    if (mail.kind === 'notice') return { to: mail.to, letter: renderNotice(config, mail.username, mail.notice, mail.details) };
    // A reset asked for an address no account holds ends here, unseen by whoever asked.
    const user = await db.user.findUnique({ where: { emailKey: mail.email }, select: { id: true, email: true, username: true } });
    if (!user) return undefined;
    // The token is the row's own, an HMAC of its id under a server key: only its digest is
    // stored, and yet every try to send this mail carries the same link. A retry after a failure
    // the mail server did not really have (it took the message, the answer was lost) leaves the
    // link already delivered working. The digest is stored by the first try alone, with the note
    // that it was: a later try never revives a link that was used, expired or voided meanwhile.
    const token = resetTokenOf(keys.passwordResets, id);
    if (!mail.tokenIssued) {
      await db.$transaction(async (tx) => {
        await markResetTokenIssued(tx, this.owner, id, mail);
        await storeResetToken(tx, user.id, token, config.passwordResetTtlSeconds);
      });
    }
    return { to: user.email, letter: renderPasswordReset(config, user.username, resetLink(config.appUrl, token), config.passwordResetTtlSeconds) };
  }
}
