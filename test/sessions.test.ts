// Sessions (SPEC §2, §3, §5): listing, revoking, "log out everywhere else", the lifecycle
// and the cross-site check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp } from '../src/server/start.ts';
import { startTestServer, type TestServer } from './support/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ APP_URL: 'http://panel.example.com' });
});
afterAll(() => server.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One account signed in from a desktop browser and from a phone. */
async function twoBrowsers(target = server) {
  const { user, http: desktop } = await target.signedIn({}, { 'user-agent': 'Desktop Firefox' });
  const phone = target.client({ 'user-agent': 'Phone Safari' });
  expect((await phone.post('/api/auth/login', { user: user.username, password: user.password })).status).toBe(200);
  return { user, desktop, phone };
}

describe('GET /api/client/account/sessions', () => {
  it('lists the sessions, most recently used first, marking the caller', async () => {
    const { desktop, phone } = await twoBrowsers();
    await sleep(20);
    await desktop.get('/api/client/account');
    const res = await desktop.get('/api/client/account/sessions');
    expect(res.status).toBe(200);
    expect(res.body.sessions).toMatchObject({ total: 2, per_page: 10, page: 1 });
    const [first, second] = res.body.sessions.data;
    expect(first).toMatchObject({ user_agent: 'Desktop Firefox', is_using: true, ip: '127.0.0.1' });
    expect(second).toMatchObject({ user_agent: 'Phone Safari', is_using: false });
    expect(Object.keys(first).sort()).toEqual(['created', 'ip', 'is_using', 'last_used', 'user_agent', 'uuid']);
    const fromPhone = await phone.get('/api/client/account/sessions');
    expect(fromPhone.body.sessions.data[0]).toMatchObject({ user_agent: 'Phone Safari', is_using: true });
  });

  it('pages and searches on the user agent', async () => {
    const { desktop } = await twoBrowsers();
    const page = await desktop.get('/api/client/account/sessions?per_page=1&page=2');
    expect(page.body.sessions).toMatchObject({ total: 2, per_page: 1, page: 2 });
    expect(page.body.sessions.data).toHaveLength(1);
    const search = await desktop.get('/api/client/account/sessions?search=safari');
    expect(search.body.sessions.total).toBe(1);
    expect(search.body.sessions.data[0].user_agent).toBe('Phone Safari');
  });

  it('keeps ip, user agent and last used current', async () => {
    const { http } = await server.signedIn({}, { 'user-agent': 'Old Browser' });
    await http.get('/api/client/account', { 'user-agent': 'New Browser' });
    await server.services.lastUsed.flush();
    const res = await http.get('/api/client/account/sessions', { 'user-agent': 'New Browser' });
    expect(res.body.sessions.data[0].user_agent).toBe('New Browser');
    expect(Date.now() - Date.parse(res.body.sessions.data[0].last_used)).toBeLessThan(10_000);
  });
});

describe('DELETE /api/client/account/sessions/{session}', () => {
  it('revokes one session: its cookie fails at once, the other goes on', async () => {
    const { desktop, phone } = await twoBrowsers();
    const list = await desktop.get('/api/client/account/sessions');
    const phoneSession = list.body.sessions.data.find((s: { is_using: boolean }) => !s.is_using);
    const res = await desktop.delete(`/api/client/account/sessions/${phoneSession.uuid}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    const revoked = await phone.get('/api/client/account');
    expect(revoked.status).toBe(401);
    expect(revoked.body).toEqual({ errors: ['invalid session'] });
    expect((await desktop.get('/api/client/account')).status).toBe(200);
  });

  it("answers 404 for another account's session and for unknown ids", async () => {
    const { desktop: mine } = await twoBrowsers();
    const { desktop: theirs } = await twoBrowsers();
    const their = (await theirs.get('/api/client/account/sessions')).body.sessions.data[0].uuid;
    for (const id of [their, '00000000-0000-0000-0000-000000000000', 'nope']) {
      const res = await mine.delete(`/api/client/account/sessions/${id}`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ errors: ['session not found'] });
    }
    expect((await theirs.get('/api/client/account')).status).toBe(200);
  });
});

describe('DELETE /api/client/account/sessions', () => {
  it('ends every other session and keeps the caller', async () => {
    const { user, desktop, phone } = await twoBrowsers();
    const tablet = server.client({ 'user-agent': 'Tablet' });
    await tablet.post('/api/auth/login', { user: user.username, password: user.password });
    const res = await desktop.delete('/api/client/account/sessions');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deleted: 2 });
    expect((await phone.get('/api/client/account')).status).toBe(401);
    expect((await tablet.get('/api/client/account')).status).toBe(401);
    const left = await desktop.get('/api/client/account/sessions');
    expect(left.body.sessions.data.map((s: { is_using: boolean }) => s.is_using)).toEqual([true]);
  });

  it('ends them all when called with a key', async () => {
    const { desktop, phone } = await twoBrowsers();
    const created = await desktop.post('/api/client/account/api-keys', { name: 'sessions', allowed_ips: [], user_permissions: ['sessions.delete'], admin_permissions: [], server_permissions: [] });
    const res = await desktop.withKey(created.body.key).delete('/api/client/account/sessions');
    expect(res.body).toEqual({ deleted: 2 });
    expect((await phone.get('/api/client/account')).status).toBe(401);
    expect((await desktop.get('/api/client/account')).status).toBe(401);
  });
});

describe('lifecycle', () => {
  it('expires a session left idle, slides while it is used, and cleans up the row', async () => {
    const short = await startTestServer({ SESSION_IDLE_TIMEOUT: '2' });
    try {
      const { user, http: busy } = await short.signedIn();
      const idle = short.client();
      await idle.post('/api/auth/login', { user: user.username, password: user.password });
      for (let i = 0; i < 4; i++) {
        await sleep(800);
        expect((await busy.get('/api/client/account')).status).toBe(200);
      }
      const res = await idle.get('/api/client/account');
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ errors: ['invalid session'] });
      await short.services.lastUsed.flush();
      await cleanUp(short.services);
      expect(await short.services.db.session.count({ where: { userId: user.id } })).toBe(1);
    } finally {
      await short.close();
    }
  });

  it('ends a session at its absolute maximum age, however busy', async () => {
    const short = await startTestServer({ SESSION_MAX_AGE: '2' });
    try {
      const { http } = await short.signedIn();
      expect((await http.get('/api/client/account')).status).toBe(200);
      await sleep(2200);
      expect((await http.get('/api/client/account')).status).toBe(401);
    } finally {
      await short.close();
    }
  });
});

describe('cross-site requests', () => {
  it.each([
    [{ origin: 'https://evil.example' }, 403],
    [{ origin: 'null' }, 403],
    [{ 'sec-fetch-site': 'cross-site' }, 403],
    [{ 'sec-fetch-site': 'cross-site', origin: 'http://panel.example.com' }, 403],
    [{ origin: 'http://panel.example.com' }, 200],
    [{ 'sec-fetch-site': 'same-origin' }, 200],
    [{ 'sec-fetch-site': 'none' }, 200],
    [{}, 200],
  ])('a cookie-authenticated change with %j answers %i', async (headers, status) => {
    const { http } = await server.signedIn();
    const res = await http.patch('/api/client/account', { name_first: 'Changed' }, headers as Record<string, string>);
    expect(res.status).toBe(status);
    if (status === 403) expect(res.body).toEqual({ errors: ['cross-site request refused'] });
  });

  it('lets cross-site reads and key-authenticated changes through', async () => {
    const { http } = await server.signedIn();
    expect((await http.get('/api/client/account', { origin: 'https://evil.example' })).status).toBe(200);
    const created = await http.post('/api/client/account/api-keys', { name: 'script', allowed_ips: [], user_permissions: ['account.infos'], admin_permissions: [], server_permissions: [] });
    expect((await http.withKey(created.body.key).patch('/api/client/account', { name_first: 'Script' }, { origin: 'https://evil.example' })).status).toBe(200);
  });

  it('guards /trpc mutations the same way', async () => {
    const { http } = await server.signedIn();
    const res = await http.post('/trpc/account.update', { json: { name_first: 'Nope' } }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.error.json.data.errors).toEqual(['cross-site request refused']);
  });
});
