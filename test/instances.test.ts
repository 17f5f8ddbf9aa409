// Instances on one database share nothing in memory: what one does, the other sees on its
// very next request. Most cases use two in-process servers; the last, two processes.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startChildServer } from './support/child-server.ts';
import { startTestServer, type TestServer } from './support/harness.ts';
import { HttpClient } from './support/http.ts';

let one: TestServer;
let two: TestServer;
beforeAll(async () => {
  one = await startTestServer({ SESSION_SECRET: 'a shared secret of at least thirty-two characters' });
  two = await startTestServer({ SESSION_SECRET: 'a shared secret of at least thirty-two characters' }, { reuse: { databaseUrl: one.databaseUrl, dataDir: one.dataDir } });
});
afterAll(async () => {
  await one.close();
  await two.close();
});

it('a session made on one works on the other, and a logout on one is refused by the other', async () => {
  const { http } = await one.signedIn();
  const elsewhere = two.client({ cookie: http.cookie! });
  expect((await elsewhere.get('/api/client/account')).status).toBe(200);
  expect((await http.post('/api/client/account/logout')).status).toBe(200);
  expect((await elsewhere.get('/api/client/account')).body).toEqual({ errors: ['invalid session'] });
});

it('a key deleted on one is refused by the other', async () => {
  const { http } = await one.signedIn();
  const created = await http.post('/api/client/account/api-keys', { name: 'shared', allowed_ips: [], user_permissions: ['account.infos'], admin_permissions: [], server_permissions: [] });
  const onTwo = two.client().withKey(created.body.key);
  expect((await onTwo.get('/api/client/account')).status).toBe(200);
  expect((await http.delete(`/api/client/account/api-keys/${created.body.api_key.uuid}`)).status).toBe(200);
  expect((await onTwo.get('/api/client/account')).body).toEqual({ errors: ['invalid api key'] });
});

it('a key recreated on one loses its old secret on the other at once, and the new one works there', async () => {
  const { http } = await one.signedIn();
  const created = await http.post('/api/client/account/api-keys', { name: 'rotated', allowed_ips: [], user_permissions: ['account.infos'], admin_permissions: [], server_permissions: [] });
  const oldOnTwo = two.client().withKey(created.body.key);
  expect((await oldOnTwo.get('/api/client/account')).status).toBe(200);
  const recreated = await http.post(`/api/client/account/api-keys/${created.body.api_key.uuid}/recreate`);
  expect(recreated.status).toBe(200);
  expect((await oldOnTwo.get('/api/client/account')).body).toEqual({ errors: ['invalid api key'] });
  expect((await two.client().withKey(recreated.body.key).get('/api/client/account')).status).toBe(200);
});

it('a key narrowed on one holds to its new permissions and addresses on the other at once', async () => {
  const { http } = await one.signedIn();
  const created = await http.post('/api/client/account/api-keys', { name: 'narrowed', allowed_ips: [], user_permissions: ['account.infos', 'sessions.read'], admin_permissions: [], server_permissions: [] });
  const onTwo = two.client().withKey(created.body.key);
  expect((await onTwo.get('/api/client/account/sessions')).status).toBe(200);
  await http.patch(`/api/client/account/api-keys/${created.body.api_key.uuid}`, { user_permissions: ['account.infos'] });
  expect((await onTwo.get('/api/client/account/sessions')).body).toEqual({ errors: ['you do not have permission to perform this action: sessions.read'] });
  await http.patch(`/api/client/account/api-keys/${created.body.api_key.uuid}`, { allowed_ips: ['192.0.2.0/24'] });
  expect((await onTwo.get('/api/client/account')).body).toEqual({ errors: ['ip address not allowed for this api key'] });
});

it('a password change on one ends the other sessions on both', async () => {
  const { user, http } = await one.signedIn();
  const other = two.client();
  await other.post('/api/auth/login', { user: user.username, password: user.password });
  await http.post('/api/client/account/password', { current_password: user.password, password: 'rotated password', password_confirmation: 'rotated password' });
  expect((await other.get('/api/client/account')).status).toBe(401);
  expect((await two.client({ cookie: http.cookie! }).get('/api/client/account')).status).toBe(200);
});

it('rate limits are shared', async () => {
  const a = await startTestServer({ RATE_LIMIT_LOGIN: '2/60' });
  const b = await startTestServer({ RATE_LIMIT_LOGIN: '2/60' }, { reuse: { databaseUrl: a.databaseUrl, dataDir: a.dataDir } });
  try {
    expect((await a.client().post('/api/auth/login', { user: 'x', password: 'y' })).status).toBe(400);
    expect((await b.client().post('/api/auth/login', { user: 'x', password: 'y' })).status).toBe(400);
    expect((await a.client().post('/api/auth/login', { user: 'x', password: 'y' })).status).toBe(429);
    expect((await b.client().post('/api/auth/login', { user: 'x', password: 'y' })).status).toBe(429);
  } finally {
    await a.close();
    await b.close();
  }
});

it('holds across two separate server processes as well', async () => {
  const secret = { SESSION_SECRET: 'another shared secret of at least thirty-two chars' };
  const [a, b] = await Promise.all([startChildServer(one.databaseUrl, one.dataDir, secret), startChildServer(one.databaseUrl, one.dataDir, secret)]);
  try {
    const user = await one.createUser();
    const onA = new HttpClient(a.url);
    expect((await onA.post('/api/auth/login', { user: user.username, password: user.password })).status).toBe(200);
    const onB = new HttpClient(b.url, { cookie: onA.cookie! });
    expect((await onB.get('/api/client/account')).status).toBe(200);
    expect((await onA.post('/api/client/account/logout')).status).toBe(200);
    expect((await onB.get('/api/client/account')).body).toEqual({ errors: ['invalid session'] });
  } finally {
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    await Promise.all([a.exited, b.exited]);
  }
});
