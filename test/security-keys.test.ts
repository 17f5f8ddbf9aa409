// Passkeys (SPEC §13) over HTTP with a software authenticator: registration, passkey
// sign-in, the two-factor checkpoint, replays, wrong origins, counters, other accounts'
// keys, deletion, two instances and the limit under concurrency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp } from '../src/server/start.ts';
import { SoftwareAuthenticator } from './support/authenticator.ts';
import { startTestServer, type TestServer } from './support/harness.ts';
import type { HttpClient } from './support/http.ts';
import { totpCode } from './support/totp.ts';

const APP_URL = 'http://localhost:3000';
const SECRET = { SESSION_SECRET: 'a shared secret of at least thirty-two characters' };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ APP_URL, ...SECRET });
});
afterAll(() => server.close());

/** Registers a new key of `authenticator` on a signed-in account; answers the finished key. */
async function register(http: HttpClient, authenticator: SoftwareAuthenticator, name = 'my passkey') {
  const begun = await http.post('/api/client/account/security-keys', { name });
  expect(begun.status, JSON.stringify(begun.body)).toBe(200);
  const finished = await http.post(`/api/client/account/security-keys/${begun.body.security_key.uuid}/challenge`, {
    public_key_credential: authenticator.create(begun.body.options),
  });
  expect(finished.status, JSON.stringify(finished.body)).toBe(200);
  return finished.body.security_key;
}

/** A signed-in account with one registered passkey. */
async function withPasskey(on = server, authenticator = new SoftwareAuthenticator(new URL(APP_URL).origin)) {
  const { user, http } = await on.signedIn();
  const key = await register(http, authenticator);
  return { user, http, authenticator, key };
}

async function passkeySignIn(client: HttpClient, authenticator: SoftwareAuthenticator, ceremony = {}) {
  const begun = await client.get('/api/auth/login/security-key');
  expect(begun.status).toBe(200);
  return client.post('/api/auth/login/security-key', { uuid: begun.body.uuid, public_key_credential: authenticator.get(begun.body.options, ceremony) });
}

const events = (userId: string, event: string) => server.services.db.activity.findMany({ where: { userId, event }, orderBy: { created: 'asc' } });

describe('registration', () => {
  it('begins with a pending key and creation options for this relying party, and finishes it', async () => {
    const { user, http } = await server.signedIn();
    const begun = await http.post('/api/client/account/security-keys', { name: ' laptop ' });
    expect(begun.status).toBe(200);
    expect(begun.body.security_key).toMatchObject({ name: 'laptop', credential_id: '', last_used: null });
    const { options } = begun.body;
    expect(options.rp).toEqual({ name: 'Panel', id: 'localhost' });
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'preferred', userVerification: 'required' });
    expect(options.attestation).toBe('none');
    expect(options.pubKeyCredParams.map((p: { alg: number }) => p.alg)).toContain(-7);
    expect(Buffer.from(options.user.id, 'base64url').toString()).toBe(user.id);

    // A pending key is not listed.
    expect((await http.get('/api/client/account/security-keys')).body.security_keys.total).toBe(0);

    const authenticator = new SoftwareAuthenticator('http://localhost:3000');
    const answer = authenticator.create(options);
    const finished = await http.post(`/api/client/account/security-keys/${begun.body.security_key.uuid}/challenge`, { public_key_credential: answer });
    expect(finished.status).toBe(200);
    expect(finished.body.security_key).toMatchObject({ uuid: begun.body.security_key.uuid, name: 'laptop', credential_id: answer.id, last_used: null });
    const listed = await http.get('/api/client/account/security-keys');
    expect(listed.body.security_keys).toMatchObject({ total: 1, page: 1, per_page: 10 });
    expect(Object.keys(listed.body.security_keys.data[0]).sort()).toEqual(['created', 'credential_id', 'last_used', 'name', 'uuid']);
    expect((await events(user.id, 'security-key:create')).map((e) => e.data)).toEqual([{ uuid: begun.body.security_key.uuid, name: 'laptop' }]);

    // Finishing again: the key is registered.
    const again = await http.post(`/api/client/account/security-keys/${begun.body.security_key.uuid}/challenge`, { public_key_credential: answer });
    expect(again.body).toEqual({ errors: ['security key is already registered'] });
    expect(again.status).toBe(409);

    // The next registration excludes the key already there.
    const next = await http.post('/api/client/account/security-keys', { name: 'second' });
    expect(next.body.options.excludeCredentials).toEqual([{ id: answer.id, type: 'public-key', transports: ['internal'] }]);
  });

  it('checks names, finds only its own keys, and refuses a challenge answered twice or wrongly', async () => {
    const { http, key } = await withPasskey();
    expect((await http.post('/api/client/account/security-keys', { name: 'ab' })).body).toEqual({ errors: ['name: must be 3-31 characters'] });
    expect((await http.post('/api/client/account/security-keys', { name: 'x'.repeat(32) })).status).toBe(400);
    expect((await http.post('/api/client/account/security-keys', { name: 'abc', extra: 1 })).status).toBe(400);
    const taken = await http.post('/api/client/account/security-keys', { name: 'my passkey' });
    expect(taken.status).toBe(409);
    expect(taken.body).toEqual({ errors: ['security key with name already exists'] });

    const other = await server.signedIn();
    const probe = await other.http.post('/api/client/account/security-keys', { name: 'probe' });
    const missing = await other.http.post(`/api/client/account/security-keys/${key.uuid}/challenge`, { public_key_credential: new SoftwareAuthenticator(APP_URL).create(probe.body.options) });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errors: ['security key not found'] });

    // A wrong answer spends the challenge: the right one after it finds none.
    const begun = await http.post('/api/client/account/security-keys', { name: 'phone' });
    const fresh = new SoftwareAuthenticator(APP_URL);
    const wrong = await http.post(`/api/client/account/security-keys/${begun.body.security_key.uuid}/challenge`, {
      public_key_credential: fresh.create(begun.body.options, { origin: 'https://evil.example' }),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ errors: ['failed to finish security key registration'] });
    const late = await http.post(`/api/client/account/security-keys/${begun.body.security_key.uuid}/challenge`, { public_key_credential: fresh.create(begun.body.options) });
    expect(late.status).toBe(400);
    expect(late.body).toEqual({ errors: ['invalid or expired challenge'] });

    // An answer for the wrong relying party.
    const again = await http.post('/api/client/account/security-keys', { name: 'tablet' });
    const wrongRp = await http.post(`/api/client/account/security-keys/${again.body.security_key.uuid}/challenge`, {
      public_key_credential: new SoftwareAuthenticator(APP_URL).create(again.body.options, { rpId: 'evil.example' }),
    });
    expect(wrongRp.body).toEqual({ errors: ['failed to finish security key registration'] });
  });

  it('refuses transports that are not plain text before the answer is checked', async () => {
    const { http } = await server.signedIn();
    const begun = await http.post('/api/client/account/security-keys', { name: 'odd transports' });
    const answer = new SoftwareAuthenticator(APP_URL).create(begun.body.options);
    for (const [transport, problem] of [
      ['us\u0000b', 'must not contain control characters'],
      ['usb\ud800', 'must be valid Unicode text'],
    ]) {
      const res = await http.post(`/api/client/account/security-keys/${begun.body.security_key.uuid}/challenge`, {
        public_key_credential: { ...answer, response: { ...answer.response, transports: [transport] } },
      });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ errors: [`public_key_credential.response.transports.0: ${problem}`] });
    }
    // The challenge is still there for the answer as the authenticator gave it.
    expect((await http.post(`/api/client/account/security-keys/${begun.body.security_key.uuid}/challenge`, { public_key_credential: answer })).status).toBe(200);
  });

  it('renames and deletes, with the events, and 404 for what is not there', async () => {
    const { user, http, key } = await withPasskey();
    const renamed = await http.patch(`/api/client/account/security-keys/${key.uuid}`, { name: 'yubikey' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.security_key).toMatchObject({ uuid: key.uuid, name: 'yubikey', credential_id: key.credential_id });
    await register(http, new SoftwareAuthenticator(APP_URL), 'other');
    expect((await http.patch(`/api/client/account/security-keys/${key.uuid}`, { name: 'other' })).body).toEqual({ errors: ['security key with name already exists'] });
    expect((await http.patch('/api/client/account/security-keys/00000000-0000-4000-8000-000000000000', { name: 'nothing' })).body).toEqual({ errors: ['security key not found'] });

    const stranger = await server.signedIn();
    expect((await stranger.http.delete(`/api/client/account/security-keys/${key.uuid}`)).status).toBe(404);
    expect((await http.delete(`/api/client/account/security-keys/${key.uuid}`)).status).toBe(200);
    expect((await http.delete(`/api/client/account/security-keys/${key.uuid}`)).body).toEqual({ errors: ['security key not found'] });
    expect((await events(user.id, 'security-key:update')).map((e) => e.data)).toEqual([{ uuid: key.uuid, name: 'yubikey' }]);
    expect((await events(user.id, 'security-key:delete')).map((e) => e.data)).toEqual([{ uuid: key.uuid, name: 'yubikey' }]);
  });

  it('needs the permissions of the contract', async () => {
    const { http } = await server.signedIn();
    const created = await http.post('/api/client/account/api-keys', { name: 'reader', allowed_ips: [], user_permissions: ['security-keys.read'], admin_permissions: [], server_permissions: [] });
    const viaKey = server.client().withKey(created.body.key);
    expect((await viaKey.get('/api/client/account/security-keys')).status).toBe(200);
    expect((await viaKey.post('/api/client/account/security-keys', { name: 'nope' })).body).toEqual({ errors: ['you do not have permission to perform this action: security-keys.create'] });

    // A security key signs in with all of the account's rights: a key never registers one, even one that lists the permission.
    const lister = await http.post('/api/client/account/api-keys', { name: 'registrar', allowed_ips: [], user_permissions: ['security-keys.create'], admin_permissions: [], server_permissions: [] });
    const refused = await server.client().withKey(lister.body.key).post('/api/client/account/security-keys', { name: 'escalate' });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ errors: ['you do not have permission to perform this action: security-keys.create'] });
  });

  it('forgets a pending key and its challenge once they expire', async () => {
    const { user, http } = await server.signedIn();
    const begun = await http.post('/api/client/account/security-keys', { name: 'abandoned' });
    const { db } = server.services;
    expect(await db.securityKey.count({ where: { userId: user.id } })).toBe(1);
    await cleanUp(server.services, Date.now() + 6 * 60 * 1000);
    expect(await db.securityKey.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.webauthnChallenge.count({ where: { userId: user.id } })).toBe(0);
    const late = await http.post(`/api/client/account/security-keys/${begun.body.security_key.uuid}/challenge`, { public_key_credential: new SoftwareAuthenticator(APP_URL).create(begun.body.options) });
    expect(late.status).toBe(404);
  });

  it('begins a registration again under the same name while the first is still pending', async () => {
    const { http } = await server.signedIn();
    await http.post('/api/client/account/security-keys', { name: 'retry' });
    const again = await http.post('/api/client/account/security-keys', { name: 'retry' });
    expect(again.status).toBe(200);
    const finished = await http.post(`/api/client/account/security-keys/${again.body.security_key.uuid}/challenge`, { public_key_credential: new SoftwareAuthenticator(APP_URL).create(again.body.options) });
    expect(finished.status).toBe(200);
  });
});

describe('passkey sign-in', () => {
  it('is discoverable, finds the account from the credential, and signs in with no checkpoint', async () => {
    const { user, authenticator, http } = await withPasskey();
    // Two-factor on does not add a checkpoint after a passkey.
    const setup = await http.get('/api/client/account/two-factor');
    expect((await http.post('/api/client/account/two-factor', { code: await totpCode(setup.body.secret), password: user.password })).status).toBe(200);

    const client = server.client();
    const begun = await client.get('/api/auth/login/security-key');
    expect(begun.status).toBe(200);
    expect(begun.body.options).not.toHaveProperty('allowCredentials');
    expect(begun.body.options).toMatchObject({ rpId: 'localhost', userVerification: 'required' });
    const answer = authenticator.get(begun.body.options);
    const signedIn = await client.post('/api/auth/login/security-key', { uuid: begun.body.uuid, public_key_credential: answer });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ type: 'completed', user: { uuid: user.id, username: user.username } });
    expect(client.cookie).toBeDefined();
    expect((await client.get('/api/client/account')).body.user.uuid).toBe(user.id);
    const [listed] = (await http.get('/api/client/account/security-keys')).body.security_keys.data;
    expect(listed.last_used).not.toBeNull();
    expect((await events(user.id, 'auth:success')).map((e) => e.data)).toContainEqual({ method: 'security_key' });

    // The same answer again: its challenge is spent.
    const replay = await server.client().post('/api/auth/login/security-key', { uuid: begun.body.uuid, public_key_credential: answer });
    expect(replay.status).toBe(400);
    expect(replay.body).toEqual({ errors: ['invalid or expired challenge'] });
    // The same answer against a new challenge: the signature is over the old one.
    const other = await server.client().get('/api/auth/login/security-key');
    const moved = await server.client().post('/api/auth/login/security-key', { uuid: other.body.uuid, public_key_credential: answer });
    expect(moved.body).toEqual({ errors: ['failed to finish security key authentication'] });
    expect((await events(user.id, 'auth:failure')).map((e) => e.data)).toEqual([{ method: 'security_key', reason: 'security_key' }]);
  });

  it('refuses a wrong origin or RP ID, and an unknown challenge', async () => {
    const { authenticator } = await withPasskey();
    expect((await passkeySignIn(server.client(), authenticator, { origin: 'https://evil.example' })).body).toEqual({ errors: ['failed to finish security key authentication'] });
    expect((await passkeySignIn(server.client(), authenticator, { origin: 'http://localhost:3001' })).status).toBe(400);
    expect((await passkeySignIn(server.client(), authenticator, { rpId: 'evil.example' })).body).toEqual({ errors: ['failed to finish security key authentication'] });
    const begun = await server.client().get('/api/auth/login/security-key');
    const unknown = await server.client().post('/api/auth/login/security-key', { uuid: '00000000-0000-4000-8000-000000000000', public_key_credential: authenticator.get(begun.body.options) });
    expect(unknown.body).toEqual({ errors: ['invalid or expired challenge'] });
    expect((await passkeySignIn(server.client(), authenticator)).status).toBe(200);
  });

  it('refuses a signature counter that goes backwards, and accepts one that never counts', async () => {
    const { authenticator } = await withPasskey();
    expect((await passkeySignIn(server.client(), authenticator)).status).toBe(200);
    expect((await passkeySignIn(server.client(), authenticator)).status).toBe(200);
    // A clone of the authenticator, one step behind.
    authenticator.credentials[0]!.counter -= 2;
    expect((await passkeySignIn(server.client(), authenticator)).body).toEqual({ errors: ['failed to finish security key authentication'] });

    const silent = await withPasskey(server, new SoftwareAuthenticator(APP_URL, 0));
    expect((await passkeySignIn(server.client(), silent.authenticator)).status).toBe(200);
    expect((await passkeySignIn(server.client(), silent.authenticator)).status).toBe(200);
  });

  it('no longer signs in with a deleted key', async () => {
    const { http, authenticator, key } = await withPasskey();
    expect((await http.delete(`/api/client/account/security-keys/${key.uuid}`)).status).toBe(200);
    expect((await passkeySignIn(server.client(), authenticator)).body).toEqual({ errors: ['failed to finish security key authentication'] });
  });

  it('is rate-limited as login, per client address', async () => {
    const limited = await startTestServer({ APP_URL, RATE_LIMIT_LOGIN: '2/60' });
    try {
      expect((await limited.client().get('/api/auth/login/security-key')).status).toBe(200);
      expect((await limited.client().post('/api/auth/login', { user: 'nobody', password: 'wrong password' })).status).toBe(400);
      const refused = await limited.client().get('/api/auth/login/security-key');
      expect(refused.status).toBe(429);
      expect(refused.body.errors[0]).toMatch(/^you are ratelimited, retry in \d+s$/);
      expect((await limited.client().post('/api/auth/login/security-key', { uuid: 'x', public_key_credential: {} })).status).toBe(400);
    } finally {
      await limited.close();
    }
  });

  it('over /trpc, beginning a sign-in is a mutation', async () => {
    const res = await server.client().post('/trpc/auth.securityKeyOptions', {});
    expect(res.status).toBe(200);
    expect(res.body.result.data.json.options.rpId).toBe('localhost');
    expect((await server.client().get('/trpc/auth.securityKeyOptions')).status).toBe(405);
  });
});

describe('the two-factor checkpoint', () => {
  async function twoFactorAccount() {
    const passkey = await withPasskey();
    const setup = await passkey.http.get('/api/client/account/two-factor');
    expect((await passkey.http.post('/api/client/account/two-factor', { code: await totpCode(setup.body.secret), password: passkey.user.password })).status).toBe(200);
    return passkey;
  }
  const login = (user: { username: string; password: string }) => server.client().post('/api/auth/login', { user: user.username, password: user.password });

  it('offers the account\'s keys at login and accepts one of them in place of a code', async () => {
    const { user, authenticator, key } = await twoFactorAccount();
    const first = await login(user);
    expect(first.body.type).toBe('two_factor_required');
    expect(first.body.security_key_options.allowCredentials).toEqual([{ id: key.credential_id, type: 'public-key', transports: ['internal'] }]);
    expect(first.body.security_key_options.userVerification).toBe('required');
    const client = server.client();
    const answer = authenticator.get(first.body.security_key_options);
    const done = await client.post('/api/auth/login/checkpoint', { confirmation_token: first.body.token, public_key_credential: answer });
    expect(done.status).toBe(200);
    expect(done.body.user.uuid).toBe(user.id);
    expect((await client.get('/api/client/account')).status).toBe(200);

    // Its challenge is spent, also for a new token of the same account.
    const second = await login(user);
    const replay = await server.client().post('/api/auth/login/checkpoint', { confirmation_token: second.body.token, public_key_credential: answer });
    expect(replay.body).toEqual({ errors: ['invalid or expired challenge'] });
  });

  it('records an answer to an unknown or spent challenge as a failed sign-in of the account', async () => {
    const { user, authenticator } = await twoFactorAccount();
    const first = await login(user);
    const answer = authenticator.get(first.body.security_key_options);
    expect((await server.client().post('/api/auth/login/checkpoint', { confirmation_token: first.body.token, public_key_credential: answer })).status).toBe(200);
    const second = await login(user);
    const replay = await server.client().post('/api/auth/login/checkpoint', { confirmation_token: second.body.token, public_key_credential: answer });
    expect(replay.body).toEqual({ errors: ['invalid or expired challenge'] });
    expect((await events(user.id, 'auth:failure')).map((e) => e.data)).toEqual([{ method: 'security_key', reason: 'security_key' }]);
    expect(await server.services.db.rateLimitHit.count({ where: { bucket: `account-failures:${user.id}` } })).toBe(1);
  });

  it('takes exactly one of code and public_key_credential', async () => {
    const { user, authenticator } = await twoFactorAccount();
    const first = await login(user);
    const answer = authenticator.get(first.body.security_key_options);
    const both = await server.client().post('/api/auth/login/checkpoint', { confirmation_token: first.body.token, code: '123456', public_key_credential: answer });
    expect(both.status).toBe(400);
    expect(both.body).toEqual({ errors: ['code: give either code or public_key_credential'] });
    expect((await server.client().post('/api/auth/login/checkpoint', { confirmation_token: first.body.token })).status).toBe(400);
  });

  it('refuses another account\'s key, and says nothing of keys for an account without any', async () => {
    const victim = await twoFactorAccount();
    const attacker = await twoFactorAccount();
    const first = await login(victim.user);
    // The attacker's authenticator answers the victim's challenge with its own key.
    const answer = attacker.authenticator.get(first.body.security_key_options, {}, attacker.authenticator.credentials[0]);
    const refused = await server.client().post('/api/auth/login/checkpoint', { confirmation_token: first.body.token, public_key_credential: answer });
    expect(refused.body).toEqual({ errors: ['failed to finish security key authentication'] });
    expect((await events(victim.user.id, 'auth:failure')).map((e) => e.data)).toEqual([{ method: 'security_key', reason: 'security_key' }]);

    const plain = await server.signedIn();
    const setup = await plain.http.get('/api/client/account/two-factor');
    await plain.http.post('/api/client/account/two-factor', { code: await totpCode(setup.body.secret), password: plain.user.password });
    const noKeys = await login(plain.user);
    expect(noKeys.body.type).toBe('two_factor_required');
    expect(noKeys.body).not.toHaveProperty('security_key_options');
  });
});

describe('across instances', () => {
  it('finishes on a second instance what the first began', async () => {
    const second = await startTestServer({ APP_URL, ...SECRET }, { reuse: { databaseUrl: server.databaseUrl, dataDir: server.dataDir } });
    try {
      const { http } = await server.signedIn();
      const authenticator = new SoftwareAuthenticator(APP_URL);
      const begun = await http.post('/api/client/account/security-keys', { name: 'roaming' });
      const onSecond = second.client({ cookie: http.cookie! });
      const finished = await onSecond.post(`/api/client/account/security-keys/${begun.body.security_key.uuid}/challenge`, { public_key_credential: authenticator.create(begun.body.options) });
      expect(finished.status).toBe(200);

      const options = await second.client().get('/api/auth/login/security-key');
      const client = server.client();
      const signedIn = await client.post('/api/auth/login/security-key', { uuid: options.body.uuid, public_key_credential: authenticator.get(options.body.options) });
      expect(signedIn.status).toBe(200);
      // And the spent challenge is spent on both.
      const replay = await second.client().post('/api/auth/login/security-key', { uuid: options.body.uuid, public_key_credential: authenticator.get(options.body.options) });
      expect(replay.body).toEqual({ errors: ['invalid or expired challenge'] });
    } finally {
      await second.close();
    }
  });
});

describe('the limit', () => {
  it('holds exactly under concurrent registrations', async () => {
    const limited = await startTestServer({ APP_URL, SECURITY_KEY_LIMIT: '3' });
    try {
      const { http } = await limited.signedIn();
      const answers = await Promise.all(Array.from({ length: 10 }, (_, n) => http.post('/api/client/account/security-keys', { name: `key number ${n}` })));
      expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
      for (const refused of answers.filter((a) => a.status !== 200)) {
        expect(refused.status).toBe(409);
        expect(refused.body).toEqual({ errors: ['maximum number of security keys reached'] });
      }
      const authenticator = new SoftwareAuthenticator(APP_URL);
      const begun = answers.filter((a) => a.status === 200);
      await Promise.all(begun.map((a) => http.post(`/api/client/account/security-keys/${a.body.security_key.uuid}/challenge`, { public_key_credential: authenticator.create(a.body.options) })));
      expect((await http.get('/api/client/account/security-keys')).body.security_keys.total).toBe(3);
    } finally {
      await limited.close();
    }
  });
});
