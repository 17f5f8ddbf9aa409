// Signing in (SPEC §6) and the authentication checks every /api/client route makes (SPEC §3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('POST /api/auth/login', () => {
  it('signs in with the username in any case and sets a hardened session cookie', async () => {
    const user = await server.createUser({ username: 'Mixed_Case' });
    const http = server.client();
    const res = await http.post('/api/auth/login', { user: 'mixed_CASE', password: user.password });
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('completed');
    expect(res.body.user).toMatchObject({ uuid: user.id, username: 'Mixed_Case', email: user.email, totp_enabled: false });
    const cookie = res.headers.getSetCookie().find((line) => line.startsWith('panel_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
    expect((await http.get('/api/client/account')).status).toBe(200);
  });

  it('signs in with the email address', async () => {
    const user = await server.createUser();
    const res = await server.client().post('/api/auth/login', { user: user.email.toUpperCase(), password: user.password });
    expect(res.status).toBe(200);
    expect(res.body.user.uuid).toBe(user.id);
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const user = await server.createUser();
    const wrong = await server.client().post('/api/auth/login', { user: user.username, password: 'not the password' });
    const unknown = await server.client().post('/api/auth/login', { user: 'nobody_here', password: 'not the password' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ errors: ['invalid username or password'] });
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it('rejects malformed sign-ins with one message per field', async () => {
    const res = await server.client().post('/api/auth/login', { user: '', extra: true });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(expect.arrayContaining(['user: is required', 'password: is required', 'extra: unknown field']));
  });

  it('issues a fresh session at every sign-in, so a planted cookie is never promoted', async () => {
    const user = await server.createUser();
    const http = server.client();
    await http.post('/api/auth/login', { user: user.username, password: user.password });
    const first = http.cookie;
    await http.post('/api/auth/login', { user: user.username, password: user.password });
    expect(http.cookie).not.toBe(first);
    const stale = server.client({ cookie: first! });
    expect((await stale.get('/api/client/account')).body).toEqual({ errors: ['invalid session'] });
    expect((await http.get('/api/client/account')).status).toBe(200);
  });
});

describe('rate limit on sign-in', () => {
  it('answers 429 with Retry-After past the limit, per client address', async () => {
    const limited = await startTestServer({ RATE_LIMIT_LOGIN: '3/60' });
    try {
      const http = limited.client();
      for (let i = 0; i < 3; i++) expect((await http.post('/api/auth/login', { user: 'x', password: 'y' })).status).toBe(400);
      const res = await http.post('/api/auth/login', { user: 'x', password: 'y' });
      expect(res.status).toBe(429);
      expect(res.body.errors[0]).toMatch(/^you are ratelimited, retry in \d+s$/);
      const retry = Number(res.headers.get('retry-after'));
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(60);
      expect(res.body.errors[0]).toBe(`you are ratelimited, retry in ${retry}s`);
    } finally {
      await limited.close();
    }
  });

  it('counts the address behind a trusted proxy, and ignores X-Forwarded-For from anyone else', async () => {
    const proxied = await startTestServer({ RATE_LIMIT_LOGIN: '2/60', TRUSTED_PROXIES: '127.0.0.0/8' });
    const direct = await startTestServer({ RATE_LIMIT_LOGIN: '2/60', TRUSTED_PROXIES: '10.9.9.9' });
    try {
      const attempt = (s: TestServer, from: string) => s.client({ 'x-forwarded-for': from }).post('/api/auth/login', { user: 'x', password: 'y' });
      // Through the trusted proxy each forwarded client has its own budget.
      expect((await attempt(proxied, '203.0.113.1')).status).toBe(400);
      expect((await attempt(proxied, '203.0.113.1')).status).toBe(400);
      expect((await attempt(proxied, '203.0.113.1')).status).toBe(429);
      expect((await attempt(proxied, '203.0.113.2')).status).toBe(400);
      // From an untrusted peer the header is ignored: all three share the socket address.
      expect((await attempt(direct, '203.0.113.1')).status).toBe(400);
      expect((await attempt(direct, '203.0.113.2')).status).toBe(400);
      expect((await attempt(direct, '203.0.113.3')).status).toBe(429);
    } finally {
      await proxied.close();
      await direct.close();
    }
  });
});

describe('authentication of /api/client routes', () => {
  it('answers 401 missing authorization with neither cookie nor header', async () => {
    const res = await server.client().get('/api/client/account');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ errors: ['missing authorization'] });
  });

  it.each([
    ['Bearer short'],
    ['Basic ' + 'a'.repeat(48)],
    ['Bearer ' + 'a'.repeat(47)],
    ['Bearer ' + 'a'.repeat(49)],
    ['bearer ptlc_' + 'a'.repeat(43)],
    ['Bearer'],
  ])('answers 401 invalid authorization header for %j', async (header) => {
    const res = await server.client({ authorization: header }).get('/api/client/account');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ errors: ['invalid authorization header'] });
  });

  it('answers 401 invalid api key for a well-formed unknown key', async () => {
    const res = await server.client({ authorization: `Bearer ptlc_${'A'.repeat(43)}` }).get('/api/client/account');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ errors: ['invalid api key'] });
  });

  it('lets a present cookie decide alone: a bad cookie is 401 invalid session even beside a header', async () => {
    const tampered = server.client({ cookie: 'panel_session=Fe26.2*garbage', authorization: 'Bearer short' });
    const res = await tampered.get('/api/client/account');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ errors: ['invalid session'] });
  });

  it('refuses a cookie sealed for another server', async () => {
    const other = await startTestServer();
    try {
      const { http } = await other.signedIn();
      const res = await server.client({ cookie: http.cookie! }).get('/api/client/account');
      expect(res.body).toEqual({ errors: ['invalid session'] });
    } finally {
      await other.close();
    }
  });
});
