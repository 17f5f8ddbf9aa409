// The interactive docs page, loaded in a real headless Chromium.
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { startTestServer, type TestServer } from '../support/harness.ts';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server.close();
});

it('shows the account endpoints at /api/docs, with no failed request and no script error', async () => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(`${server.url}/api/docs`);
  await page.getByText('/client/account/api-keys/{api_key}').first().waitFor({ timeout: 20_000 });
  for (const path of ['/client/account', '/client/account/two-factor', '/client/account/sessions', '/auth/login']) {
    await expect(page.getByText(path, { exact: true }).first().isVisible()).resolves.toBe(true);
  }
  await expect(page.getByText('Panel account API').first().isVisible()).resolves.toBe(true);
  expect(problems).toEqual([]);
  await page.close();
});
