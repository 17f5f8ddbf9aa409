// Hostile input (SPEC §9b): a key minted with a key keeps its parent's limits; control
// characters, LIKE wildcards and Unicode look-alikes are text, never a 500 or a way in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const keyBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'child',
  allowed_ips: [],
  user_permissions: ['account.infos', 'api-keys.create', 'api-keys.read'],
  admin_permissions: [],
  server_permissions: [],
  ...overrides,
});

describe('a key minted by a key', () => {
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

  it("takes the parent's ranges and expiry when it asks for none, and no more than them when it asks", async () => {
    const { http } = await server.signedIn();
    const parentExpires = inDays(2);
    const parent = await http.post('/api/client/account/api-keys', keyBody({ name: 'parent', allowed_ips: ['127.0.0.0/8', '2001:db8::/32'], expires: parentExpires }));
    expect(parent.status).toBe(200);
    const viaKey = http.withKey(parent.body.key);

    const plain = await viaKey.post('/api/client/account/api-keys', keyBody({ name: 'plain' }));
    expect(plain.status).toBe(200);
    expect(plain.body.api_key).toMatchObject({ allowed_ips: ['127.0.0.0/8', '2001:db8::/32'], expires: parentExpires });
    const nullExpiry = await viaKey.post('/api/client/account/api-keys', keyBody({ name: 'null-expiry', expires: null }));
    expect(nullExpiry.body.api_key.expires).toBe(parentExpires);

    const sooner = inDays(1);
    const narrower = await viaKey.post('/api/client/account/api-keys', keyBody({ name: 'narrower', allowed_ips: ['127.0.0.1', '2001:db8:1::/48'], expires: sooner }));
    expect(narrower.status).toBe(200);
    expect(narrower.body.api_key).toMatchObject({ allowed_ips: ['127.0.0.1/32', '2001:db8:1::/48'], expires: sooner });

    const wider = await viaKey.post('/api/client/account/api-keys', keyBody({ name: 'wider', allowed_ips: ['127.0.0.1', '10.0.0.0/8', '127.0.0.0/7'] }));
    expect(wider.status).toBe(400);
    expect(wider.body).toEqual({
      errors: ['allowed_ips.1: outside the ranges of the api key making the request', 'allowed_ips.2: outside the ranges of the api key making the request'],
    });
    const later = await viaKey.post('/api/client/account/api-keys', keyBody({ name: 'later', expires: inDays(3) }));
    expect(later.status).toBe(400);
    expect(later.body).toEqual({ errors: ['expires: later than the api key making the request'] });

    // The inherited ranges hold: the child works from loopback, which its parent allows.
    expect((await http.withKey(plain.body.key).get('/api/client/account')).status).toBe(200);
    // Nothing refused was written.
    const names = (await http.get('/api/client/account/api-keys')).body.api_keys.data.map((key: { name: string }) => key.name);
    expect(names).toEqual(['parent', 'plain', 'null-expiry', 'narrower']);
  });

  it('is free of limits when its parent has none, and a session mints as it asks', async () => {
    const { http } = await server.signedIn();
    const parent = await http.post('/api/client/account/api-keys', keyBody({ name: 'parent' }));
    const child = await http.withKey(parent.body.key).post('/api/client/account/api-keys', keyBody({ name: 'child', allowed_ips: ['0.0.0.0/0'], expires: inDays(30) }));
    expect(child.status).toBe(200);
    expect(child.body.api_key).toMatchObject({ allowed_ips: ['0.0.0.0/0'] });
    const fromSession = await http.post('/api/client/account/api-keys', keyBody({ name: 'session-made' }));
    expect(fromSession.body.api_key).toMatchObject({ allowed_ips: [], expires: null });
  });
});

describe('control characters', () => {
  it.each([
    ['POST', '/api/auth/login', { user: 'ali\u0000ce', password: 'x' }, 'user'],
    ['POST', '/api/auth/login/checkpoint', { confirmation_token: 'abc\u0000', code: '123456' }, 'confirmation_token'],
    ['POST', '/api/auth/login/checkpoint', { confirmation_token: 'abc', code: '12\u00003456' }, 'code'],
  ])('%s %s refuses a NUL with a 400', async (method, path, body, field) => {
    const res = await server.client().request(method, path, body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toContain(`${field}: must not contain control characters`);
  });

  it('is refused in every field of a signed-in account that is not a password', async () => {
    const { user, http } = await server.signedIn();
    const cases: [string, string, unknown, string][] = [
      ['PATCH', '/api/client/account', { name_first: 'Ada\u0000' }, 'name_first'],
      ['PATCH', '/api/client/account', { language: 'e\u001bn' }, 'language'],
      ['POST', '/api/client/account/api-keys', keyBody({ name: 'bad\u0000name' }), 'name'],
      ['POST', '/api/client/account/api-keys', keyBody({ user_permissions: ['account.infos\u0000'] }), 'user_permissions.0'],
      ['GET', '/api/client/account/api-keys?search=a%00b', undefined, 'search'],
      ['GET', '/api/client/account/sessions?search=%7F', undefined, 'search'],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await http.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.errors, `${method} ${path}`).toContain(`${field}: must not contain control characters`);
    }
    // Half a surrogate pair: no database could store it as sent.
    for (const [path, body, field] of [
      ['/api/client/account', { name_first: 'Ada\ud800' }, 'name_first'],
      ['/api/client/account/api-keys', keyBody({ name: 'bad\udc00name' }), 'name'],
    ] as const) {
      const res = await http.request(path.endsWith('api-keys') ? 'POST' : 'PATCH', path, body);
      expect(res.status, path).toBe(400);
      expect(res.body.errors, path).toEqual([`${field}: must be valid Unicode text`]);
    }
    const lone = 'correct horse \ud800';
    const refused = await http.post('/api/client/account/password', { current_password: user.password, password: lone, password_confirmation: lone });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toContain('password: must be valid Unicode text');
    // The same over tRPC, where the key's uuid is a JSON string that can hold a NUL.
    const trpc = await http.post('/trpc/apiKeys.delete', { json: { api_key: 'abc\u0000def' } });
    expect(trpc.status).toBe(400);
    expect(trpc.body.error.json.data.errors).toEqual(['api_key: must not contain control characters']);
    // Path parameters arrive undecoded: an escaped NUL is just text naming nothing.
    for (const path of ['/api/client/account/api-keys/abc%00def', '/api/client/account/sessions/abc%00def']) {
      expect((await http.delete(path)).status).toBe(404);
    }
    // A password is taken as typed: it is never stored or shown.
    const odd = 'pass\u0000word\u0007!';
    expect((await http.post('/api/client/account/password', { current_password: user.password, password: odd, password_confirmation: odd })).status).toBe(200);
    expect((await server.client().post('/api/auth/login', { user: user.username, password: odd })).status).toBe(200);
  });
});

describe('search', () => {
  it('matches % and _ literally in api key names', async () => {
    const { http } = await server.signedIn();
    for (const name of ['cut 50% off', 'cut 500 off', 'snake_case', 'snakeXcase', 'back\\slash']) {
      expect((await http.post('/api/client/account/api-keys', keyBody({ name }))).status).toBe(200);
    }
    const search = async (term: string) =>
      (await http.get(`/api/client/account/api-keys?search=${encodeURIComponent(term)}`)).body.api_keys.data.map((key: { name: string }) => key.name);
    expect(await search('%')).toEqual(['cut 50% off']);
    expect(await search('50%')).toEqual(['cut 50% off']);
    expect(await search('_')).toEqual(['snake_case']);
    expect(await search('\\')).toEqual(['back\\slash']);
    expect(await search('SNAKE')).toEqual(['snake_case', 'snakeXcase']);
    const page = (await http.get('/api/client/account/api-keys?search=%25')).body.api_keys;
    expect(page.total).toBe(1);
  });

  it('matches % and _ literally in session user agents', async () => {
    const user = await server.createUser();
    for (const agent of ['probe 100% v1', 'probe 1000 v1', 'probe_v2', 'probe-v2']) {
      expect((await server.client({ 'user-agent': agent }).post('/api/auth/login', { user: user.username, password: user.password })).status).toBe(200);
    }
    const http = server.client({ 'user-agent': 'reader' });
    await http.post('/api/auth/login', { user: user.username, password: user.password });
    const search = async (term: string) =>
      (await http.get(`/api/client/account/sessions?search=${encodeURIComponent(term)}`)).body.sessions.data.map((session: { user_agent: string }) => session.user_agent).sort();
    expect(await search('%')).toEqual(['probe 100% v1']);
    expect(await search('_')).toEqual(['probe_v2']);
    expect(await search('probe')).toEqual(['probe 100% v1', 'probe 1000 v1', 'probe-v2', 'probe_v2']);
  });
});

describe('look-alike names', () => {
  it('never sign in as another account: usernames and emails fold case in ASCII only', async () => {
    const kate = await server.createUser({ username: 'kate', email: 'kate@example.com' });
    for (const name of ['\u212Aate', '\u212AATE', '\u212Aate@example.com']) {
      const res = await server.client().post('/api/auth/login', { user: name, password: kate.password });
      expect(res.status, name).toBe(400);
      expect(res.body).toEqual({ errors: ['invalid username or password'] });
    }
    expect((await server.client().post('/api/auth/login', { user: 'KATE', password: kate.password })).status).toBe(200);
    expect((await server.client().post('/api/auth/login', { user: 'Kate@Example.com', password: kate.password })).status).toBe(200);
  });

  it('cannot take a name that folds onto a taken one', async () => {
    await server.createUser({ username: 'sam' });
    const { http } = await server.signedIn();
    const lookAlike = await http.patch('/api/client/account', { username: '\u017Fam' });
    expect(lookAlike.status).toBe(400);
    const taken = await http.patch('/api/client/account', { username: 'SAM' });
    expect(taken.status).toBe(409);
    expect(taken.body).toEqual({ errors: ['username already taken'] });
  });
});
