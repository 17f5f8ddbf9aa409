// Wire conventions of SPEC §1: every failure is {"errors": [...]} with the right status,
// and no response ever carries a password hash, a secret or a key hash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const isErrorBody = (body: unknown) =>
  typeof body === 'object' && body !== null && Object.keys(body).join() === 'errors' &&
  Array.isArray((body as { errors: unknown[] }).errors) && (body as { errors: unknown[] }).errors.length > 0 &&
  (body as { errors: unknown[] }).errors.every((e) => typeof e === 'string');

describe('error shape', () => {
  it.each([
    ['GET', '/api/nothing/here', undefined, 404, 'not found'],
    ['GET', '/elsewhere', undefined, 404, 'not found'],
    ['PUT', '/api/client/account', {}, 405, 'method not allowed'],
    ['DELETE', '/api/auth/login', undefined, 405, 'method not allowed'],
  ])('%s %s answers %i', async (method, path, body, status, message) => {
    const res = await server.client().request(method, path, body);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ errors: [message] });
  });

  it('answers 400 invalid payload for a body that is not JSON', async () => {
    const res = await server.client().post('/api/auth/login', '{"user": ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errors: ['invalid payload'] });
  });

  it('answers 400 for JSON that is not an object', async () => {
    for (const body of ['[1,2]', '"text"', '42', 'null']) {
      const res = await server.client().post('/api/auth/login', body);
      expect(res.status).toBe(400);
      expect(isErrorBody(res.body)).toBe(true);
    }
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await server.client().post('/api/auth/login', { user: 'x'.repeat(100_000), password: 'y' });
    expect(res.status).toBe(413);
    expect(isErrorBody(res.body)).toBe(true);
  });

  it('answers 415 for a body that is not application/json', async () => {
    const res = await server.client().post('/api/auth/login', 'user=x&password=y', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect(isErrorBody(res.body)).toBe(true);
  });

  it('accepts a POST with no body and no content type', async () => {
    const { http } = await server.signedIn();
    const res = await http.request('POST', '/api/client/account/logout');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
  });

  it('answers JSON with the contract shape on /trpc too', async () => {
    const res = await server.client().get('/trpc/account.get');
    expect(res.status).toBe(401);
    expect(res.body.error.json.data.errors).toEqual(['missing authorization']);
  });
});

describe('secrets never leave the server', () => {
  it('no response of a full session carries a hash, a secret or a sealed value', async () => {
    const { user, http } = await server.signedIn();
    const replies: string[] = [];
    const record = async (promise: Promise<{ text: string; headers: Headers }>) => {
      const res = await promise;
      replies.push(res.text, JSON.stringify([...res.headers]));
      return res;
    };
    await record(http.get('/api/client/account'));
    await record(http.patch('/api/client/account', { name_first: 'Leak', name_last: 'Check' }));
    const created = await record(http.post('/api/client/account/api-keys', { name: 'leakcheck', allowed_ips: [], user_permissions: ['account.infos'], admin_permissions: [], server_permissions: [] }));
    const key = JSON.parse(created.text).key as string;
    await record(http.get('/api/client/account/api-keys'));
    await record(http.withKey(key).get('/api/client/account'));
    await record(http.get('/api/client/account/sessions'));
    await record(http.get('/api/client/account/two-factor'));
    await record(http.get('/trpc/account.get'));

    const db = server.services.db;
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const sessions = await db.session.findMany({ where: { userId: user.id } });
    const keys = await db.apiKey.findMany({ where: { userId: user.id } });
    const secrets = [row.passwordHash, row.totpSecret!, ...sessions.map((s) => s.secretHash), ...keys.map((k) => k.keyHash), user.password];
    const everything = replies.join('\n');
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/password_hash|secret_hash|key_hash|passwordHash|secretHash|keyHash/);
  });
});

describe('caching (SPEC §9b)', () => {
  it('marks every response of /api and /trpc no-store, successes and failures alike', async () => {
    const { http } = await server.signedIn();
    const created = await http.post('/api/client/account/api-keys', { name: 'nostore', allowed_ips: [], user_permissions: [], admin_permissions: [], server_permissions: [] });
    const replies = [
      created,
      await http.get('/api/client/account'),
      await http.get('/api/client/account/two-factor'),
      await http.get('/trpc/account.get'),
      await server.client().get('/trpc/account.get'),
      await server.client().get('/api/client/account'),
      await server.client().get('/api/nothing/here'),
      await server.client().post('/api/auth/login', '{"user": '),
      await server.client().get('/api/openapi.json'),
      await server.client().get('/api/health'),
      await server.client().get('/api/docs'),
      await server.client().get('/api/docs/assets/swagger-ui.css'),
    ];
    for (const res of replies) expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
