// Where mail goes: the SMTP server of SMTP_URL (smtp:// or smtps://), or, without one, one
// RFC 5322 file per message in DATA_DIR/mail/, so a fresh machine works offline. Both are
// nodemailer: it speaks SMTP and builds the raw message for the file alike.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Letter } from '../rules/mail.ts';

export interface MailTransport {
  /** Delivers one message; `id` names it for good, so a repeat of the same message is recognisable. */
  send(id: string, to: string, letter: Letter): Promise<void>;
  close(): void;
}

// Short enough that a stalled server cannot hold a message for long, far inside the claim's lease.
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * A nodemailer transport made with the first message rather than at start: nodemailer is
 * about 3 MB of heap, and many panels send mail seldom. `close` closes it if it was made.
 */
function madeOnFirstUse(make: (library: typeof import('nodemailer').default) => Transporter) {
  let transport: Promise<Transporter> | undefined;
  return {
    get: () => (transport ??= import('nodemailer').then((library) => make(library.default))),
    close: () => void transport?.then((made) => made.close()),
  };
}

export function openTransport(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'dataDir' | 'appUrl'>, log: Logger): MailTransport {
  const messageId = (id: string) => `<${id}@${config.appUrl.hostname}>`;
  if (config.smtpUrl) {
    const url = new URL(config.smtpUrl);
    // One pooled connection: messages go one after another, without a handshake each.
    const smtp = madeOnFirstUse((nodemailer) =>
      nodemailer.createTransport({ url: config.smtpUrl, pool: true, maxConnections: 1, ...SMTP_TIMEOUTS }, { from: config.mailFrom }),
    );
    log.info({ smtp: `${url.protocol}//${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}` }, 'mail goes out through SMTP');
    return {
      send: async (id, to, letter) => {
        await (await smtp.get()).sendMail({ messageId: messageId(id), to, ...letter });
      },
      close: smtp.close,
    };
  }
  const directory = join(config.dataDir, 'mail');
  const composer = madeOnFirstUse((nodemailer) => nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' }, { from: config.mailFrom }));
  log.info({ directory }, 'SMTP_URL is not set: mail is written as .eml files');
  return {
    send: async (id, to, letter) => {
      const { message } = await (await composer.get()).sendMail({ messageId: messageId(id), to, ...letter });
      mkdirSync(directory, { recursive: true });
      // Written whole, then renamed: a reader never sees half a message, and a repeat overwrites.
      const file = join(directory, `${id}.eml`);
      writeFileSync(`${file}.tmp`, message as Buffer, { mode: 0o600 });
      renameSync(`${file}.tmp`, file);
    },
    close: composer.close,
  };
}
