// The admin CLI, run as a user would run it: `npm run cli -- users ...`.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, temporaryDirectory, type TestServer } from './support/harness.ts';
import { totpCode } from './support/totp.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function cli(...args: string[]) {
  return cliWithInput('', ...args);
}

/** The CLI with `input` piped to its standard input. */
function cliWithInput(input: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    env: { ...process.env, DATABASE_URL: server.databaseUrl, DATA_DIR: temporaryDirectory('panel-cli-') },
    encoding: 'utf8',
    input,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

it('creates a user who can then sign in', async () => {
  const run = cli('users', 'create', '--username', 'cli_admin', '--email', 'cli@example.com', '--password', 'long enough pw', '--admin');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/created user cli_admin/);
  const res = await server.client().post('/api/auth/login', { user: 'cli@example.com', password: 'long enough pw' });
  expect(res.status).toBe(200);
  expect(res.body.user).toMatchObject({ username: 'cli_admin', admin: true });
});

it('reads the password from standard input when --password is absent', async () => {
  const run = cliWithInput('piped password 1\nignored second line\n', 'users', 'create', '--username', 'cli_piped', '--email', 'piped@example.com');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/created user cli_piped/);
  expect((await server.client().post('/api/auth/login', { user: 'cli_piped', password: 'piped password 1' })).status).toBe(200);

  const empty = cliWithInput('', 'users', 'create', '--username', 'cli_empty', '--email', 'empty@example.com');
  expect(empty.code).not.toBe(0);
  expect(empty.stderr).toContain('password: must be 8-512 characters');
});

it('refuses a duplicate in any case, and bad input, on stderr with a non-zero exit', () => {
  const duplicate = cli('users', 'create', '--username', 'CLI_ADMIN', '--email', 'other@example.com', '--password', 'long enough pw');
  expect(duplicate.code).not.toBe(0);
  expect(duplicate.stderr).toMatch(/already exists/);

  const bad = cli('users', 'create', '--username', 'x', '--email', 'nope', '--password', 'short');
  expect(bad.code).not.toBe(0);
  expect(bad.stderr).toContain('username: must be 3-15 characters');
  expect(bad.stderr).toContain('email: must be a valid email address');
  expect(bad.stderr).toContain('password: must be 8-512 characters');

  const unknown = cli('users', 'create', '--bogus');
  expect(unknown.code).not.toBe(0);
  expect(unknown.stderr).toMatch(/usage|bogus/i);

  const missing = cli('users', 'frobnicate');
  expect(missing.code).not.toBe(0);
  expect(missing.stderr).toMatch(/usage/);
});

it('turns two-factor off for a locked-out user, who then signs in with the password alone', async () => {
  const { user, http } = await server.signedIn();
  const setup = await http.get('/api/client/account/two-factor');
  expect((await http.post('/api/client/account/two-factor', { code: await totpCode(setup.body.secret), password: user.password })).status).toBe(200);
  expect((await server.client().post('/api/auth/login', { user: user.username, password: user.password })).body.type).toBe('two_factor_required');

  const run = cli('users', 'disable-2fa', '--username', user.username.toUpperCase());
  expect(run.code).toBe(0);
  expect(await server.services.db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  expect((await server.client().post('/api/auth/login', { user: user.username, password: user.password })).body.type).toBe('completed');

  const unknown = cli('users', 'disable-2fa', '--username', 'nobody_at_all');
  expect(unknown.code).not.toBe(0);
  expect(unknown.stderr).toMatch(/no user named nobody_at_all/);
});
