// Hostile input to every REST route (fast-check): never a 5xx, always the contract's error
// shape, and nothing changed by a request that was refused.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restRoutes } from '../src/server/rest.ts';
import { SoftwareAuthenticator } from './support/authenticator.ts';
import { startTestServer, type TestServer } from './support/harness.ts';
import type { HttpClient } from './support/http.ts';

let server: TestServer;
let http: HttpClient;
let user: { id: string; username: string; password: string };
const knownIds: string[] = [];
beforeAll(async () => {
  server = await startTestServer();
  ({ user, http } = await server.signedIn());
  // Something for the routes that take an id to find, so that a refused change has something to leave alone.
  const apiKey = await http.post('/api/client/account/api-keys', { name: 'fuzzed', allowed_ips: [], user_permissions: ['account.infos'], admin_permissions: [], server_permissions: [] });
  const sshKey = await http.post('/api/client/account/ssh-keys', { name: 'fuzzed', public_key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC4GGtq9OI+VCiDgWmCWrZvIuW0YZTZuidj61QffmScB' });
  knownIds.push(apiKey.body.api_key.uuid, sshKey.body.ssh_key.uuid);
});
afterAll(() => server.close());

/** What a refused request must leave as it was. */
async function snapshot() {
  const db = server.services.db;
  const [row, keys, sessions, codes, activities, sshKeys, securityKeys] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: user.id } }),
    db.apiKey.findMany({ where: { userId: user.id }, orderBy: { id: 'asc' } }),
    db.session.count({ where: { userId: user.id } }),
    db.recoveryCode.count({ where: { userId: user.id } }),
    // A failed sign-in is recorded, as it must be (SPEC §10): every other entry would be a change.
    db.activity.count({ where: { userId: user.id, event: { not: 'auth:failure' } } }),
    db.sshKey.findMany({ where: { userId: user.id }, orderBy: { id: 'asc' } }),
    db.securityKey.findMany({ where: { userId: user.id }, orderBy: { id: 'asc' }, select: { id: true, name: true, credentialId: true, counter: true } }),
  ]);
  return JSON.stringify({ row, keys, sessions, codes, activities, sshKeys, securityKeys }, (_, value) => (typeof value === 'bigint' ? String(value) : value));
}

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ' ', '\u0000', '\u202e', '🦀'.repeat(40), '../../etc/passwd', "' OR 1=1 --", '<script>', 'ptlc_' + 'A'.repeat(43), '10.0.0.0/8', '::ffff:1.2.3.4', 'a@b.co', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC4GGtq9OI+VCiDgWmCWrZvIuW0YZTZuidj61QffmScB', 'ssh-rsa AAAA', 'SHA256:'),
  fc.integer().map(String),
);

const hostileValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 5 }),
  ),
})).value;

const fieldNames = fc.constantFrom('user', 'password', 'code', 'confirmation_token', 'username', 'name_first', 'language', 'toast_position', 'start_on_grouped_servers', 'current_password', 'password_confirmation', 'name', 'allowed_ips', 'user_permissions', 'admin_permissions', 'server_permissions', 'expires', 'email', 'public_key', 'token', 'uuid', 'public_key_credential', '__proto__', 'constructor', 'prototype');

/** A body as raw text: JSON objects with known and unknown fields, or not JSON at all. */
const body = fc.oneof(
  fc.dictionary(fieldNames, hostileValue, { maxKeys: 6 }).map((value) => JSON.stringify(value)),
  fc.dictionary(fieldNames, hostileValue, { maxKeys: 3 }).map((value) => JSON.stringify(value).replace('{', '{"__proto__":{"admin":true},')),
  hostileValue.map((value) => JSON.stringify(value) ?? 'null'),
  fc.string().map((text) => `{${text}`),
  fc.constantFrom('', '{', 'null', '[]', '"x"', '{"user":', '\u0000', `{"name":"${'x'.repeat(70_000)}"}`),
);

const contentType = fc.constantFrom<string | undefined>('application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', undefined);

const pathParam = fc.oneof(fc.uuid(), fc.nat().map((i) => knownIds[i % knownIds.length]!), hostileString.filter((s) => s.length > 0).map(encodeURIComponent));

const query = fc.dictionary(fc.constantFrom('page', 'per_page', 'search', 'code', 'password', '__proto__'), hostileString, { maxKeys: 3 }).map((entries) => {
  const params = new URLSearchParams(entries as Record<string, string>).toString();
  return params ? `?${params}` : '';
});

const isErrorBody = (value: unknown) =>
  typeof value === 'object' && value !== null && Object.keys(value).join() === 'errors' &&
  Array.isArray((value as { errors: unknown }).errors) && (value as { errors: unknown[] }).errors.length > 0 &&
  (value as { errors: unknown[] }).errors.every((message) => typeof message === 'string' && message.length > 0);

describe.each(
  restRoutes()
    .filter((route) => !route.pattern.source.includes('logout'))
    .map((route) => ({ ...route, path: route.pattern.source.replace(/^\^/, '').replace(/\/\?\$$/, '') })),
)('$method $path', ({ method, path }) => {
  it('refuses hostile input cleanly and changes nothing when it refuses', async () => {
    await fc.assert(
      fc.asyncProperty(body, contentType, pathParam, query, fc.boolean(), async (text, type, param, search, withCookie) => {
        const url = '/api' + path.replace('[^/]+', param) + (method === 'GET' || method === 'DELETE' ? search : '');
        const headers: Record<string, string> = withCookie ? { cookie: http.cookie! } : {};
        if (type) headers['content-type'] = type;
        const before = await snapshot();
        const res = await server.client().request(method, url, method === 'GET' ? undefined : text, headers);
        expect(res.status, `${method} ${url} ${text.slice(0, 200)}`).toBeLessThan(500);
        if (res.status >= 400) {
          expect(isErrorBody(res.body), `${method} ${url} answered ${res.text.slice(0, 200)}`).toBe(true);
          expect(await snapshot()).toBe(before);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 40) },
    );
  }, 120_000);
});

// WebAuthn answers that pass the shape check but hold anything: the library must refuse
// them as a 400, never a 500, wherever an answer is taken.
const encoded = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
  fc.jsonValue({ maxDepth: 2 }).map((value) => Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge: value, origin: value })).toString('base64url')),
  fc.constantFrom('', 'AA', 'pQ', 'oWNmbXRkbm9uZQ'),
);
/** The id of a key registered on the fuzzed account, so that answers naming it reach the signature checks. */
let registeredId = '';
const credential = fc.record({
  id: fc.oneof(encoded, fc.constant(0).map(() => registeredId)),
  rawId: encoded,
  type: fc.constant('public-key'),
  response: fc.record({ clientDataJSON: encoded, authenticatorData: encoded, signature: encoded, attestationObject: encoded, userHandle: encoded }, { requiredKeys: ['clientDataJSON'] }),
  clientExtensionResults: fc.constant({}),
});

describe('WebAuthn answers', () => {
  beforeAll(async () => {
    const begun = await http.post('/api/client/account/security-keys', { name: 'registered key' });
    const answer = new SoftwareAuthenticator(server.services.config.appUrl.origin).create(begun.body.options);
    expect((await http.post(`/api/client/account/security-keys/${begun.body.security_key.uuid}/challenge`, { public_key_credential: answer })).status).toBe(200);
    registeredId = answer.id;
  });

  it('are refused cleanly at sign-in, at the checkpoint and when finishing a registration', async () => {
    await fc.assert(
      fc.asyncProperty(credential, async (answer) => {
        const begun = await server.client().get('/api/auth/login/security-key');
        const pending = await http.post('/api/client/account/security-keys', { name: 'fuzzed key' });
        const before = await snapshot();
        const replies = await Promise.all([
          server.client().post('/api/auth/login/security-key', { uuid: begun.body.uuid, public_key_credential: answer }),
          server.client().post('/api/auth/login/checkpoint', { confirmation_token: 'x', public_key_credential: answer }),
          http.post(`/api/client/account/security-keys/${pending.body.security_key.uuid}/challenge`, { public_key_credential: answer }),
        ]);
        for (const res of replies) {
          expect(res.status, res.text.slice(0, 200)).toBeLessThan(500);
          expect(isErrorBody(res.body), res.text.slice(0, 200)).toBe(true);
        }
        expect(await snapshot()).toBe(before);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 40) },
    );
  }, 120_000);
});
