// The account console in Debian's Chromium, on a real server: one journey per screen, in a
// 390-pixel-wide window, with axe-core on every screen and no request outside the origin.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsole, CONSOLE_BUDGET_BYTES } from '../../scripts/console.mjs';
import { launchChromium } from '../support/chromium.ts';
import { DATABASE, freePort, startTestServer, type TestServer } from '../support/harness.ts';
import { totpCode } from '../support/totp.ts';

const WIDTH = 390;
// A journey is a few dozen page steps; on a busy machine that takes longer than one API call.
const JOURNEY_MS = 120_000;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// `UPDATE_SCREENSHOTS=1` rewrites the README's pictures of the console (once, from the SQLite run).
const screenshots = process.env.UPDATE_SCREENSHOTS === '1' && DATABASE === 'sqlite';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  const size = await buildConsole();
  expect(size.gzipped).toBeLessThanOrEqual(CONSOLE_BUDGET_BYTES);
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A fresh browser profile at `path` of the console at `origin`; `problems` collects script
 * errors, CSP refusals and requests elsewhere.
 */
async function openConsole(path: string, origin = server.url) {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`request elsewhere: ${url}`);
  });
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  await page.addInitScript({
    content: "document.addEventListener('securitypolicyviolation', (e) => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
  });
  await page.goto(origin + path);
  return { page, context, problems, close: () => context.close() };
}

async function signIn(page: Page, user: { username: string; password: string }) {
  await page.getByLabel('Username or email').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

/** No serious or critical axe-core violation, and nothing wider than the window. */
async function expectAccessible(page: Page) {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(axeSource);
  const violations = await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`);
  expect(violations).toEqual([]);
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(WIDTH);
}

/** The messages shown for an input: the error list its aria-describedby names, once it is marked invalid. */
async function errorsOf(field: Locator): Promise<string> {
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  const id = (await field.getAttribute('aria-describedby'))!.split(' ').find((candidate) => candidate.endsWith('-errors'));
  return field.page().locator(`[id="${id}"]`).innerText();
}

async function screenshot(page: Page, name: string) {
  if (screenshots) await page.screenshot({ path: join(import.meta.dirname, '..', '..', 'docs', name), fullPage: true });
}

it('signs in by keyboard, edits the profile and changes the password, each error next to its field', async () => {
  const user = await server.createUser();
  const { page, problems, close } = await openConsole('/account');
  await page.waitForURL(`${server.url}/sign-in?next=%2Faccount`);
  await expectAccessible(page);

  // The wrong password first: the API's message above the form, which takes the focus.
  await page.keyboard.type(user.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type('not the password');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('alert').innerText()).toBe('invalid username or password');
  await page.getByLabel('Password').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(user.password);
  await page.keyboard.press('Enter');
  await heading(page, 'Account').waitFor();
  expect(page.url()).toBe(`${server.url}/account`);
  await expectAccessible(page);

  const username = page.getByLabel('Username');
  await username.fill('x');
  await page.getByRole('button', { name: 'Save profile' }).click();
  expect(await errorsOf(username)).toBe('must be 3-15 characters');
  await expect.poll(() => page.evaluate('document.activeElement.name')).toBe('username');
  await username.fill(user.username);
  await page.getByLabel('First name').fill('Ada');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('status').filter({ hasText: 'Profile saved.' }).waitFor();
  await page.reload();
  await expect.poll(() => page.getByLabel('First name').inputValue()).toBe('Ada');

  const current = page.getByLabel('Current password');
  await current.fill('wrong password');
  await page.getByLabel('New password', { exact: true }).fill('a brand new password');
  await page.getByLabel('New password again').fill('a brand new password');
  await page.getByRole('button', { name: 'Change password' }).click();
  expect(await errorsOf(current)).toBe('invalid password');
  await current.fill(user.password);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('status').filter({ hasText: 'Password changed.' }).waitFor();
  const again = await server.client().post('/api/auth/login', { user: user.username, password: 'a brand new password' });
  expect(again.status).toBe(200);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await heading(page, 'Sign in').waitFor();
  expect(problems).toEqual([]);
  await close();
}, JOURNEY_MS);

it('turns two-factor on from the secret on the page, signs in through the checkpoint, renews the recovery codes', async () => {
  const user = await server.createUser();
  const { page, problems, close } = await openConsole('/two-factor');
  await signIn(page, user);
  await heading(page, 'Two-factor authentication').waitFor();
  await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
  const secret = (await page.locator('[data-secret]').innerText()).trim();
  expect(secret).toMatch(/^[A-Z2-7]+$/);
  await page.getByRole('img', { name: /QR code/ }).waitFor();
  await expectAccessible(page);
  await screenshot(page, 'console-two-factor.png');

  await page.getByLabel('Authentication code').fill(await totpCode(secret));
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Turn on' }).click();
  const codeList = page.getByRole('list', { name: 'Recovery codes' });
  await codeList.waitFor();
  const codes = await codeList.getByRole('listitem').allInnerTexts();
  expect(codes).toHaveLength(10);
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the codes' }).click()]);
  expect(readFileSync(await download.path(), 'utf8')).toBe(`${codes.join('\n')}\n`);
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await page.getByRole('heading', { name: 'Two-factor authentication is on' }).waitFor();
  await expectAccessible(page);

  // Out, and in again with the app's next code; a wrong code first shows the API's message.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, user);
  await page.getByLabel('Authentication code').fill(await totpCode(secret, Date.now(), 6));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect.poll(() => page.getByRole('alert').innerText()).toBe('invalid confirmation code');
  await expectAccessible(page);
  await page.getByLabel('Authentication code').fill(await totpCode(secret, Date.now(), 1));
  await page.getByRole('button', { name: 'Continue' }).click();
  await heading(page, 'Account').waitFor();

  // Out, and in with a recovery code; then off with another one.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, user);
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await page.getByLabel('Recovery code').fill(codes[0]!);
  await page.getByRole('button', { name: 'Continue' }).click();
  await heading(page, 'Account').waitFor();
  await page.getByRole('link', { name: 'Two-factor authentication' }).click();

  // New recovery codes in place of the old ones, then off with one of the new.
  const renew = page.getByRole('region', { name: 'New recovery codes' });
  await renew.getByLabel('Authentication or recovery code').fill(codes[1]!);
  await renew.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Make new recovery codes' }).click();
  expect(await errorsOf(renew.getByLabel('Password'))).toBe('invalid password');
  await renew.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Make new recovery codes' }).click();
  await codeList.waitFor();
  const newCodes = await codeList.getByRole('listitem').allInnerTexts();
  expect(newCodes).toHaveLength(10);
  expect(newCodes.filter((code) => codes.includes(code))).toEqual([]);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'I have saved them' }).click();
  const off = page.getByRole('region', { name: 'Two-factor authentication is on' });
  await off.getByLabel('Authentication or recovery code').fill(codes[2]!);
  await off.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Turn off' }).click();
  await expect.poll(() => off.getByLabel('Authentication or recovery code').getAttribute('aria-invalid')).toBe('true');
  await off.getByLabel('Authentication or recovery code').fill(newCodes[0]!);
  await page.getByRole('button', { name: 'Turn off' }).click();
  await page.getByRole('heading', { name: 'Two-factor authentication is off' }).waitFor();
  expect(problems).toEqual([]);
  await close();
}, JOURNEY_MS);

it('creates a key with two permissions from the picker, which works over REST until it is deleted', async () => {
  const user = await server.createUser();
  const { page, problems, close } = await openConsole('/');
  await signIn(page, user);
  await heading(page, 'Account').waitFor();
  await page.getByRole('link', { name: 'API keys' }).click();
  await heading(page, 'API keys').waitFor();
  await page.getByText('No API keys yet.').waitFor();
  await expectAccessible(page);

  const name = page.getByLabel('Name', { exact: true });
  const addresses = page.getByLabel('Allowed addresses');
  await name.fill('x');
  await addresses.fill('203.0.113.7\nnot an address');
  await page.getByRole('checkbox', { name: /^account\.infos / }).check();
  await page.getByRole('checkbox', { name: /^api-keys\.read / }).check();
  await page.getByRole('button', { name: 'Create the key' }).click();
  expect(await errorsOf(name)).toBe('must be 3-31 characters');
  expect(await errorsOf(addresses)).toContain('allowed_ips.1: invalid ip address or cidr range');

  await name.fill('deploy-bot');
  await addresses.fill('');
  await page.getByRole('button', { name: 'Create the key' }).click();
  const key = (await page.locator('[data-new-key]').innerText()).trim();
  expect(key).toMatch(/^ptlc_[A-Za-z0-9]{43}$/);
  await page.getByRole('heading', { name: 'deploy-bot' }).waitFor();
  await expectAccessible(page);
  await screenshot(page, 'console-api-keys.png');

  const withKey = server.client().withKey(key);
  expect((await withKey.get('/api/client/account')).body.user.username).toBe(user.username);
  expect((await withKey.get('/api/client/account/api-keys')).status).toBe(200);
  const refused = await withKey.get('/api/client/account/sessions');
  expect(refused.status).toBe(403);
  expect(refused.body).toEqual({ errors: ['you do not have permission to perform this action: sessions.read'] });
  const listed = await withKey.get('/api/client/account/api-keys');
  expect(listed.body.api_keys.data[0].user_permissions).toEqual(['account.infos', 'api-keys.read']);

  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Delete the key deploy-bot' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await page.getByText('No API keys yet.').waitFor();
  const revoked = await withKey.get('/api/client/account');
  expect(revoked.status).toBe(401);
  expect(revoked.body).toEqual({ errors: ['invalid api key'] });
  expect(problems).toEqual([]);
  await close();
}, JOURNEY_MS);

it('marks this session, ends another and all others, and asks to sign in once its own has ended', async () => {
  const user = await server.createUser();
  const signInElsewhere = async () => {
    const http = server.client({ 'user-agent': 'Elsewhere/1.0' });
    expect((await http.post('/api/auth/login', { user: user.username, password: user.password })).status).toBe(200);
    return http;
  };
  const other = await signInElsewhere();
  const { page, problems, close } = await openConsole('/sessions');
  await signIn(page, user);
  await heading(page, 'Sessions').waitFor();
  const cards = page.locator('.card');
  await expect.poll(() => cards.count()).toBe(2);
  await expect.poll(() => page.locator('.card.current').innerText()).toContain('This session');
  await expectAccessible(page);

  await page.getByRole('button', { name: /^End the session from / }).click();
  await page.getByRole('button', { name: 'Yes, end' }).click();
  await page.getByRole('status').filter({ hasText: 'Session ended.' }).waitFor();
  await expect.poll(() => cards.count()).toBe(1);
  expect((await other.get('/api/client/account')).body).toEqual({ errors: ['invalid session'] });

  await signInElsewhere();
  const last = await signInElsewhere();
  await page.reload();
  await expect.poll(() => cards.count()).toBe(3);
  await page.getByRole('button', { name: 'End all other sessions' }).click();
  await page.getByRole('button', { name: 'Yes, end all other sessions' }).click();
  await page.getByRole('status').filter({ hasText: 'Ended 2 other sessions.' }).waitFor();
  await expect.poll(() => cards.count()).toBe(1);
  await expectAccessible(page);

  // This browser's session ended elsewhere: the next call answers 401 and sign-in returns.
  const elsewhere = await signInElsewhere();
  expect((await elsewhere.delete('/api/client/account/sessions')).body).toEqual({ deleted: 1 });
  expect((await last.get('/api/client/account')).status).toBe(401);
  await page.getByRole('link', { name: 'API keys' }).click();
  await heading(page, 'Sign in').waitFor();
  expect(page.url()).toBe(`${server.url}/sign-in?next=%2Fapi-keys`);
  expect(problems).toEqual([]);
  await close();
}, JOURNEY_MS);

it('changes the email address once the password confirms it', async () => {
  const user = await server.createUser();
  const { page, problems, close } = await openConsole('/account');
  await signIn(page, user);
  await heading(page, 'Account').waitFor();
  const email = page.getByLabel('New email');
  const password = page.getByLabel('Your password');
  await email.fill(`new-${user.email}`);
  await password.fill('not the password');
  await page.getByRole('button', { name: 'Change email' }).click();
  expect(await errorsOf(password)).toBe('invalid password');
  await email.fill('not an address');
  await password.fill(user.password);
  await page.getByRole('button', { name: 'Change email' }).click();
  expect(await errorsOf(email)).toBe('invalid email');
  await email.fill(`new-${user.email}`);
  await page.getByRole('button', { name: 'Change email' }).click();
  await page.getByRole('status').filter({ hasText: `Email changed to new-${user.email}.` }).waitFor();
  await expect.poll(() => page.getByLabel('New email').inputValue()).toBe(`new-${user.email}`);
  await expectAccessible(page);
  const login = await server.client().post('/api/auth/login', { user: `new-${user.email}`, password: user.password });
  expect(login.status).toBe(200);
  expect(problems).toEqual([]);
  await close();
}, JOURNEY_MS);

/** The reset link mailed to `address`, from the .eml files the server writes without SMTP. */
async function resetLinkFor(address: string): Promise<string> {
  const directory = join(server.dataDir, 'mail');
  let link: string | undefined;
  await expect
    .poll(
      () => {
        const names = (() => {
          try {
            return readdirSync(directory).filter((name) => name.endsWith('.eml'));
          } catch {
            return [];
          }
        })();
        for (const name of names) {
          // Quoted-printable: soft line breaks out, escaped bytes back.
          const text = readFileSync(join(directory, name), 'latin1')
            .replace(/=\r?\n/g, '')
            .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
          const found = new RegExp(`^To: ${address}`, 'm').test(text) && /\/auth\/reset-password\?token=[A-Za-z0-9_-]+/.exec(text);
          if (found) link = found[0];
        }
        return link;
      },
      { timeout: 60_000, interval: 200 },
    )
    .toBeDefined();
  return link!;
}

it('mails a reset link from the sign-in screen, sets a new password with it and signs in', async () => {
  const user = await server.createUser();
  const { page, problems, close } = await openConsole('/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await heading(page, 'Forgot password').waitFor();
  await expectAccessible(page);
  const email = page.getByLabel('Email');
  await email.fill('not an address');
  await page.getByRole('button', { name: 'Send the link' }).click();
  expect(await errorsOf(email)).toBe('must be a valid email address');
  await email.fill(user.email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await page.getByRole('status').filter({ hasText: `If an account uses ${user.email}` }).waitFor();
  await expectAccessible(page);

  const link = await resetLinkFor(user.email);
  await page.goto(server.url + link);
  await heading(page, 'Set a new password').waitFor();
  await expectAccessible(page);
  const password = page.getByLabel('New password');
  await password.fill('short');
  await page.getByRole('button', { name: 'Set the password' }).click();
  expect(await errorsOf(password)).toMatch(/8/);
  await password.fill('a password from the mail');
  await page.getByRole('button', { name: 'Set the password' }).click();
  await page.getByRole('status').filter({ hasText: 'Your password is set.' }).waitFor();
  await page.getByRole('link', { name: 'Sign in' }).click();
  await signIn(page, { username: user.username, password: 'a password from the mail' });
  await heading(page, 'Account').waitFor();

  // The link worked once.
  await page.goto(server.url + link);
  await page.getByLabel('New password').fill('yet another password');
  await page.getByRole('button', { name: 'Set the password' }).click();
  await expect.poll(() => page.getByRole('alert').innerText()).toBe('invalid or expired token');
  expect(problems).toEqual([]);
  await close();
}, JOURNEY_MS);

it('changes the name, addresses, permissions and expiry of a key, then gives it a new secret: the old one fails', async () => {
  const { user, http } = await server.signedIn();
  const made = await http.post('/api/client/account/api-keys', { name: 'ci-bot', allowed_ips: [], user_permissions: ['account.infos'], admin_permissions: [], server_permissions: [] });
  expect(made.status).toBe(200);
  const oldKey: string = made.body.key;
  const { page, problems, close } = await openConsole('/api-keys');
  await signIn(page, user);
  await heading(page, 'API keys').waitFor();
  await page.getByRole('button', { name: 'Change the key ci-bot' }).click();
  const card = page.locator('.card').filter({ has: page.getByRole('heading', { name: 'Change ci-bot' }) });
  const name = card.getByLabel('Name', { exact: true });
  await name.fill('x');
  await page.getByRole('button', { name: 'Save the key' }).click();
  expect(await errorsOf(name)).toBe('must be 3-31 characters');
  await name.fill('ci-runner');
  await card.getByLabel('Allowed addresses').fill('127.0.0.0/8\n::1/128');
  const expiry = new Date(Date.now() + 30 * 86_400_000);
  expiry.setSeconds(0, 0);
  const local = new Date(expiry.getTime() - expiry.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await card.getByLabel('Expires').fill(local);
  await card.getByRole('checkbox', { name: /^api-keys\.read / }).check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save the key' }).click();
  await page.getByRole('status').filter({ hasText: 'API key saved.' }).waitFor();
  const [stored] = (await http.get('/api/client/account/api-keys')).body.api_keys.data;
  expect([stored.name, stored.allowed_ips, stored.user_permissions, new Date(stored.expires).getTime()]).toEqual([
    'ci-runner',
    ['127.0.0.0/8', '::1/128'],
    ['account.infos', 'api-keys.read'],
    expiry.getTime(),
  ]);

  await page.getByRole('button', { name: 'Recreate the key ci-runner' }).click();
  await page.getByRole('button', { name: 'Yes, recreate' }).click();
  const newKey = (await page.locator('[data-new-key]').innerText()).trim();
  expect(newKey).toMatch(/^ptlc_[A-Za-z0-9]{43}$/);
  expect(newKey).not.toBe(oldKey);
  await expectAccessible(page);
  expect((await server.client().withKey(newKey).get('/api/client/account/api-keys')).status).toBe(200);
  const old = await server.client().withKey(oldKey).get('/api/client/account');
  expect([old.status, old.body]).toEqual([401, { errors: ['invalid api key'] }]);
  expect(problems).toEqual([]);
  await close();
}, JOURNEY_MS);

it('adds an SSH key generated by ssh-keygen, renames and deletes it, and finds each change in the activity', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'console-ssh-'));
  try {
    const file = join(directory, 'id_ed25519');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'laptop', '-f', file]);
    const publicKey = readFileSync(`${file}.pub`, 'utf8');
    const fingerprint = execFileSync('ssh-keygen', ['-l', '-f', `${file}.pub`], { encoding: 'utf8' }).split(' ')[1]!;

    const user = await server.createUser();
    const { page, problems, close } = await openConsole('/ssh-keys');
    await signIn(page, user);
    await heading(page, 'SSH keys').waitFor();
    await page.getByText('No SSH keys yet.').waitFor();
    await expectAccessible(page);
    const publicKeyField = page.getByLabel('Public key');
    await page.getByLabel('Name', { exact: true }).fill('laptop');
    await publicKeyField.fill('ssh-ed25519 not-a-key');
    await page.getByRole('button', { name: 'Add the key' }).click();
    expect(await errorsOf(publicKeyField)).not.toBe('');
    await publicKeyField.fill(publicKey);
    await page.getByRole('button', { name: 'Add the key' }).click();
    await page.getByRole('status').filter({ hasText: `laptop added, fingerprint ${fingerprint}.` }).waitFor();
    await page.locator('.card code').filter({ hasText: fingerprint }).waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Rename the key laptop' }).click();
    await page.getByLabel('New name').fill('work laptop');
    await page.getByRole('button', { name: 'Save the name' }).click();
    await page.getByRole('heading', { name: 'work laptop' }).waitFor();
    // The keyboard is back where it was.
    await expect.poll(() => page.evaluate('document.activeElement.textContent')).toBe('Rename the key work laptop');
    await page.getByRole('button', { name: 'Delete the key work laptop' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByText('No SSH keys yet.').waitFor();

    // The activity screen lists the three changes, newest first; a search keeps one.
    await page.getByRole('link', { name: 'Activity' }).click();
    await heading(page, 'Activity').waitFor();
    const events = page.locator('.card h3');
    await expect.poll(() => events.allInnerTexts()).toEqual(expect.arrayContaining(['ssh-key:delete', 'ssh-key:update', 'ssh-key:create']));
    const texts = await events.allInnerTexts();
    expect(texts.indexOf('ssh-key:delete')).toBeLessThan(texts.indexOf('ssh-key:create'));
    await expectAccessible(page);
    await page.getByLabel('Event or address starts with').fill('ssh-key:u');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => events.allInnerTexts()).toEqual(['ssh-key:update']);
    await page.locator('.card').filter({ hasText: 'work laptop' }).waitFor();
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await close();
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}, JOURNEY_MS);

it('answers the page at client routes and leaves /api, /trpc and /api/docs as they were', async () => {
  const html = { accept: 'text/html,application/xhtml+xml' };
  for (const path of ['/', '/sessions', '/auth/reset-password?token=abc']) {
    const res = await server.client().get(path, html);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toContain('<script type="module" src="/assets/console.js"></script>');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self';");
  }
  const script = await server.client().get('/assets/console.js');
  expect(script.status).toBe(200);
  expect(script.headers.get('content-type')).toMatch(/^text\/javascript|^application\/javascript/);

  for (const [path, headers, status, body] of [
    ['/api/nothing/here', html, 404, { errors: ['not found'] }],
    ['/elsewhere', {}, 404, { errors: ['not found'] }],
    ['/assets/missing.js', {}, 404, { errors: ['not found'] }],
    ['/api/client/account', html, 401, { errors: ['missing authorization'] }],
  ] as const) {
    const res = await server.client().get(path, headers);
    expect([path, res.status, res.body]).toEqual([path, status, body]);
  }
  const trpc = await server.client().get('/trpc/account.get', html);
  expect(trpc.status).toBe(401);
  expect((await server.client().get('/api/docs', html)).text).toContain('swagger-ui');
  expect((await server.client().request('POST', '/sessions', {}, html)).status).toBe(404);
});

describe('security keys, with APP_URL on localhost (WebAuthn needs a secure context) and a virtual authenticator', () => {
  let keyServer: TestServer;
  let origin: string;
  beforeAll(async () => {
    const port = await freePort();
    origin = `http://localhost:${port}`;
    keyServer = await startTestServer({ APP_URL: origin }, { port });
  });
  afterAll(() => keyServer?.close());

  /**
   * Chromium's own authenticator in place of a person with a key: a passkey that keeps
   * discoverable credentials and verifies its user (a PIN, a fingerprint) without asking.
   */
  async function addAuthenticator(context: BrowserContext, page: Page) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    return { credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials };
  }

  async function registerKey(page: Page, name: string) {
    await page.getByRole('link', { name: 'Security keys' }).click();
    await heading(page, 'Security keys').waitFor();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Register the key' }).click();
    await page.getByRole('status').filter({ hasText: `${name} registered.` }).waitFor();
    await page.getByRole('heading', { level: 3, name }).waitFor();
  }

  it('registers a key on its screen, renames it, signs out and back in with the passkey alone, then deletes it', async () => {
    const user = await keyServer.createUser();
    const { page, context, problems, close } = await openConsole('/security-keys', origin);
    const authenticator = await addAuthenticator(context, page);
    await signIn(page, user);
    await heading(page, 'Security keys').waitFor();
    await page.getByText('No security keys yet.').waitFor();
    await expectAccessible(page);

    // The API's own message next to the field, before the browser is asked anything.
    const name = page.getByLabel('Name', { exact: true });
    await name.fill('x');
    await page.getByRole('button', { name: 'Register the key' }).click();
    expect(await errorsOf(name)).toBe('must be 3-31 characters');
    expect(await authenticator.credentials()).toEqual([]);

    await registerKey(page, 'laptop');
    expect(await authenticator.credentials()).toHaveLength(1);
    await expect.poll(() => page.locator('.card').innerText()).toMatch(/Last used\s+never/);
    await expectAccessible(page);

    // The same authenticator twice: the browser refuses it, and says so.
    await name.fill('laptop again');
    await page.getByRole('button', { name: 'Register the key' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toBe('this security key is already registered');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Rename the key laptop' }).click();
    await page.getByLabel('New name').fill('work laptop');
    await page.getByRole('button', { name: 'Save the name' }).click();
    await page.getByRole('heading', { level: 3, name: 'work laptop' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await heading(page, 'Account').waitFor();
    await expect.poll(() => page.locator('.who').innerText()).toBe(`Signed in as ${user.username}`);

    await page.getByRole('link', { name: 'Security keys' }).click();
    await expect.poll(() => page.locator('.card').innerText()).not.toMatch(/Last used\s+never/);
    await page.getByRole('button', { name: 'Delete the key work laptop' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByText('No security keys yet.').waitFor();

    // The key is gone from the account: the passkey the browser still holds signs in no more.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toBe('failed to finish security key authentication');
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await close();
  }, JOURNEY_MS);

  it('offers the security key at the two-factor checkpoint of an account with TOTP on', async () => {
    const user = await keyServer.createUser();
    const http = keyServer.client();
    expect((await http.post('/api/auth/login', { user: user.username, password: user.password })).status).toBe(200);
    const setup = await http.get('/api/client/account/two-factor');
    const secret: string = setup.body.secret;
    const enabled = await http.post('/api/client/account/two-factor', { code: await totpCode(secret), password: user.password });
    expect(enabled.status).toBe(200);
    const recoveryCodes: string[] = enabled.body.recovery_codes;

    const { page, context, problems, close } = await openConsole('/security-keys', origin);
    await addAuthenticator(context, page);
    await signIn(page, user);
    // No key yet: the checkpoint offers codes only.
    await page.getByLabel('Authentication code').waitFor();
    expect(await page.getByRole('button', { name: 'Use a security key' }).count()).toBe(0);
    await page.getByLabel('Authentication code').fill(await totpCode(secret, Date.now(), 1));
    await page.getByRole('button', { name: 'Continue' }).click();
    await heading(page, 'Security keys').waitFor();
    await registerKey(page, 'phone');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, user);
    await page.getByLabel('Authentication code').waitFor();
    await expectAccessible(page);
    // By keyboard: from the code field, past the form's button, to the security key.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate('document.activeElement.textContent')).toBe('Use a security key');
    await page.keyboard.press('Enter');
    await heading(page, 'Account').waitFor();

    // A key deleted meanwhile: the API refuses its answer, which spends the login's options;
    // the checkpoint still takes a code.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, user);
    const useKey = page.getByRole('button', { name: 'Use a security key' });
    await useKey.waitFor();
    const [key] = (await http.get('/api/client/account/security-keys')).body.security_keys.data;
    expect((await http.delete(`/api/client/account/security-keys/${key.uuid}`)).status).toBe(200);
    await useKey.click();
    await expect.poll(() => page.getByRole('alert').innerText()).toBe('failed to finish security key authentication');
    await page.getByText('To try a security key again, start over.').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Continue' }).click();
    await heading(page, 'Account').waitFor();
    expect(problems).toEqual([]);
    await close();
  }, JOURNEY_MS);
});
