// The account endpoints of SPEC §5: profile, password and logout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('GET /api/client/account', () => {
  it('answers the User object and nothing else', async () => {
    const { user, http } = await server.signedIn({ username: 'reader' });
    const res = await http.get('/api/client/account');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['user']);
    expect(Object.keys(res.body.user).sort()).toEqual(
      ['uuid', 'username', 'email', 'name_first', 'name_last', 'admin', 'totp_enabled', 'totp_last_used', 'require_two_factor', 'language', 'toast_position', 'start_on_grouped_servers', 'created'].sort(),
    );
    expect(res.body.user).toMatchObject({ uuid: user.id, username: 'reader', admin: false, totp_last_used: null, language: 'en', toast_position: 'bottom_right' });
    expect(res.body.user.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});

describe('PATCH /api/client/account', () => {
  it('changes only the fields given', async () => {
    const { http } = await server.signedIn();
    const res = await http.patch('/api/client/account', { name_first: 'Ada', toast_position: 'top_left', start_on_grouped_servers: false, language: 'de' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ name_first: 'Ada', toast_position: 'top_left', start_on_grouped_servers: false, language: 'de' });
    const again = await http.get('/api/client/account');
    expect(again.body.user).toMatchObject({ name_first: 'Ada', toast_position: 'top_left', start_on_grouped_servers: false, language: 'de' });
  });

  it('answers the account unchanged, and records nothing, when no field is given', async () => {
    const { http, user } = await server.signedIn();
    const before = await http.get('/api/client/account');
    const res = await http.patch('/api/client/account', {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual(before.body);
    expect(await server.services.db.activity.count({ where: { userId: user.id, event: 'account:update' } })).toBe(0);
  });

  it.each([
    [{ username: 'ab' }, 'username: must be 3-15 characters'],
    [{ username: 'a'.repeat(16) }, 'username: must be 3-15 characters'],
    [{ username: 'bad-name' }, 'username: must contain only letters, numbers and underscores'],
    [{ name_first: 'A' }, 'name_first: must be 2-255 characters'],
    [{ name_last: 'x'.repeat(256) }, 'name_last: must be 2-255 characters'],
    [{ language: 'x' }, 'language: must be 2-15 characters'],
    [{ toast_position: 'middle' }, 'toast_position: must be one of top_left, top_center, top_right, bottom_left, bottom_center, bottom_right'],
    [{ start_on_grouped_servers: 'yes' }, 'start_on_grouped_servers: must be a boolean'],
    [{ username: 42 }, 'username: must be a string'],
    [{ admin: true }, 'admin: unknown field'],
  ])('refuses %j with 400', async (body, message) => {
    const { http } = await server.signedIn();
    const res = await http.patch('/api/client/account', body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errors: [message] });
  });

  it('reports every problem at once', async () => {
    const { http } = await server.signedIn();
    const res = await http.patch('/api/client/account', { username: 'x', name_first: 'y' });
    expect(res.body.errors).toEqual(['username: must be 3-15 characters', 'name_first: must be 2-255 characters']);
  });

  it('answers 409 for a username taken in any case, and leaves the account as it was', async () => {
    await server.createUser({ username: 'TakenName' });
    const { user, http } = await server.signedIn();
    const res = await http.patch('/api/client/account', { username: 'takenname', name_first: 'Changed' });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ errors: ['username already taken'] });
    const after = await http.get('/api/client/account');
    expect(after.body.user).toMatchObject({ username: user.username, name_first: user.username });
  });

  it('lets an account change the case of its own username', async () => {
    const { http } = await server.signedIn({ username: 'casey' });
    const res = await http.patch('/api/client/account', { username: 'Casey' });
    expect(res.status).toBe(200);
    expect(res.body.user.username).toBe('Casey');
  });

  it('refuses a language change when the panel disallows it, but not the same language', async () => {
    const fixed = await startTestServer({ ALLOW_LANGUAGE_CHANGE: 'false' });
    try {
      const { http } = await fixed.signedIn();
      const res = await http.patch('/api/client/account', { language: 'fr' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0]).toMatch(/^language: /);
      expect((await http.patch('/api/client/account', { language: 'en', name_first: 'Same' })).status).toBe(200);
    } finally {
      await fixed.close();
    }
  });

  it('needs account.infos when called with a key', async () => {
    const { http } = await server.signedIn();
    const created = await http.post('/api/client/account/api-keys', { name: 'reader', allowed_ips: [], user_permissions: ['api-keys.read'], admin_permissions: [], server_permissions: [] });
    const res = await http.withKey(created.body.key).patch('/api/client/account', { name_first: 'Nope' });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ errors: ['you do not have permission to perform this action: account.infos'] });
  });
});

describe('POST /api/client/account/password', () => {
  it('changes the password, ends the other sessions and keeps this one', async () => {
    const { user, http } = await server.signedIn();
    const other = server.client();
    await other.post('/api/auth/login', { user: user.username, password: user.password });
    const res = await http.post('/api/client/account/password', { current_password: user.password, password: 'a brand new secret', password_confirmation: 'a brand new secret' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    expect((await http.get('/api/client/account')).status).toBe(200);
    expect((await other.get('/api/client/account')).body).toEqual({ errors: ['invalid session'] });
    expect((await server.client().post('/api/auth/login', { user: user.username, password: user.password })).status).toBe(400);
    expect((await server.client().post('/api/auth/login', { user: user.username, password: 'a brand new secret' })).status).toBe(200);
  });

  it.each([
    [{ current_password: 'wrong password', password: 'new password 1', password_confirmation: 'new password 1' }, 'current_password: invalid password'],
    [{ current_password: 'PASSWORD', password: 'new password 1', password_confirmation: 'other password' }, 'password_confirmation: does not match'],
    [{ current_password: 'PASSWORD', password: 'short', password_confirmation: 'short' }, 'password: must be 8-512 characters'],
    [{ current_password: 'PASSWORD', password: 'x'.repeat(513), password_confirmation: 'x'.repeat(513) }, 'password: must be 8-512 characters'],
  ])('refuses %#', async (body, message) => {
    const { user, http } = await server.signedIn();
    const payload = { ...body, current_password: body.current_password === 'PASSWORD' ? user.password : body.current_password };
    const res = await http.post('/api/client/account/password', payload);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errors: [message] });
    expect((await server.client().post('/api/auth/login', { user: user.username, password: user.password })).status).toBe(200);
  });

  it('with a key, ends every session of the account', async () => {
    const { user, http } = await server.signedIn();
    const created = await http.post('/api/client/account/api-keys', { name: 'password-bot', allowed_ips: [], user_permissions: ['account.password'], admin_permissions: [], server_permissions: [] });
    const res = await http.withKey(created.body.key).post('/api/client/account/password', { current_password: user.password, password: 'changed by key', password_confirmation: 'changed by key' });
    expect(res.status).toBe(200);
    expect((await http.get('/api/client/account')).status).toBe(401);
  });
});

describe('POST /api/client/account/logout', () => {
  it('deletes the session and clears the cookie', async () => {
    const { http } = await server.signedIn();
    const cookie = http.cookie!;
    const res = await http.post('/api/client/account/logout');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    expect(res.headers.getSetCookie().some((line) => /^panel_session=;/.test(line) && /Max-Age=0/i.test(line))).toBe(true);
    const replay = await server.client({ cookie }).get('/api/client/account');
    expect(replay.status).toBe(401);
    expect(replay.body).toEqual({ errors: ['invalid session'] });
  });

  it('answers 400 when the request uses an API key', async () => {
    const { http } = await server.signedIn();
    const created = await http.post('/api/client/account/api-keys', { name: 'logout', allowed_ips: [], user_permissions: [], admin_permissions: [], server_permissions: [] });
    const res = await http.withKey(created.body.key).post('/api/client/account/logout');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errors: ['unable to log out when not using session authentication'] });
  });
});
