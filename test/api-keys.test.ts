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
    // The total whether a page ends the list (short, or first and empty) or not (full, past the end).
    const totals = async (query: string) => (await http.get(`/api/client/account/api-keys?${query}`)).body.api_keys;
    expect(second.body.api_keys.total).toBe(4);
    expect(search.body.api_keys.total).toBe(2);
    expect(await totals('per_page=4')).toMatchObject({ total: 4, page: 1 });
    expect(await totals('per_page=2&page=2')).toMatchObject({ total: 4, page: 2 });
    expect(await totals('per_page=3&page=3')).toEqual({ total: 4, per_page: 3, page: 3, data: [] });
    expect(await totals('search=delta')).toEqual({ total: 0, per_page: 10, page: 1, data: [] });
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

describe('PATCH /api/client/account/api-keys/{api_key}', () => {
  const create = async (http: HttpClient, overrides: Record<string, unknown> = {}) => (await http.post('/api/client/account/api-keys', keyBody(overrides))).body;

  it('changes only the fields given, removes the expiry with null, and records the change', async () => {
    const { user, http } = await server.signedIn();
    const expires = new Date(Date.now() + 3600_000).toISOString();
    const made = await create(http, { allowed_ips: ['10.0.0.0/8'], expires });
    const renamed = await http.patch(`/api/client/account/api-keys/${made.api_key.uuid}`, { name: ' renamed ' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.api_key).toEqual({ ...made.api_key, name: 'renamed' });
    const changed = await http.patch(`/api/client/account/api-keys/${made.api_key.uuid}`, { allowed_ips: ['127.0.0.1', '127.0.0.1/32'], user_permissions: ['account.infos', 'sessions.read'], server_permissions: ['control.start'], expires: null });
    expect(changed.body.api_key).toMatchObject({ name: 'renamed', key_start: made.api_key.key_start, allowed_ips: ['127.0.0.1/32'], user_permissions: ['account.infos', 'sessions.read'], server_permissions: ['control.start'], expires: null });
    expect((await http.withKey(made.key).get('/api/client/account/sessions')).status).toBe(200);
    const later = new Date(Date.now() + 7200_000).toISOString();
    expect((await http.patch(`/api/client/account/api-keys/${made.api_key.uuid}`, { expires: later })).body.api_key.expires).toBe(later);
    const rows = await server.services.db.activity.findMany({ where: { userId: user.id, event: 'api-key:update' } });
    expect(rows.map((row) => row.data)).toEqual(Array.from({ length: 3 }, () => ({ uuid: made.api_key.uuid, identifier: made.api_key.key_start, name: 'renamed' })));
  });

  it.each([
    [{ name: 'ab' }, 'name: must be 3-31 characters'],
    [{ allowed_ips: ['nope'] }, 'allowed_ips.0: invalid ip address or cidr range'],
    [{ allowed_ips: Array.from({ length: 51 }, (_, i) => `10.0.0.${i}`) }, 'allowed_ips: must hold at most 50 addresses'],
    [{ expires: '2001-01-01T00:00:00Z' }, 'expires: must be in the future'],
    [{ expires: 'tomorrow' }, 'expires: must be an RFC 3339 date-time'],
    [{ user_permissions: ['made.up'] }, 'user_permissions: invalid permission: made.up'],
    [{ key_start: 'ptlc_x' }, 'key_start: unknown field'],
  ])('refuses %j with 400 and changes nothing', async (change, message) => {
    const { http } = await server.signedIn();
    const made = await create(http);
    const res = await http.patch(`/api/client/account/api-keys/${made.api_key.uuid}`, change);
    expect(res.status).toBe(400);
    expect(res.body.errors).toContain(message);
    expect((await http.get('/api/client/account/api-keys')).body.api_keys.data).toEqual([made.api_key]);
  });

  it('refuses a taken name, permissions the caller lacks, and a key changing itself', async () => {
    const { http } = await server.signedIn();
    const first = await create(http, { name: 'first' });
    const second = await create(http, { name: 'second', user_permissions: ['api-keys.update', 'account.infos'] });
    const taken = await http.patch(`/api/client/account/api-keys/${second.api_key.uuid}`, { name: 'first' });
    expect(taken.status).toBe(409);
    expect(taken.body).toEqual({ errors: ['api key with name already exists'] });
    const admin = await http.patch(`/api/client/account/api-keys/${second.api_key.uuid}`, { admin_permissions: ['users.read'] });
    expect(admin.status).toBe(403);
    expect(admin.body).toEqual({ errors: ['admin_permissions: more permissions than self'] });

    const viaKey = http.withKey(second.key);
    const itself = await viaKey.patch(`/api/client/account/api-keys/${second.api_key.uuid}`, { user_permissions: ['account.infos', 'api-keys.update', 'account.password'] });
    expect(itself.status).toBe(403);
    expect(itself.body).toEqual({ errors: ['an api key cannot change itself'] });
    const broader = await viaKey.patch(`/api/client/account/api-keys/${first.api_key.uuid}`, { user_permissions: ['account.password'] });
    expect(broader.status).toBe(403);
    expect(broader.body).toEqual({ errors: ['user_permissions: more permissions than self'] });
    expect((await viaKey.patch(`/api/client/account/api-keys/${first.api_key.uuid}`, { name: 'renamed by key' })).status).toBe(200);
  });

  it("answers 404 for another account's key, an expired key, and a malformed id", async () => {
    const { http: owner } = await server.signedIn();
    const made = await create(owner);
    const shortLived = await create(owner, { name: 'short-lived', expires: new Date(Date.now() + 1000).toISOString() });
    const { http: stranger } = await server.signedIn();
    for (const id of [made.api_key.uuid, 'not-a-uuid']) {
      const res = await stranger.patch(`/api/client/account/api-keys/${id}`, { name: 'stolen' });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ errors: ['api key not found'] });
    }
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((await owner.patch(`/api/client/account/api-keys/${shortLived.api_key.uuid}`, { expires: null })).body).toEqual({ errors: ['api key not found'] });
  });

  it('needs api-keys.update', async () => {
    const { http } = await server.signedIn();
    const made = await create(http, { user_permissions: ['api-keys.read'] });
    const res = await http.withKey(made.key).patch(`/api/client/account/api-keys/${made.api_key.uuid}`, { name: 'other' });
    expect(res.body).toEqual({ errors: ['you do not have permission to perform this action: api-keys.update'] });
  });
});

describe('POST /api/client/account/api-keys/{api_key}/recreate', () => {
  it('gives the key a new secret: same uuid and rights, new key_start, the old secret refused at once', async () => {
    const { user, http } = await server.signedIn();
    const made = await http.post('/api/client/account/api-keys', keyBody({ server_permissions: ['control.start'] }));
    const old = http.withKey(made.body.key);
    expect((await old.get('/api/client/account')).status).toBe(200);
    const res = await http.post(`/api/client/account/api-keys/${made.body.api_key.uuid}/recreate`);
    expect(res.status).toBe(200);
    expect(res.body.key).toMatch(/^ptlc_[A-Za-z0-9]{43}$/);
    expect(res.body.key).not.toBe(made.body.key);
    const { last_used: _, ...unchanged } = made.body.api_key;
    expect(res.body.api_key).toMatchObject({ ...unchanged, key_start: res.body.key.slice(0, 16) });
    expect((await old.get('/api/client/account')).body).toEqual({ errors: ['invalid api key'] });
    expect((await http.withKey(res.body.key).get('/api/client/account')).status).toBe(200);
    const [entry] = await server.services.db.activity.findMany({ where: { userId: user.id, event: 'api-key:recreate' } });
    expect(entry!.data).toEqual({ uuid: made.body.api_key.uuid, identifier: res.body.key.slice(0, 16), name: 'deploy-bot' });
  });

  it('refuses a key recreating itself, or one holding rights its caller lacks', async () => {
    const { http } = await server.signedIn();
    const caller = await http.post('/api/client/account/api-keys', keyBody({ name: 'caller', user_permissions: ['api-keys.recreate', 'account.infos'] }));
    const broader = await http.post('/api/client/account/api-keys', keyBody({ name: 'broader', user_permissions: ['account.infos', 'account.password'] }));
    const narrower = await http.post('/api/client/account/api-keys', keyBody({ name: 'narrower', user_permissions: ['account.infos'] }));
    const viaKey = http.withKey(caller.body.key);
    const itself = await viaKey.post(`/api/client/account/api-keys/${caller.body.api_key.uuid}/recreate`);
    expect(itself.status).toBe(403);
    expect(itself.body).toEqual({ errors: ['an api key cannot change itself'] });
    const more = await viaKey.post(`/api/client/account/api-keys/${broader.body.api_key.uuid}/recreate`);
    expect(more.status).toBe(403);
    expect(more.body).toEqual({ errors: ['more permissions than self'] });
    expect((await http.withKey(broader.body.key).get('/api/client/account')).status).toBe(200);
    expect((await viaKey.post(`/api/client/account/api-keys/${narrower.body.api_key.uuid}/recreate`)).status).toBe(200);
  });

  it('lets a key change or recreate only keys no broader than itself, in rights, addresses and time (SPEC §9b)', async () => {
    const { http } = await server.signedIn();
    const caller = await http.post(
      '/api/client/account/api-keys',
      keyBody({ name: 'caller', allowed_ips: ['127.0.0.0/8'], expires: new Date(Date.now() + 86_400_000).toISOString(), user_permissions: ['api-keys.recreate', 'api-keys.update', 'account.infos'] }),
    );
    const unbounded = await http.post('/api/client/account/api-keys', keyBody({ name: 'unbounded' }));
    const within = await http.post(
      '/api/client/account/api-keys',
      keyBody({ name: 'within', allowed_ips: ['127.0.0.1'], expires: new Date(Date.now() + 3_600_000).toISOString() }),
    );
    const viaKey = http.withKey(caller.body.key);
    for (const res of [
      await viaKey.post(`/api/client/account/api-keys/${unbounded.body.api_key.uuid}/recreate`),
      await viaKey.patch(`/api/client/account/api-keys/${unbounded.body.api_key.uuid}`, { name: 'renamed' }),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ errors: ['more permissions than self'] });
    }
    expect((await viaKey.post(`/api/client/account/api-keys/${within.body.api_key.uuid}/recreate`)).status).toBe(200);
    expect((await viaKey.patch(`/api/client/account/api-keys/${within.body.api_key.uuid}`, { name: 'renamed' })).status).toBe(200);
  });

  it("answers 404 for another account's key and an unknown one, and needs api-keys.recreate", async () => {
    const { http: owner } = await server.signedIn();
    const made = await owner.post('/api/client/account/api-keys', keyBody());
    const { http: stranger } = await server.signedIn();
    for (const id of [made.body.api_key.uuid, '00000000-0000-0000-0000-000000000000']) {
      const res = await stranger.post(`/api/client/account/api-keys/${id}/recreate`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ errors: ['api key not found'] });
    }
    expect((await owner.withKey(made.body.key).get('/api/client/account')).status).toBe(200);
    const res = await owner.withKey(made.body.key).post(`/api/client/account/api-keys/${made.body.api_key.uuid}/recreate`);
    expect(res.body).toEqual({ errors: ['you do not have permission to perform this action: api-keys.recreate'] });
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
    expect(userNames).toEqual(
      expect.arrayContaining([
        'account.infos', 'account.email', 'account.password', 'account.two-factor', 'api-keys.create', 'api-keys.read', 'api-keys.update', 'api-keys.delete', 'api-keys.recreate',
        'ssh-keys.create', 'ssh-keys.read', 'ssh-keys.update', 'ssh-keys.delete', 'security-keys.create', 'security-keys.read', 'security-keys.update', 'security-keys.delete',
        'sessions.read', 'sessions.delete', 'activity.read', 'servers.view',
      ]),
    );
    for (const kind of ['user_permissions', 'admin_permissions', 'server_permissions']) {
      for (const group of Object.values(res.body[kind]) as { description: string; permissions: Record<string, string> }[]) {
        expect(group.description).not.toBe('');
        for (const text of Object.values(group.permissions)) expect(text).not.toBe('');
      }
    }
    expect(res.body.server_permissions.control.permissions['control.start']).toEqual(expect.any(String));
  });

  it('needs authentication like every /api/client route', async () => {
    expect((await server.client().get('/api/client/permissions')).status).toBe(401);
  });
});
