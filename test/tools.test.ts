// The tools people use beside the API: the typed-client example and Prisma Studio.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort, startTestServer, temporaryDirectory, type TestServer } from './support/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

it('examples/list-api-keys.ts signs in and lists the keys through @trpc/client', async () => {
  const { user, http } = await server.signedIn();
  await http.post('/api/client/account/api-keys', { name: 'example-key', allowed_ips: [], user_permissions: ['account.infos'], admin_permissions: [], server_permissions: [] });
  // Asynchronously: the server answering the example runs in this very process.
  const child = spawn(process.execPath, ['--import', 'tsx', 'examples/list-api-keys.ts'], {
    env: { ...process.env, PANEL_URL: server.url, PANEL_USER: user.username, PANEL_PASSWORD: user.password },
  });
  const run = { stdout: '', stderr: '', status: null as number | null };
  child.stdout.on('data', (chunk: Buffer) => (run.stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk));
  run.status = await new Promise((resolve) => child.on('exit', resolve));
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain(`signed in as ${user.username}`);
  expect(run.stdout).toContain('1 API key(s)');
  expect(run.stdout).toMatch(/- example-key \(ptlc_.{11}…\) created \d{4}-/);
});

it('npm run studio serves Prisma Studio on the configured database while the server runs', async () => {
  const port = await freePort();
  const child = spawn('npm', ['run', 'studio', '--silent'], {
    env: { ...process.env, DATABASE_URL: server.databaseUrl, DATA_DIR: temporaryDirectory('panel-studio-'), STUDIO_PORT: String(port), BROWSER: 'none' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    let status = 0;
    for (let attempt = 0; attempt < 120 && status !== 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      status = await fetch(`http://127.0.0.1:${port}/`).then((res) => res.status, () => 0);
    }
    expect(status).toBe(200);
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
  }
}, 90_000);
