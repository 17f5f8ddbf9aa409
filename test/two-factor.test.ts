// Two-factor authentication (SPEC §3.4, §5, §6): setup, enable, sign-in checkpoint,
// replay protection, recovery codes, disable and the policy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open } from '../src/rules/secrets.ts';
import { startTestServer, type TestServer } from './support/harness.ts';
import type { HttpClient } from './support/http.ts';
import { totpCode } from './support/totp.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ APP_URL: 'https://panel.example.com' });
});
afterAll(() => server.close());

/** Turns two-factor on for a signed-in client; answers the secret, the code spent and the recovery codes. */
async function enable(http: HttpClient, password: string) {
  const setup = await http.get('/api/client/account/two-factor');
  expect(setup.status).toBe(200);
  const code = await totpCode(setup.body.secret);
  const res = await http.post('/api/client/account/two-factor', { code, password });
  expect(res.status).toBe(200);
  return { secret: setup.body.secret as string, code, recoveryCodes: res.body.recovery_codes as string[] };
}

async function loginToken(user: { username: string; password: string }) {
  const res = await server.client().post('/api/auth/login', { user: user.username, password: user.password });
  expect(res.status).toBe(200);
  expect(res.body.type).toBe('two_factor_required');
  expect(res.headers.getSetCookie()).toEqual([]);
  return res.body.token as string;
}

describe('setup and enable', () => {
  it('gives a pending secret and an otpauth URL naming the panel and the account', async () => {
    const { user, http } = await server.signedIn({ username: 'otp_user' });
    const first = await http.get('/api/client/account/two-factor');
    expect(first.status).toBe(200);
    expect(first.body.secret).toMatch(/^[A-Z2-7]+=*$/);
    const url = new URL(first.body.otp_url);
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(url.searchParams.get('issuer')).toBe('Panel');
    expect(url.searchParams.get('secret')).toBe(first.body.secret);
    expect(decodeURIComponent(url.pathname)).toBe('/Panel:otp_user');
    const second = await http.get('/api/client/account/two-factor');
    expect(second.body.secret).not.toBe(first.body.secret);

    // The pending secret is stored sealed, never as the secret itself.
    const row = await server.services.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpSecret).not.toContain(second.body.secret);
    expect(open(server.services.keys.totp, row.totpSecret!)).toBe(second.body.secret);
  });

  it('enables with a code and the password, answering 10 recovery codes', async () => {
    const { user, http } = await server.signedIn();
    const { recoveryCodes } = await enable(http, user.password);
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z0-9]{10}$/);
    expect(new Set(recoveryCodes).size).toBe(10);
    const me = await http.get('/api/client/account');
    expect(me.body.user.totp_enabled).toBe(true);
    expect(me.body.user.totp_last_used).not.toBeNull();
    const stored = await server.services.db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const code of recoveryCodes) expect(JSON.stringify(stored)).not.toContain(code);
  });

  it('refuses a wrong code, a wrong password, no setup, and a second enable', async () => {
    const { user, http } = await server.signedIn();
    const noSetup = await http.post('/api/client/account/two-factor', { code: '123456', password: user.password });
    expect(noSetup.status).toBe(400);
    expect(noSetup.body.errors).toHaveLength(1);

    const setup = await http.get('/api/client/account/two-factor');
    const good = await totpCode(setup.body.secret);
    const wrongCode = await http.post('/api/client/account/two-factor', { code: good === '000000' ? '111111' : '000000', password: user.password });
    expect(wrongCode.status).toBe(400);
    expect(wrongCode.body).toEqual({ errors: ['code: invalid confirmation code'] });
    const wrongPassword = await http.post('/api/client/account/two-factor', { code: good, password: 'not my password' });
    expect(wrongPassword.status).toBe(400);
    expect(wrongPassword.body).toEqual({ errors: ['password: invalid password'] });
    const malformed = await http.post('/api/client/account/two-factor', { code: '12ab', password: user.password });
    expect(malformed.status).toBe(400);

    expect((await http.post('/api/client/account/two-factor', { code: good, password: user.password })).status).toBe(200);
    const twice = await http.get('/api/client/account/two-factor');
    expect(twice.status).toBe(409);
    expect(twice.body).toEqual({ errors: ['two-factor authentication is already enabled'] });
    const enableAgain = await http.post('/api/client/account/two-factor', { code: good, password: user.password });
    expect(enableAgain.status).toBe(409);
    expect(enableAgain.body).toEqual({ errors: ['two-factor authentication is already enabled'] });
  });
});

describe('sign-in checkpoint', () => {
  it('signs in with a TOTP code, and never accepts that time step again', async () => {
    const { user, http } = await server.signedIn();
    const { secret } = await enable(http, user.password);
    // The step that enabled two-factor is spent; the next one is within the allowed drift.
    const code = await totpCode(secret, Date.now(), 1);
    const token = await loginToken(user);
    const client = server.client();
    const res = await client.post('/api/auth/login/checkpoint', { confirmation_token: token, code });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ uuid: user.id, totp_enabled: true });
    expect(res.headers.getSetCookie().some((line) => line.startsWith('__Host-panel_session=') && /Secure/i.test(line) && !/Domain=/i.test(line))).toBe(true);

    const replay = await server.client().post('/api/auth/login/checkpoint', { confirmation_token: await loginToken(user), code });
    expect(replay.status).toBe(400);
    expect(replay.body).toEqual({ errors: ['this code has already been used'] });
  });

  it('refuses a wrong code and a bad token', async () => {
    const { user, http } = await server.signedIn();
    await enable(http, user.password);
    const token = await loginToken(user);
    const wrong = await server.client().post('/api/auth/login/checkpoint', { confirmation_token: token, code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ errors: ['invalid confirmation code'] });
    for (const bad of ['garbage', token.slice(0, -4) + 'AAAA']) {
      const res = await server.client().post('/api/auth/login/checkpoint', { confirmation_token: bad, code: '123456' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ errors: ['invalid confirmation token'] });
    }
  });

  it('takes each recovery code once, also when five checkpoints race with the same code', async () => {
    const { user, http } = await server.signedIn();
    const { recoveryCodes } = await enable(http, user.password);
    const tokens = await Promise.all(Array.from({ length: 5 }, () => loginToken(user)));
    const race = await Promise.all(tokens.map((token) => server.client().post('/api/auth/login/checkpoint', { confirmation_token: token, code: recoveryCodes[0] })));
    expect(race.filter((r) => r.status === 200)).toHaveLength(1);
    for (const lost of race.filter((r) => r.status !== 200)) expect(lost.body).toEqual({ errors: ['invalid confirmation code'] });
    const other = await server.client().post('/api/auth/login/checkpoint', { confirmation_token: await loginToken(user), code: recoveryCodes[1] });
    expect(other.status).toBe(200);
  });

  it('is rate-limited per client address', async () => {
    const limited = await startTestServer({ RATE_LIMIT_CHECKPOINT: '2/60' });
    try {
      const http = limited.client();
      for (let i = 0; i < 2; i++) expect((await http.post('/api/auth/login/checkpoint', { confirmation_token: 'x', code: '123456' })).status).toBe(400);
      const res = await http.post('/api/auth/login/checkpoint', { confirmation_token: 'x', code: '123456' });
      expect(res.status).toBe(429);
      expect(res.body.errors[0]).toMatch(/^you are ratelimited, retry in \d+s$/);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  });
});

describe('disable', () => {
  it('takes a recovery code and the password in a JSON body, and deletes secret and codes', async () => {
    const { user, http } = await server.signedIn();
    const { recoveryCodes } = await enable(http, user.password);
    const res = await http.delete('/api/client/account/two-factor', { code: recoveryCodes[3], password: user.password });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    const row = await server.services.db.user.findUniqueOrThrow({ where: { id: user.id }, include: { recoveryCodes: true } });
    expect(row).toMatchObject({ totpEnabled: false, totpSecret: null, recoveryCodes: [] });
    const again = await http.delete('/api/client/account/two-factor', { code: recoveryCodes[4], password: user.password });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ errors: ['two-factor authentication is not enabled'] });
    // Signing in no longer asks for a code.
    expect((await server.client().post('/api/auth/login', { user: user.username, password: user.password })).body.type).toBe('completed');
  });

  it('takes a fresh TOTP code, refuses a replayed one, a wrong password, and anything in the query string', async () => {
    const { user, http } = await server.signedIn();
    // The code that enabled two-factor is spent, even if its time step is still current.
    const { secret, code: spent } = await enable(http, user.password);
    const replayed = await http.delete('/api/client/account/two-factor', { code: spent, password: user.password });
    expect(replayed.status).toBe(400);
    expect(replayed.body).toEqual({ errors: ['code: this code has already been used'] });
    const query = await http.request('DELETE', `/api/client/account/two-factor?code=${spent}&password=${encodeURIComponent(user.password)}`);
    expect(query.status).toBe(400);
    const wrongPassword = await http.delete('/api/client/account/two-factor', { code: '123456', password: 'wrong password' });
    expect(wrongPassword.status).toBe(400);
    expect(wrongPassword.body).toEqual({ errors: ['password: invalid password'] });
    const res = await http.delete('/api/client/account/two-factor', { code: await totpCode(secret, Date.now(), 1), password: user.password });
    expect(res.status).toBe(200);
  });
});

describe('two-factor policy', () => {
  it('holds admins without two-factor to the exempt routes when set to admins', async () => {
    const strict = await startTestServer({ TWO_FACTOR_REQUIREMENT: 'admins' });
    try {
      const { http: member } = await strict.signedIn();
      expect((await member.get('/api/client/account/sessions')).status).toBe(200);

      const { user, http: admin } = await strict.signedIn({ admin: true });
      const blocked = await admin.get('/api/client/account/sessions');
      expect(blocked.status).toBe(403);
      expect(blocked.body).toEqual({ errors: ['two-factor authentication required'] });
      expect((await admin.get('/api/client/account/api-keys')).status).toBe(403);
      // The way out stays open: the profile, two-factor itself and logout.
      const me = await admin.get('/api/client/account');
      expect(me.status).toBe(200);
      expect(me.body.user.require_two_factor).toBe(true);
      expect((await admin.patch('/api/client/account', { name_first: 'Admin' })).status).toBe(200);
      const setup = await admin.get('/api/client/account/two-factor');
      expect(setup.status).toBe(200);
      expect((await admin.post('/api/client/account/two-factor', { code: await totpCode(setup.body.secret), password: user.password })).status).toBe(200);
      expect((await admin.get('/api/client/account/sessions')).status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('applies to every account with all_users, and lets logout through', async () => {
    const strict = await startTestServer({ TWO_FACTOR_REQUIREMENT: 'all_users' });
    try {
      const { http } = await strict.signedIn();
      expect((await http.get('/api/client/permissions')).status).toBe(403);
      expect((await http.post('/api/client/account/logout')).status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it("follows the account's role", async () => {
    const { user, http } = await server.signedIn();
    const role = await server.services.db.role.create({ data: { id: crypto.randomUUID(), name: `strict-${user.id}`, requireTwoFactor: true } });
    await server.services.db.user.update({ where: { id: user.id }, data: { roleId: role.id } });
    const res = await http.get('/api/client/account/sessions');
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ errors: ['two-factor authentication required'] });
  });
});
