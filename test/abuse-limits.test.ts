// Abuse limits (SPEC §9), attacked over HTTP as an outside reviewer would: guessing a password
// from many addresses, guessing second-factor codes with one token, racing a token, and the
// password asked again of a signed-in account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKPOINT_MAX_TRIES } from '../src/db/checkpoint-tokens.ts';
import { addressBucket } from '../src/rules/ip-ranges.ts';
import { cleanUp } from '../src/server/start.ts';
import { startTestServer, type TestServer } from './support/harness.ts';
import { requestFrom, type HttpClient } from './support/http.ts';
import { totpCode } from './support/totp.ts';

/**
 * Turns two-factor on for a signed-in client; answers the secret and the recovery codes. A
 * time step is accepted once per account: turning it on again takes the next step.
 */
async function enable(http: HttpClient, password: string, step = 0) {
  const setup = await http.get('/api/client/account/two-factor');
  const res = await http.post('/api/client/account/two-factor', { code: await totpCode(setup.body.secret, Date.now(), step), password });
  expect(res.status).toBe(200);
  return { secret: setup.body.secret as string, recoveryCodes: res.body.recovery_codes as string[] };
}

async function loginToken(server: TestServer, user: { username: string; password: string }) {
  const res = await server.client().post('/api/auth/login', { user: user.username, password: user.password });
  expect(res.body.type).toBe('two_factor_required');
  return res.body.token as string;
}

const ratelimited = (res: { status: number; body: any; headers: Headers }, window: number) => {
  expect(res.status).toBe(429);
  const retry = Number(res.headers.get('retry-after'));
  expect(retry).toBeGreaterThan(0);
  expect(retry).toBeLessThanOrEqual(window);
  expect(res.body).toEqual({ errors: [`you are ratelimited, retry in ${retry}s`] });
};

describe('the per-account failure budget', () => {
  const BUDGET = 5;
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMIT_ACCOUNT_FAILURES: `${BUDGET}/3600` });
  });
  afterAll(() => server.close());

  const login = (from: string, body: unknown) => requestFrom(from, `${server.url}/api/auth/login`, 'POST', body);

  it('locks sign-in from every address once guesses from many addresses spend it; open sessions go on', async () => {
    const { user, http: open } = await server.signedIn();
    const bystander = await server.createUser();
    for (let n = 2; n < 2 + BUDGET; n++) {
      const res = await login(`127.0.0.${n}`, { user: user.username, password: `guess ${n}` });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ errors: ['invalid username or password'] });
    }
    ratelimited(await login('127.0.0.20', { user: user.username, password: 'one more guess' }), 3600);
    // The right password too, from an address that never guessed, by username or email.
    ratelimited(await login('127.0.0.21', { user: user.username, password: user.password }), 3600);
    ratelimited(await login('127.0.0.22', { user: user.email.toUpperCase(), password: user.password }), 3600);
    expect((await open.get('/api/client/account')).status).toBe(200);
    // Other accounts are not touched.
    expect((await login('127.0.0.20', { user: bystander.username, password: bystander.password })).status).toBe(200);
  });

  it('locks a name that matches no account alike, so a lockout does not tell which accounts exist', async () => {
    for (let n = 0; n < BUDGET; n++) expect((await login(`127.0.5.${n + 1}`, { user: 'nobody_at_all', password: 'guess' })).status).toBe(400);
    ratelimited(await login('127.0.5.100', { user: 'NOBODY_AT_ALL', password: 'guess' }), 3600);
  });

  it('is not overrun by guesses sent in parallel', async () => {
    const user = await server.createUser();
    const answers = await Promise.all(
      Array.from({ length: 3 * BUDGET }, (_, n) => login(`127.0.1.${n + 1}`, { user: user.username, password: `parallel guess ${n}` })),
    );
    expect(answers.filter((res) => res.status === 400).length).toBeLessThanOrEqual(BUDGET);
    expect(answers.every((res) => res.status === 400 || res.status === 429)).toBe(true);
    ratelimited(await login('127.0.1.100', { user: user.username, password: user.password }), 3600);
  });

  it('gives a success back: the right password does not wear the budget down', async () => {
    const user = await server.createUser();
    for (let n = 0; n < 2 * BUDGET; n++) expect((await login('127.0.2.1', { user: user.username, password: user.password })).status).toBe(200);
  });

  it('counts wrong checkpoint codes', async () => {
    const { user, http } = await server.signedIn();
    await enable(http, user.password);
    for (let n = 0; n < BUDGET; n++) {
      const token = await loginToken(server, user);
      const res = await requestFrom(`127.0.3.${n + 1}`, `${server.url}/api/auth/login/checkpoint`, 'POST', { confirmation_token: token, code: '000000' });
      expect(res.body).toEqual({ errors: ['invalid confirmation code'] });
    }
    ratelimited(await login('127.0.3.100', { user: user.username, password: user.password }), 3600);
    expect((await http.get('/api/client/account')).status).toBe(200);
  });

  it('counts a wrong password re-entered on a signed-in account: change password, two-factor enable and disable', async () => {
    const { user, http } = await server.signedIn();
    const changes = [
      () => http.post('/api/client/account/password', { current_password: 'wrong', password: 'a new password', password_confirmation: 'a new password' }),
      () => http.post('/api/client/account/two-factor', { code: '123456', password: 'wrong' }),
    ];
    await http.get('/api/client/account/two-factor');
    for (let n = 0; n < BUDGET; n++) {
      const res = await changes[n % 2]!();
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatch(/^(current_password|password): invalid password$/);
    }
    // Past the budget even the right password is refused, and signing in elsewhere too.
    ratelimited(await http.post('/api/client/account/password', { current_password: user.password, password: 'a new password', password_confirmation: 'a new password' }), 3600);
    ratelimited(await login('127.0.4.1', { user: user.username, password: user.password }), 3600);
    expect((await http.get('/api/client/account')).status).toBe(200);
  });

  it('counts a wrong password given to turn two-factor off', async () => {
    const { user, http } = await server.signedIn();
    const { recoveryCodes } = await enable(http, user.password);
    for (let n = 0; n < BUDGET; n++) {
      expect((await http.delete('/api/client/account/two-factor', { code: recoveryCodes[0], password: 'wrong' })).body).toEqual({ errors: ['password: invalid password'] });
    }
    ratelimited(await http.delete('/api/client/account/two-factor', { code: recoveryCodes[0], password: user.password }), 3600);
  });

  it('counts a wrong code given with the right password to turn two-factor off or renew recovery codes', async () => {
    const { user, http } = await server.signedIn();
    const { recoveryCodes } = await enable(http, user.password);
    for (let n = 0; n < BUDGET; n++) {
      const path = n % 2 === 0 ? '/api/client/account/two-factor/recovery-codes' : '/api/client/account/two-factor';
      const body = { code: '000000', password: user.password };
      const res = n % 2 === 0 ? await http.post(path, body) : await http.delete(path, body);
      expect(res.body).toEqual({ errors: ['code: invalid confirmation code'] });
    }
    ratelimited(await http.delete('/api/client/account/two-factor', { code: recoveryCodes[0], password: user.password }), 3600);
  });
});

describe('checkpoint tokens', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const checkpoint = (token: string, code: string) => server.client().post('/api/auth/login/checkpoint', { confirmation_token: token, code });

  it(`take ${CHECKPOINT_MAX_TRIES} wrong codes; the next try is refused even with the right code`, async () => {
    const { user, http } = await server.signedIn();
    const { recoveryCodes } = await enable(http, user.password);
    const token = await loginToken(server, user);
    for (let n = 0; n < CHECKPOINT_MAX_TRIES; n++) expect((await checkpoint(token, String(100000 + n))).body).toEqual({ errors: ['invalid confirmation code'] });
    const res = await checkpoint(token, recoveryCodes[0]!);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errors: ['invalid confirmation token'] });
    // The recovery code was not spent on a dead token: a new sign-in takes it.
    expect((await checkpoint(await loginToken(server, user), recoveryCodes[0]!)).status).toBe(200);
  });

  it('record the refused try of a token out of tries as a failed sign-in, counted in the account\'s budget', async () => {
    const { user, http } = await server.signedIn();
    const { recoveryCodes } = await enable(http, user.password);
    const token = await loginToken(server, user);
    for (let n = 0; n < CHECKPOINT_MAX_TRIES; n++) expect((await checkpoint(token, String(100000 + n))).status).toBe(400);
    const failures = () => server.services.db.rateLimitHit.count({ where: { bucket: `account-failures:${user.id}` } });
    const spent = await failures();
    expect((await checkpoint(token, recoveryCodes[0]!)).body).toEqual({ errors: ['invalid confirmation token'] });
    expect(await failures()).toBe(spent + 1);
    const activity = await http.get('/api/client/account/activity?per_page=100');
    const refused = activity.body.activities.data.filter((entry: { event: string }) => entry.event === 'auth:failure');
    expect(refused).toHaveLength(CHECKPOINT_MAX_TRIES + 1);
    expect(refused[0].data).toEqual({ method: 'recovery_code', reason: 'code' });
  });

  it('are single-use: a success voids the token', async () => {
    const { user, http } = await server.signedIn();
    const { recoveryCodes } = await enable(http, user.password);
    const token = await loginToken(server, user);
    expect((await checkpoint(token, recoveryCodes[0]!)).status).toBe(200);
    const again = await checkpoint(token, recoveryCodes[1]!);
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ errors: ['invalid confirmation token'] });
  });

  it('give one session and spend one code when right codes race with one token', async () => {
    const { user, http } = await server.signedIn();
    const { recoveryCodes } = await enable(http, user.password);
    const token = await loginToken(server, user);
    const before = await server.services.db.session.count({ where: { userId: user.id } });
    const race = await Promise.all(recoveryCodes.slice(0, CHECKPOINT_MAX_TRIES).map((code) => checkpoint(token, code)));
    expect(race.filter((res) => res.status === 200)).toHaveLength(1);
    for (const lost of race.filter((res) => res.status !== 200)) expect(lost.body).toEqual({ errors: ['invalid confirmation token'] });
    expect(await server.services.db.session.count({ where: { userId: user.id } })).toBe(before + 1);
    // The losers spent nothing: every code but the winner's still signs in.
    expect(await server.services.db.recoveryCode.count({ where: { userId: user.id } })).toBe(recoveryCodes.length - 1);
  });

  it('spend one factor when a TOTP code and recovery codes race with one token', async () => {
    const { user, http } = await server.signedIn();
    const { secret, recoveryCodes } = await enable(http, user.password);
    const token = await loginToken(server, user);
    const stepBefore = (await server.services.db.user.findUniqueOrThrow({ where: { id: user.id } })).totpLastStep;
    // The enable took this step; the next one is within the tolerance.
    const codes = [await totpCode(secret, Date.now(), 1), ...recoveryCodes.slice(0, CHECKPOINT_MAX_TRIES - 1)];
    const race = await Promise.all(codes.map((code) => checkpoint(token, code)));
    expect(race.filter((res) => res.status === 200)).toHaveLength(1);
    const stepSpent = (await server.services.db.user.findUniqueOrThrow({ where: { id: user.id } })).totpLastStep !== stepBefore;
    const codesSpent = recoveryCodes.length - (await server.services.db.recoveryCode.count({ where: { userId: user.id } }));
    expect(Number(stepSpent) + codesSpent).toBe(1);
  });

  it('die with a password change of their account', async () => {
    const { user, http } = await server.signedIn();
    const { recoveryCodes } = await enable(http, user.password);
    const token = await loginToken(server, user);
    const changed = await http.post('/api/client/account/password', { current_password: user.password, password: 'another password', password_confirmation: 'another password' });
    expect(changed.status).toBe(200);
    expect((await checkpoint(token, recoveryCodes[0]!)).body).toEqual({ errors: ['invalid confirmation token'] });
  });

  it('die with a two-factor change of their account', async () => {
    const { user, http } = await server.signedIn();
    const { recoveryCodes } = await enable(http, user.password);
    const token = await loginToken(server, user);
    expect((await http.delete('/api/client/account/two-factor', { code: recoveryCodes[0], password: user.password })).status).toBe(200);
    const { recoveryCodes: fresh } = await enable(http, user.password, 1);
    expect((await checkpoint(token, fresh[0]!)).body).toEqual({ errors: ['invalid confirmation token'] });
    expect((await checkpoint(await loginToken(server, user), fresh[0]!)).status).toBe(200);
  });

  it('are stored only as digests, and the cleanup job deletes them once expired', async () => {
    const { user, http } = await server.signedIn();
    await enable(http, user.password);
    const token = await loginToken(server, user);
    const rows = await server.services.db.checkpointToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toContain(token);
    await cleanUp(server.services, Date.now() + 299_000);
    expect(await server.services.db.checkpointToken.count({ where: { userId: user.id } })).toBe(1);
    await cleanUp(server.services, Date.now() + 301_000);
    expect(await server.services.db.checkpointToken.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe('IPv6 clients', () => {
  it('count per /64 for the limits per address', async () => {
    expect(addressBucket('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe(addressBucket('2001:db8:1:2::1'));
    expect(addressBucket('2001:db8:1:3::1')).not.toBe(addressBucket('2001:db8:1:2::1'));
    expect(addressBucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressBucket('203.0.113.7')).toBe('203.0.113.7');

    const dual = await startTestServer({ RATE_LIMIT_LOGIN: '2/60' }, { host: '::' });
    try {
      const port = new URL(dual.url).port;
      const v6 = (address: string) => requestFrom(address, `http://[::1]:${port}/api/auth/login`, 'POST', { user: 'nobody', password: 'guess' });
      for (let n = 0; n < 2; n++) expect((await v6('::1')).status).toBe(400);
      ratelimited(await v6('::1'), 60);
      // The limit was counted under the client's /64.
      const buckets = await dual.services.db.rateLimitHit.findMany({ where: { bucket: { startsWith: 'login:' } }, select: { bucket: true } });
      expect(new Set(buckets.map((hit) => hit.bucket))).toEqual(new Set(['login:::/64']));
      // An IPv4 client on the same dual-stack socket has a budget of its own.
      expect((await requestFrom('127.0.0.1', `http://127.0.0.1:${port}/api/auth/login`, 'POST', { user: 'nobody', password: 'guess' })).status).toBe(400);
    } finally {
      await dual.close();
    }
  });
});

describe('two instances on one database', () => {
  it('share the failure budget and the state of checkpoint tokens', async () => {
    const a = await startTestServer({ RATE_LIMIT_ACCOUNT_FAILURES: '8/3600' });
    const b = await startTestServer({ RATE_LIMIT_ACCOUNT_FAILURES: '8/3600' }, { reuse: { databaseUrl: a.databaseUrl, dataDir: a.dataDir } });
    try {
      const { user, http } = await a.signedIn();
      const { recoveryCodes } = await enable(http, user.password);
      const token = await loginToken(a, user);
      const checkpointOn = (server: TestServer, code: string) => server.client().post('/api/auth/login/checkpoint', { confirmation_token: token, code });
      // Wrong codes on both instances use up one token's tries.
      for (let n = 0; n < CHECKPOINT_MAX_TRIES; n++) expect((await checkpointOn(n % 2 ? a : b, String(200000 + n))).status).toBe(400);
      expect((await checkpointOn(b, recoveryCodes[0]!)).body).toEqual({ errors: ['invalid confirmation token'] });
      // The refused try counts too: two more wrong passwords, on either instance, spend the budget of 8 for both.
      for (const server of [a, b]) expect((await server.client().post('/api/auth/login', { user: user.username, password: 'guess' })).status).toBe(400);
      ratelimited(await b.client().post('/api/auth/login', { user: user.username, password: user.password }), 3600);
      ratelimited(await a.client().post('/api/auth/login', { user: user.username, password: user.password }), 3600);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
