// Mail (SPEC §12) against a real SMTP server on loopback: password recovery end to end, the
// notices, new recovery codes, and the outbox's promises: nothing lost while the mail server
// is down or the service dies between commit and send, and nothing sent twice by two instances.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/db/accounts.ts';
import { openDatabase, type Db } from '../src/db/index.ts';
import { enqueueNotice } from '../src/db/outbox.ts';
import { startChildServer } from './support/child-server.ts';
import { collectedLog, freshDatabaseUrl, startTestServer, type TestServer } from './support/harness.ts';
import { HttpClient } from './support/http.ts';
import { freePort, startSmtp, type ReceivedMail, type TestSmtp } from './support/smtp.ts';
import { totpCode } from './support/totp.ts';

const APP_URL = 'https://panel.example.com';
const LINK = /https:\/\/panel\.example\.com\/auth\/reset-password\?token=([A-Za-z0-9_-]+)/;

async function until<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const mailsTo = (smtp: TestSmtp, address: string, subject?: RegExp) =>
  smtp.received.filter((mail) => mail.to.includes(address) && (!subject || subject.test(mail.decoded)));

const waitForMail = (smtp: TestSmtp, address: string, subject: RegExp, count = 1) =>
  until(`${count} mail(s) to ${address} matching ${subject}`, () => {
    const found = mailsTo(smtp, address, subject);
    return found.length >= count && found;
  });

const tokenOf = (mail: ReceivedMail) => LINK.exec(mail.decoded)![1]!;

/** Every outbox row has gone out. */
const outboxEmpty = (db: Db) => until('the outbox to drain', async () => (await db.mailOutbox.count({ where: { sent: null } })) === 0);

const RESET = /Reset your password/;

describe('password recovery', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startTestServer({ SMTP_URL: smtp.url, APP_URL, RATE_LIMIT_PASSWORD_FORGOT: '1000/3600', RATE_LIMIT_PASSWORD_RESET: '1000/300' });
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  it('resets a password from the link in the mail: every session ends, the token works once', async () => {
    const { user, http } = await server.signedIn();
    const forgot = await server.client().post('/api/auth/password/forgot', { email: user.email.toUpperCase() });
    expect(forgot.status).toBe(200);
    expect(forgot.body).toEqual({});

    const [mail] = await waitForMail(smtp, user.email, RESET);
    expect(mail!.raw).toMatch(/^From: Panel <no-reply@panel\.example\.com>/m);
    expect(mail!.decoded).toContain(user.username);
    const token = tokenOf(mail!);
    // Only a digest is stored, and the outbox never held the link.
    const stored = JSON.stringify([await server.services.db.passwordReset.findMany(), await server.services.db.mailOutbox.findMany()]);
    expect(stored).not.toContain(token);

    const reset = await server.client().post('/api/auth/password/reset', { token, password: 'a brand new password' });
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({});
    expect((await http.get('/api/client/account')).body).toEqual({ errors: ['invalid session'] });
    expect((await server.client().post('/api/auth/login', { user: user.username, password: user.password })).status).toBe(400);
    expect((await server.client().post('/api/auth/login', { user: user.username, password: 'a brand new password' })).status).toBe(200);
    const again = await server.client().post('/api/auth/password/reset', { token, password: 'yet another password' });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ errors: ['invalid or expired token'] });

    const events = await server.services.db.activity.findMany({ where: { userId: user.id }, select: { event: true } });
    expect(events.map((row) => row.event)).toContain('account:password-reset');
    const [notice] = await waitForMail(smtp, user.email, /Your password was reset/);
    expect(notice!.decoded).not.toContain(token);
    expect(notice!.decoded).not.toContain('a brand new password');
  });

  it('answers an unknown address exactly as a known one, and mails nobody', async () => {
    const unknown = await server.client().post('/api/auth/password/forgot', { email: 'nobody-here@example.com' });
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual({});
    await outboxEmpty(server.services.db);
    expect(mailsTo(smtp, 'nobody-here@example.com')).toEqual([]);
  });

  it('voids an older token with a newer one, refuses an expired one, and lets one of two racing resets win', async () => {
    const user = await server.createUser();
    await server.client().post('/api/auth/password/forgot', { email: user.email });
    const first = tokenOf((await waitForMail(smtp, user.email, RESET))[0]!);
    await server.client().post('/api/auth/password/forgot', { email: user.email });
    const second = tokenOf((await waitForMail(smtp, user.email, RESET, 2))[1]!);
    expect((await server.client().post('/api/auth/password/reset', { token: first, password: 'another password' })).body).toEqual({ errors: ['invalid or expired token'] });

    const raced = await Promise.all([1, 2, 3].map((n) => server.client().post('/api/auth/password/reset', { token: second, password: `raced password ${n}` })));
    expect(raced.map((res) => res.status).sort()).toEqual([200, 400, 400]);

    await server.client().post('/api/auth/password/forgot', { email: user.email });
    const third = tokenOf((await waitForMail(smtp, user.email, RESET, 3))[2]!);
    await server.services.db.passwordReset.updateMany({ where: { userId: user.id }, data: { expires: new Date(Date.now() - 1000) } });
    expect((await server.client().post('/api/auth/password/reset', { token: third, password: 'another password' })).body).toEqual({ errors: ['invalid or expired token'] });
  });

  it('leaves two-factor on', async () => {
    const user = await server.createUser();
    await server.services.db.user.update({ where: { id: user.id }, data: { totpEnabled: true } });
    await server.client().post('/api/auth/password/forgot', { email: user.email });
    const token = tokenOf((await waitForMail(smtp, user.email, RESET))[0]!);
    expect((await server.client().post('/api/auth/password/reset', { token, password: 'a new password here' })).status).toBe(200);
    const login = await server.client().post('/api/auth/login', { user: user.username, password: 'a new password here' });
    expect(login.body.type).toBe('two_factor_required');
  });

  it('refuses bad input with the field named', async () => {
    const bad = await server.client().post('/api/auth/password/forgot', { email: 'not an address' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatch(/^email: /);
    const short = await server.client().post('/api/auth/password/reset', { token: 'x', password: 'short' });
    expect(short.body).toEqual({ errors: ['password: must be 8-512 characters'] });
    expect((await server.client().post('/api/auth/password/reset', { token: 'x', password: 'long enough', extra: 1 })).status).toBe(400);
  });
});

describe('password recovery limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ TRUSTED_PROXIES: '127.0.0.1', RATE_LIMIT_PASSWORD_FORGOT: '2/3600', RATE_LIMIT_PASSWORD_RESET: '2/300' });
  });
  afterAll(() => server.close());

  const from = (ip: string) => server.client({ 'x-forwarded-for': ip });

  it('counts requests per email address from every client address', async () => {
    const statuses = [];
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) statuses.push((await from(ip).post('/api/auth/password/forgot', { email: 'Target@example.com' })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('counts requests per client address over every email address', async () => {
    const statuses = [];
    for (const n of [1, 2, 3]) statuses.push((await from('198.51.100.9').post('/api/auth/password/forgot', { email: `someone${n}@example.com` })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('counts resets per client address', async () => {
    const statuses = [];
    for (let n = 0; n < 3; n++) statuses.push((await from('198.51.100.20').post('/api/auth/password/reset', { token: `guess${n}`, password: 'long enough' })).status);
    expect(statuses).toEqual([400, 400, 429]);
  });
});

describe('notices and new recovery codes', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startTestServer({ SMTP_URL: smtp.url, APP_URL });
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  const noticesOf = async (userId: string) => {
    const { email } = await server.services.db.user.findUniqueOrThrow({ where: { id: userId } });
    const rows = await server.services.db.mailOutbox.findMany({ orderBy: { created: 'asc' } });
    return rows.map((row) => row.mail as { kind: string; to?: string; notice?: string }).filter((mail) => mail.to === email).map((mail) => mail.notice).sort();
  };

  it('tells of a sign-in from a new address and browser, and not of a familiar one', async () => {
    const user = await server.createUser();
    const browser = { 'user-agent': 'TestBrowser/1.0' };
    expect((await server.client(browser).post('/api/auth/login', { user: user.username, password: user.password })).status).toBe(200);
    expect(await noticesOf(user.id)).toEqual(['new-sign-in']);
    const [mail] = await waitForMail(smtp, user.email, /New sign-in/);
    expect(mail!.decoded).toContain('TestBrowser/1.0');

    // The activity log now holds that sign-in, so the next one from there is familiar.
    await server.client(browser).post('/api/auth/login', { user: user.username, password: user.password });
    expect(await noticesOf(user.id)).toEqual(['new-sign-in']);
    await server.client({ 'user-agent': 'OtherBrowser/2.0' }).post('/api/auth/login', { user: user.username, password: user.password });
    expect(await noticesOf(user.id)).toEqual(['new-sign-in', 'new-sign-in']);
  });

  it('tells of a password change and of an API key with admin permissions, not of an ordinary key', async () => {
    const { user, http } = await server.signedIn({ admin: true });
    const key = { allowed_ips: [], user_permissions: [], server_permissions: [] };
    const ordinary = await http.post('/api/client/account/api-keys', { ...key, name: 'plain', admin_permissions: [] });
    const admin = await http.post('/api/client/account/api-keys', { ...key, name: 'mighty', admin_permissions: ['users.read'] });
    expect(admin.status).toBe(200);
    await http.post('/api/client/account/password', { current_password: user.password, password: 'changed password', password_confirmation: 'changed password' });
    expect(await noticesOf(user.id)).toEqual(['admin-api-key-created', 'new-sign-in', 'password-changed']);

    const [keyMail] = await waitForMail(smtp, user.email, /admin permissions was created/);
    expect(keyMail!.decoded).toContain('"mighty"');
    for (const secret of [admin.body.key, admin.body.api_key.key_start, ordinary.body.key]) expect(keyMail!.raw).not.toContain(secret);
    const [passwordMail] = await waitForMail(smtp, user.email, /Your password was changed/);
    expect(passwordMail!.decoded).not.toContain('changed password');
  });

  it('makes ten new recovery codes with a code and the password, voids the old ones, and tells', async () => {
    const { user, http } = await server.signedIn();
    const path = '/api/client/account/two-factor/recovery-codes';
    const notEnabled = await http.post(path, { code: '123456', password: user.password });
    expect(notEnabled.status).toBe(409);
    expect(notEnabled.body).toEqual({ errors: ['two-factor authentication is not enabled'] });

    const setup = await http.get('/api/client/account/two-factor');
    const enabled = await http.post('/api/client/account/two-factor', { code: await totpCode(setup.body.secret), password: user.password });
    const old: string[] = enabled.body.recovery_codes;

    expect((await http.post(path, { code: old[0], password: 'wrong password' })).body).toEqual({ errors: ['password: invalid password'] });
    expect((await http.post(path, { code: '000000', password: user.password })).body).toEqual({ errors: ['code: invalid confirmation code'] });
    const made = await http.post(path, { code: old[0], password: user.password });
    expect(made.status).toBe(200);
    expect(made.body.recovery_codes).toHaveLength(10);
    expect(made.body.recovery_codes.some((code: string) => old.includes(code))).toBe(false);

    // An old code no longer works; a new one does (here, to turn two-factor off).
    expect((await http.delete('/api/client/account/two-factor', { code: old[1], password: user.password })).body).toEqual({ errors: ['code: invalid confirmation code'] });
    expect((await http.delete('/api/client/account/two-factor', { code: made.body.recovery_codes[0], password: user.password })).status).toBe(200);

    const events = await server.services.db.activity.findMany({ where: { userId: user.id }, select: { event: true } });
    expect(events.map((row) => row.event)).toContain('account:recovery-codes.regenerate');
    expect(await noticesOf(user.id)).toEqual(['new-sign-in', 'recovery-codes-regenerated', 'two-factor-disabled']);
    const [codesMail] = await waitForMail(smtp, user.email, /New recovery codes were made/);
    for (const code of made.body.recovery_codes) expect(codesMail!.raw).not.toContain(code);
    await waitForMail(smtp, user.email, /Two-factor authentication was turned off/);
  });
});

describe('the outbox', () => {
  it('keeps a reset link while the mail server is down and delivers it once when it is back, logging no secret', async () => {
    const port = await freePort();
    const auth = { user: 'mailer', pass: 'smtp-password-never-logged' };
    const { lines, log } = collectedLog('debug');
    const server = await startTestServer({ SMTP_URL: `smtp://${auth.user}:${auth.pass}@127.0.0.1:${port}`, APP_URL }, { log });
    let smtp: TestSmtp | undefined;
    try {
      const { user } = await server.signedIn();
      expect((await server.client().post('/api/auth/password/forgot', { email: user.email })).status).toBe(200);
      await until('a failed attempt', () => lines.some((line) => line.includes('mail not delivered; will retry')));

      smtp = await startSmtp(port, auth);
      const [mail] = await waitForMail(smtp, user.email, RESET);
      await outboxEmpty(server.services.db);
      const token = tokenOf(mail!);
      expect((await server.client().post('/api/auth/password/reset', { token, password: 'recovered password' })).status).toBe(200);
      const created = await (await server.signedIn({ admin: true })).http.post('/api/client/account/api-keys', {
        name: 'logged', allowed_ips: [], user_permissions: [], admin_permissions: ['users.read'], server_permissions: [],
      });
      await outboxEmpty(server.services.db);
      await server.close();

      expect(mailsTo(smtp, user.email, RESET)).toHaveLength(1);
      const all = lines.join('\n');
      expect(all).toContain('mail goes out through SMTP');
      for (const secret of [token, 'recovered password', user.password, auth.pass, created.body.key]) expect(all).not.toContain(secret);
    } finally {
      await server.close();
      await smtp?.close();
    }
  });

  it('mails the same reset link again when a delivery the mail server took is retried, and never revives a used one', async () => {
    const smtp = await startSmtp();
    const server = await startTestServer({ SMTP_URL: smtp.url, APP_URL, RATE_LIMIT_PASSWORD_FORGOT: '1000/3600' });
    const { db } = server.services;
    /** Lets the sender try the given-back row again now rather than after its backoff. */
    const retryNow = async () => {
      await until('the row given back', async () => (await db.mailOutbox.count({ where: { sent: null, claimedBy: null, attempts: { gt: 0 } } })) > 0);
      smtp.failAfterData = false;
      await db.mailOutbox.updateMany({ where: { sent: null }, data: { nextAttempt: new Date() } });
      server.services.mail.wake();
    };
    try {
      // The link of the message the server took but answered with a failure still works after the retry.
      const kept = await server.createUser();
      smtp.failAfterData = true;
      await server.client().post('/api/auth/password/forgot', { email: kept.email });
      const held = tokenOf((await waitForMail(smtp, kept.email, RESET))[0]!);
      await retryNow();
      const resent = tokenOf((await waitForMail(smtp, kept.email, RESET, 2))[1]!);
      await outboxEmpty(db);
      expect(resent).toBe(held);
      expect(JSON.stringify([await db.passwordReset.findMany(), await db.mailOutbox.findMany()])).not.toContain(held);
      expect((await server.client().post('/api/auth/password/reset', { token: held, password: 'kept link password' })).status).toBe(200);

      // A link used before the retry stays used: the retry mails it again, dead.
      const used = await server.createUser();
      smtp.failAfterData = true;
      await server.client().post('/api/auth/password/forgot', { email: used.email });
      const first = tokenOf((await waitForMail(smtp, used.email, RESET))[0]!);
      expect((await server.client().post('/api/auth/password/reset', { token: first, password: 'used link password' })).status).toBe(200);
      await retryNow();
      const again = tokenOf((await waitForMail(smtp, used.email, RESET, 2))[1]!);
      await outboxEmpty(db);
      expect(again).toBe(first);
      expect((await server.client().post('/api/auth/password/reset', { token: again, password: 'a third password' })).body).toEqual({ errors: ['invalid or expired token'] });
    } finally {
      await server.close();
      await smtp.close();
    }
  });

  it('delivers once after the process is killed between commit and send', async () => {
    const smtp = await startSmtp();
    const databaseUrl = await freshDatabaseUrl();
    const dataDir = mkdtempSync(join(tmpdir(), 'panel-mail-kill-'));
    const { db, close } = await openDatabase(databaseUrl);
    try {
      const user = await createAccount(db, { username: 'killed', email: 'killed@example.com', password: 'correct horse battery' });
      const env = { SMTP_URL: smtp.url, APP_URL };
      // The mail server takes the message but never answers: the sender is mid-send when it dies.
      smtp.stall = true;
      const sending = new Promise<void>((resolve) => (smtp.onDataStart = resolve));
      const first = await startChildServer(databaseUrl, dataDir, env);
      expect((await new HttpClient(first.url).post('/api/auth/password/forgot', { email: user.email })).status).toBe(200);
      await sending;
      first.child.kill('SIGKILL');
      await first.exited;

      const [row] = await db.mailOutbox.findMany();
      expect(row!.sent).toBeNull();
      expect(row!.claimedBy).not.toBeNull();
      // Its lease would run out in minutes; let that time pass.
      await db.mailOutbox.updateMany({ data: { leaseUntil: new Date(Date.now() - 1000) } });

      smtp.stall = false;
      smtp.onDataStart = undefined;
      const second = await startChildServer(databaseUrl, dataDir, env);
      try {
        await waitForMail(smtp, user.email, RESET);
        await outboxEmpty(db);
      } finally {
        second.child.kill('SIGTERM');
        await second.exited;
      }
      expect(mailsTo(smtp, user.email, RESET)).toHaveLength(1);
    } finally {
      await close();
      await smtp.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('sends a burst of 200 exactly once from two instances on one database', async () => {
    const smtp = await startSmtp();
    const one = await startTestServer({ SMTP_URL: smtp.url });
    const two = await startTestServer({ SMTP_URL: smtp.url }, { reuse: { databaseUrl: one.databaseUrl, dataDir: one.dataDir } });
    try {
      await one.services.db.$transaction(async (tx) => {
        for (let n = 0; n < 200; n++) await enqueueNotice(tx, { email: `burst${n}@example.com`, username: `burst${n}` }, 'password-changed', {});
      });
      one.services.mail.wake();
      two.services.mail.wake();
      await outboxEmpty(one.services.db);
    } finally {
      // Closing waits for a send in flight: after it, every delivery that will happen has.
      await one.close();
      await two.close();
      await smtp.close();
    }
    const recipients = smtp.received.flatMap((mail) => mail.to).sort();
    expect(recipients).toEqual(Array.from({ length: 200 }, (_, n) => `burst${n}@example.com`).sort());
    expect(new Set(smtp.received.map((mail) => mail.messageId)).size).toBe(200);
  }, 180_000);

  it('writes each message as an .eml file in DATA_DIR/mail without SMTP_URL, and says so', async () => {
    const { lines, log } = collectedLog('debug');
    const server = await startTestServer({}, { log });
    try {
      const user = await server.createUser();
      await server.client().post('/api/auth/password/forgot', { email: user.email });
      const directory = join(server.dataDir, 'mail');
      const files = await until('an .eml file', () => {
        try {
          const found = readdirSync(directory).filter((name) => name.endsWith('.eml'));
          return found.length > 0 && found;
        } catch {
          return false;
        }
      });
      const raw = readFileSync(join(directory, files[0]!), 'utf8');
      expect(raw).toMatch(/^From: Panel <no-reply@localhost>\r$/m);
      expect(raw).toMatch(new RegExp(`^To: ${user.email}\\r$`, 'm'));
      expect(raw).toMatch(/^Subject: Panel: Reset your password\r$/m);
      expect(raw.replace(/=\r\n/g, '').replace(/=3D/g, '=')).toMatch(/http:\/\/localhost:0\/auth\/reset-password\?token=[A-Za-z0-9_-]{43}/);
      expect(lines.some((line) => line.includes('SMTP_URL is not set: mail is written as .eml files'))).toBe(true);
    } finally {
      await server.close();
    }
  });
});
