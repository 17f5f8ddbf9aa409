// Changing the email address (SPEC §11): the password confirms it, the address is unique in
// any case, and the change writes its activity entry with it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const entries = (userId: string) => server.services.db.activity.findMany({ where: { userId, event: { startsWith: 'account:' } }, select: { event: true, data: true } });

it('changes the address, which then signs in, and records the old and new one', async () => {
  const { user, http } = await server.signedIn();
  const res = await http.request('PUT', '/api/client/account/email', { email: 'New.Address@Example.com', password: user.password });
  expect(res.status).toBe(200);
  expect(res.body.user).toMatchObject({ uuid: user.id, username: user.username, email: 'New.Address@Example.com' });
  expect((await http.get('/api/client/account')).body.user.email).toBe('New.Address@Example.com');
  expect((await server.client().post('/api/auth/login', { user: 'new.address@example.com', password: user.password })).status).toBe(200);
  expect(await entries(user.id)).toEqual([{ event: 'account:email-changed', data: { old: user.email, new: 'New.Address@Example.com' } }]);
});

it('answers 409 for an address another account holds, in any case, and lets an account change the case of its own', async () => {
  const other = await server.createUser({ email: 'taken@example.com' });
  const { user, http } = await server.signedIn();
  for (const email of ['taken@example.com', 'TAKEN@example.COM']) {
    const res = await http.request('PUT', '/api/client/account/email', { email, password: user.password });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ errors: ['email already in use'] });
  }
  expect(other.email).toBe('taken@example.com');
  const own = await http.request('PUT', '/api/client/account/email', { email: user.email.toUpperCase(), password: user.password });
  expect(own.status).toBe(200);
  expect(own.body.user.email).toBe(user.email.toUpperCase());
});

it.each([
  [{ email: 'not an email' }, 'email: invalid email'],
  [{ email: 'a@' }, 'email: invalid email'],
  [{ email: `${'a'.repeat(250)}@example.com` }, 'email: invalid email'],
  [{ email: 5 }, 'email: invalid email'],
  [{ password: '' }, 'password: is required'],
  [{ extra: 1 }, 'extra: unknown field'],
])('refuses %j with 400', async (overrides, message) => {
  const { user, http } = await server.signedIn();
  const res = await http.request('PUT', '/api/client/account/email', { email: 'fine@example.com', password: user.password, ...overrides });
  expect(res.status).toBe(400);
  expect(res.body.errors).toContain(message);
});

it('refuses a wrong password and changes nothing', async () => {
  const { user, http } = await server.signedIn();
  const res = await http.request('PUT', '/api/client/account/email', { email: 'fresh@example.com', password: 'not the password' });
  expect(res.status).toBe(400);
  expect(res.body).toEqual({ errors: ['password: invalid password'] });
  expect((await http.get('/api/client/account')).body.user.email).toBe(user.email);
  expect(await entries(user.id)).toEqual([]);
});

it('needs account.email when a key makes the call', async () => {
  const { user, http } = await server.signedIn();
  const made = async (permissions: string[]) =>
    (await http.post('/api/client/account/api-keys', { name: `key-${permissions.length}`, allowed_ips: [], user_permissions: permissions, admin_permissions: [], server_permissions: [] })).body.key;
  const without = await http.withKey(await made(['account.infos'])).request('PUT', '/api/client/account/email', { email: 'by-key@example.com', password: user.password });
  expect(without.status).toBe(403);
  expect(without.body).toEqual({ errors: ['you do not have permission to perform this action: account.email'] });
  const withIt = await http.withKey(await made(['account.infos', 'account.email'])).request('PUT', '/api/client/account/email', { email: 'by-key@example.com', password: user.password });
  expect(withIt.status).toBe(200);
  const [entry] = await server.services.db.activity.findMany({ where: { userId: user.id, event: 'account:email-changed' } });
  expect(entry).toMatchObject({ event: 'account:email-changed', apiKeyName: 'key-2' });
});
