// A real SMTP server on loopback (smtp-server) that keeps what it accepts, for mail tests.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  /** The raw message with quoted-printable soft breaks and escapes undone: links read whole. */
  decoded: string;
  messageId: string;
}

export interface TestSmtp {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** Called when a message's data starts; by default it is accepted. */
  onDataStart?: () => void;
  /** When true, the data of a message is read but never answered: the sender waits. */
  stall: boolean;
  /**
   * When true, a message is kept (it reached its reader) but answered with a temporary failure,
   * as a server that fails after taking the data does: the sender believes it undelivered.
   */
  failAfterData: boolean;
  /** Resolves once at least `count` messages were accepted. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

const decodeQuotedPrintable = (text: string) =>
  text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Starts the server on `port` (0: any free one); with `auth`, it asks for that user and password. */
export async function startSmtp(port = 0, auth?: { user: string; pass: string }): Promise<TestSmtp> {
  const smtp: TestSmtp = {
    port: 0,
    url: '',
    received: [],
    stall: false,
    failAfterData: false,
    async waitFor(count, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (smtp.received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${smtp.received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return smtp.received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !auth,
    allowInsecureAuth: true,
    logger: false,
    closeTimeout: 200,
    // A reverse lookup of 127.0.0.1 can wait seconds on a machine without a resolver.
    disableReverseLookup: true,
    onAuth(login, _session, callback) {
      if (auth && login.username === auth.user && login.password === auth.pass) callback(null, { user: login.username });
      else callback(new Error('invalid credentials'));
    },
    onData(stream, session, callback) {
      smtp.onDataStart?.();
      const chunks: Buffer[] = [];
      const stalled = smtp.stall;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stalled) return; // never answered: the client waits until it gives up or dies
        const raw = Buffer.concat(chunks).toString('utf8');
        smtp.received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          decoded: decodeQuotedPrintable(raw),
          messageId: /^Message-ID:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? '',
        });
        if (smtp.failAfterData) callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
        else callback();
      });
    },
  });
  server.on('error', () => {}); // a client that vanishes mid-message is not the test's failure
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  smtp.port = (server.server.address() as AddressInfo).port;
  smtp.url = auth ? `smtp://${auth.user}:${auth.pass}@127.0.0.1:${smtp.port}` : `smtp://127.0.0.1:${smtp.port}`;
  return smtp;
}

/** A loopback port with nothing listening on it (yet). */
export async function freePort(): Promise<number> {
  const probe = await startSmtp();
  await probe.close();
  return probe.port;
}
