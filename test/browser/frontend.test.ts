// The example frontend (examples/browser) in Chromium, served from another loopback port
// than the panel's: with its origin in CORS_ORIGINS it signs in with the session cookie and
// reads through the typed client; from an origin not listed, the browser gets no answer.
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveFrontend } from '../../examples/browser/serve.ts';
import { launchChromium } from '../support/chromium.ts';
import { startTestServer, type TestServer } from '../support/harness.ts';

let browser: Browser;
let panel: TestServer;
let listed: Awaited<ReturnType<typeof serveFrontend>>;
let unlisted: Awaited<ReturnType<typeof serveFrontend>>;

beforeAll(async () => {
  // The frontends' ports must be known before the panel starts, to list one of them.
  const placeholder = 'http://127.0.0.1:1';
  [listed, unlisted] = await Promise.all([serveFrontend({ panelUrl: placeholder }), serveFrontend({ panelUrl: placeholder })]);
  panel = await startTestServer({ CORS_ORIGINS: listed.url });
  await Promise.all([listed.close(), unlisted.close()]);
  const port = (url: string) => Number(new URL(url).port);
  [listed, unlisted] = await Promise.all([
    serveFrontend({ panelUrl: panel.url, port: port(listed.url) }),
    serveFrontend({ panelUrl: panel.url, port: port(unlisted.url) }),
  ]);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([listed?.close(), unlisted?.close(), panel?.close()]);
});

async function signIn(page: Page, user: { username: string; password: string }) {
  await page.getByLabel('Username or email').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

it('signs in and reads with credentials from a listed origin', async () => {
  const user = await panel.createUser();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(listed.url);
  await signIn(page, user);
  await expect(page.getByRole('heading').textContent({ timeout: 20_000 })).resolves.toBe(`Signed in as ${user.username}`);
  await expect(page.locator('#key-count').textContent()).resolves.toBe('0 API key(s)');
  // The cookie is the panel's, set through CORS; the page's own origin holds none.
  const cookies = await context.cookies(panel.url);
  expect(cookies.map((cookie) => cookie.name)).toContain('panel_session');

  // A change from this page passes the cross-site check: a key made through the typed client.
  const created = await page.evaluate(async (trpc) => {
    const res = await fetch(`${trpc}/apiKeys.create`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { name: 'from-browser', allowed_ips: [], user_permissions: [], admin_permissions: [], server_permissions: [] } }),
    });
    return res.status;
  }, `${panel.url}/trpc`);
  expect(created).toBe(200);
  await page.reload();
  await expect(page.locator('#key-count').textContent({ timeout: 20_000 })).resolves.toBe('1 API key(s)');
  await context.close();
});

it('gets nothing through from an origin that is not listed', async () => {
  const user = await panel.createUser();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(unlisted.url);
  // Without CORS headers the browser hides every answer: the app cannot even learn it is signed out.
  await expect(page.getByRole('alert').textContent({ timeout: 20_000 })).resolves.toMatch(/^Cannot reach the panel/);
  const status = await page.evaluate(
    ({ trpc, user }) =>
      fetch(`${trpc}/auth.login`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: { user: user.username, password: user.password } }) }).then(
        (res) => `answered ${res.status}`,
        (error: Error) => error.name,
      ),
    { trpc: `${panel.url}/trpc`, user },
  );
  expect(status).toBe('TypeError');
  expect(await context.cookies(panel.url)).toEqual([]);
  await context.close();
});
