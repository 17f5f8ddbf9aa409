// API keys (SPEC §3 API keys, §4, §5): creation rules, listing, deletion, Bearer authentication.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http.ts';
import { startTestServer, type TestServer } from './support/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ API_KEY_LIMIT: '50' });
});
afterAll(() => server.close());

const keyBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'deploy-bot',
  allowed_ips: [],
  user_permissions: ['account.infos'],
  admin_permissions: [],
  server_permissions: [],
  ...overrides,
});

describe('POST /api/client/account/api-keys', () => {
  it('answers the key once, with key_start its first 16 characters, and stores only a digest', async () => {
    const { user, http } = await server.signedIn();
    const res = await http.post('/api/client/account/api-keys', keyBody({ allowed_ips: ['10.1.2.3/8', '203.0.113.7', '2001:db8::1/32'], server_permissions: ['control.start', 'control.stop'] }));
    expect(res.status).toBe(200);
    expect(res.body.key).toMatch(/^ptlc_[A-Za-z0-9]{43}$/);
    expect(res.body.api_key).toMatchObject({
      name: 'deploy-bot',
      key_start: res.body.key.slice(0, 16),
      allowed_ips: ['10.0.0.0/8', '203.0.113.7/32', '2001:db8::/32'],
      user_permissions: ['account.infos'],
      server_permissions: ['control.start', 'control.stop'],
      last_used: null,
      expires: null,
    });
    const list = await http.get('/api/client/account/api-keys');
    expect(list.text).not.toContain(res.body.key);
    const rows = await server.services.db.apiKey.findMany({ where: { userId: user.id } });
    expect(JSON.stringify(rows)).not.toContain(res.body.key);
  });

  it.each([
    [{ name: 'ab' }, 'name: must be 3-31 characters'],
    [{ name: 'x'.repeat(32) }, 'name: must be 3-31 characters'],
    [{ allowed_ips: ['10.0.0.1', 'nope', '300.1.1.1', '10.0.0.0/33'] }, 'allowed_ips.1: invalid ip address or cidr range'],
    [{ allowed_ips: Array.from({ length: 51 }, (_, i) => `10.0.0.${i}`) }, 'allowed_ips: must hold at most 50 addresses'],
    [{ expires: '2001-01-01T00:00:00Z' }, 'expires: must be in the future'],
    [{ expires: 'tomorrow' }, 'expires: must be an RFC 3339 date-time'],
    [{ user_permissions: ['account.infos', 'made.up'] }, 'user_permissions: invalid permission: made.up'],
    [{ server_permissions: 'control.start' }, 'server_permissions: must be an array'],
    [{ secret: 'x' }, 'secret: unknown field'],
  ])('refuses %j with 400', async (overrides, message) => {
    const { http } = await server.signedIn();
    const res = await http.post('/api/client/account/api-keys', keyBody(overrides));
    expect(res.status).toBe(400);
    expect(res.body.errors).toContain(message);
  });

  it('names every bad address', async () => {
    const { http } = await server.signedIn();
    const res = await http.post('/api/client/account/api-keys', keyBody({ allowed_ips: ['1.1.1.1', 'a', 'b'] }));
    expect(res.body.errors).toEqual(['allowed_ips.1: invalid ip address or cidr range', 'allowed_ips.2: invalid ip address or cidr range']);
  });

  it('accepts exactly 50 addresses and an expiry in the future', async () => {
    const { http } = await server.signedIn();
    const expires = new Date(Date.now() + 3600_000).toISOString();
    const res = await http.post('/api/client/account/api-keys', keyBody({ allowed_ips: Array.from({ length: 50 }, (_, i) => `10.0.0.${i}`), expires }));
    expect(res.status).toBe(200);
    expect(res.body.api_key.allowed_ips).toHaveLength(50);
    expect(res.body.api_key.expires).toBe(expires);
  });

  it('answers 409 for a name the account already uses, but not for another account', async () => {
    const { http } = await server.signedIn();
    expect((await http.post('/api/client/account/api-keys', keyBody({ name: 'twin' }))).status).toBe(200);
    const again = await http.post('/api/client/account/api-keys', keyBody({ name: 'twin' }));
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ errors: ['api key with name already exists'] });
    const { http: other } = await server.signedIn();
    expect((await other.post('/api/client/account/api-keys', keyBody({ name: 'twin' }))).status).toBe(200);
  });

  it('refuses admin permissions to an account that holds none, and grants them to an admin', async () => {
    const { http } = await server.signedIn();
    const res = await http.post('/api/client/account/api-keys', keyBody({ admin_permissions: ['users.read'] }));
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ errors: ['admin_permissions: more permissions than self'] });
    const { http: admin } = await server.signedIn({ admin: true });
    expect((await admin.post('/api/client/account/api-keys', keyBody({ admin_permissions: ['users.read'] }))).status).toBe(200);
  });

  it('never lets a key mint a key holding more than itself', async () => {
    const { http } = await server.signedIn();
    const parent = await http.post('/api/client/account/api-keys', keyBody({ name: 'parent', user_permissions: ['api-keys.create', 'account.infos'], server_permissions: ['files.read'] }));
    const viaKey = http.withKey(parent.body.key);
    const broader = await viaKey.post('/api/client/account/api-keys', keyBody({ name: 'child', user_permissions: ['account.password'] }));
    expect(broader.status).toBe(403);
    expect(broader.body).toEqual({ errors: ['user_permissions: more permissions than self'] });
    const broaderServer = await viaKey.post('/api/client/account/api-keys', keyBody({ name: 'child', user_permissions: [], server_permissions: ['files.delete'] }));
    expect(broaderServer.body).toEqual({ errors: ['server_permissions: more permissions than self'] });
    const subset = await viaKey.post('/api/client/account/api-keys', keyBody({ name: 'child', user_permissions: ['account.infos'], server_permissions: ['files.read'] }));
    expect(subset.status).toBe(200);
  });

  it('keeps the per-account limit, exactly, when creates race', async () => {
    const limited = await startTestServer({ API_KEY_LIMIT: '4' });
    try {
      const { http } = await limited.signedIn();
      for (let i = 0; i < 3; i++) expect((await http.post('/api/client/account/api-keys', keyBody({ name: `key-${i}` }))).status).toBe(200);
      const race = await Promise.all(Array.from({ length: 6 }, (_, i) => http.post('/api/client/account/api-keys', keyBody({ name: `race-${i}` }))));
      expect(race.filter((r) => r.status === 200)).toHaveLength(1);
      for (const lost of race.filter((r) => r.status !== 200)) {
        expect(lost.status).toBe(409);
        expect(lost.body).toEqual({ errors: ['maximum number of api keys reached'] });
      }
      expect((await http.get('/api/client/account/api-keys')).body.api_keys.total).toBe(4);
    } finally {
      await limited.close();
    }
  });
});

describe('GET /api/client/account/api-keys', () => {
  it('pages oldest first, searches by name, and hides expired keys', async () => {
    const { http } = await server.signedIn();
    for (const name of ['alpha-one', 'beta-two', 'alpha-three', 'gamma-four']) {
      expect((await http.post('/api/client/account/api-keys', keyBody({ name }))).status).toBe(200);
    }
    await http.post('/api/client/account/api-keys', keyBody({ name: 'short-lived', expires: new Date(Date.now() + 1000).toISOString() }));
    await new Promise((resolve) => setTimeout(resolve, 1200));

    const first = await http.get('/api/client/account/api-keys?per_page=3');
    expect(first.body.api_keys).toMatchObject({ total: 4, per_page: 3, page: 1 });
    expect(first.body.api_keys.data.map((k: { name: string }) => k.name)).toEqual(['alpha-one', 'beta-two', 'alpha-three']);
    const second = await http.get('/api/client/account/api-keys?per_page=3&page=2');
    expect(second.body.api_keys.data.map((k: { name: string }) => k.name)).toEqual(['gamma-four']);
    const search = await http.get('/api/client/account/api-keys?search=ALPHA');
    expect(search.body.api_keys.data.map((k: { name: string }) => k.name)).toEqual(['alpha-one', 'alpha-three']);
  });

  it.each([
    ['page=0', 'page: must be at least 1'],
    ['per_page=101', 'per_page: must be 1-100'],
    ['per_page=abc', 'per_page: must be a number'],
    [`search=${'x'.repeat(129)}`, 'search: must be 1-128 characters'],
  ])('refuses ?%s', async (query, message) => {
    const { http } = await server.signedIn();
    const res = await http.get(`/api/client/account/api-keys?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toContain(message);
  });
});

describe('DELETE /api/client/account/api-keys/{api_key}', () => {
  it('deletes the key, which fails on its very next request', async () => {
    const { http } = await server.signedIn();
    const created = await http.post('/api/client/account/api-keys', keyBody());
    const key = http.withKey(created.body.key);
    expect((await key.get('/api/client/account')).status).toBe(200);
    const res = await http.delete(`/api/client/account/api-keys/${created.body.api_key.uuid}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    const after = await key.get('/api/client/account');
    expect(after.status).toBe(401);
    expect(after.body).toEqual({ errors: ['invalid api key'] });
  });

  it("answers 404 for another account's key, which keeps working for its owner", async () => {
    const { http: owner } = await server.signedIn();
    const created = await owner.post('/api/client/account/api-keys', keyBody());
    const { http: stranger } = await server.signedIn();
    for (const id of [created.body.api_key.uuid, '00000000-0000-0000-0000-000000000000', 'not-a-uuid']) {
      const res = await stranger.delete(`/api/client/account/api-keys/${id}`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ errors: ['api key not found'] });
    }
    expect((await owner.withKey(created.body.key).get('/api/client/account')).status).toBe(200);
  });
});

describe('Bearer authentication', () => {
  it('stops a key the moment it expires', async () => {
    const { http } = await server.signedIn();
    const created = await http.post('/api/client/account/api-keys', keyBody({ expires: new Date(Date.now() + 1500).toISOString() }));
    const key = http.withKey(created.body.key);
    expect((await key.get('/api/client/account')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1700));
    const res = await key.get('/api/client/account');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ errors: ['invalid api key'] });
  });

  it.each([
    [['127.0.0.1'], 200],
    [['127.0.0.0/8'], 200],
    [['0.0.0.0/0'], 200],
    [['127.0.0.2/32'], 403],
    [['10.0.0.0/8', '192.168.0.0/16'], 403],
    [['::/0'], 403],
  ])('with allowed_ips %j a loopback IPv4 client gets %i', async (allowed, status) => {
    const { http } = await server.signedIn();
    const created = await http.post('/api/client/account/api-keys', keyBody({ allowed_ips: allowed }));
    const res = await http.withKey(created.body.key).get('/api/client/account');
    expect(res.status).toBe(status);
    if (status === 403) expect(res.body).toEqual({ errors: ['ip address not allowed for this api key'] });
  });

  it('matches IPv4-mapped IPv6 clients against IPv4 ranges, and IPv6 clients against IPv6 ranges', async () => {
    const dual = await startTestServer({}, { host: '::' });
    try {
      const { http } = await dual.signedIn();
      const port = new URL(dual.url).port;
      let n = 0;
      const make = async (allowed: string[]) => (await http.post('/api/client/account/api-keys', keyBody({ name: `key-${++n}`, allowed_ips: allowed }))).body.key as string;
      const v4 = new HttpClient(`http://127.0.0.1:${port}`);
      const v6 = new HttpClient(`http://[::1]:${port}`);
      // Over the dual-stack socket the IPv4 client arrives as ::ffff:127.0.0.1.
      expect((await v4.withKey(await make(['127.0.0.1/32'])).get('/api/client/account')).status).toBe(200);
      expect((await v6.withKey(await make(['::1/128'])).get('/api/client/account')).status).toBe(200);
      expect((await v6.withKey(await make(['127.0.0.1/32'])).get('/api/client/account')).status).toBe(403);
      expect((await v4.withKey(await make(['::1/128'])).get('/api/client/account')).status).toBe(403);
    } finally {
      await dual.close();
    }
  });

  it('keeps last_used current without a write per request', async () => {
    const { http } = await server.signedIn();
    const created = await http.post('/api/client/account/api-keys', keyBody());
    await http.withKey(created.body.key).get('/api/client/account');
    await server.services.lastUsed.flush();
    const list = await http.get('/api/client/account/api-keys');
    const lastUsed = Date.parse(list.body.api_keys.data[0].last_used);
    expect(Date.now() - lastUsed).toBeLessThan(10_000);
  });

  it('holds only what it lists: a key without api-keys.read cannot list keys', async () => {
    const { http } = await server.signedIn();
    const created = await http.post('/api/client/account/api-keys', keyBody({ user_permissions: ['account.infos'] }));
    const res = await http.withKey(created.body.key).get('/api/client/account/api-keys');
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ errors: ['you do not have permission to perform this action: api-keys.read'] });
  });
});

describe('GET /api/client/permissions', () => {
  it('serves the catalogue by kind and group', async () => {
    const { http } = await server.signedIn();
    const res = await http.get('/api/client/permissions');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['admin_permissions', 'server_permissions', 'user_permissions']);
    const userNames = Object.values(res.body.user_permissions).flatMap((group: any) => Object.keys(group.permissions));
    expect(userNames).toEqual(expect.arrayContaining(['account.infos', 'account.password', 'account.two-factor', 'api-keys.create', 'api-keys.read', 'api-keys.delete', 'sessions.read', 'sessions.delete', 'activity.read']));
    expect(res.body.server_permissions.control.permissions['control.start']).toEqual(expect.any(String));
  });

  it('needs authentication like every /api/client route', async () => {
    expect((await server.client().get('/api/client/permissions')).status).toBe(401);
  });
});
