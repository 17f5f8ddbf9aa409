// Which pages may change an account through its cookie (SPEC §3, §9b), on both faces, and
// the CORS answers a frontend on another origin gets (SPEC §9c). fetch adds no Origin or
// Sec-Fetch-Site of its own, so each case sends exactly the headers a browser would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from './support/http.ts';
import { startTestServer, type TestServer } from './support/harness.ts';

const APP = 'https://panel.example.com';
const FRONTEND = 'http://localhost:5173';

let server: TestServer;
let bare: TestServer;
beforeAll(async () => {
  [server, bare] = await Promise.all([startTestServer({ APP_URL: APP, CORS_ORIGINS: `${FRONTEND},https://admin.example.net`, RATE_LIMIT_PASSWORD_FORGOT: '1000/3600' }), startTestServer()]);
});
afterAll(async () => {
  await Promise.all([server.close(), bare.close()]);
});

/** A change on each face, and two-factor setup on each (a GET over REST). */
const changes: [string, (http: HttpClient, headers: Record<string, string>) => Promise<{ status: number; body: any }>][] = [
  ['PATCH /api/client/account', (http, headers) => http.patch('/api/client/account', { name_first: 'Changed' }, headers)],
  ['POST /trpc/account.update', (http, headers) => http.post('/trpc/account.update', { json: { name_first: 'Changed' } }, headers)],
  ['GET /api/client/account/two-factor', (http, headers) => http.get('/api/client/account/two-factor', headers)],
  ['POST /trpc/twoFactor.setup', (http, headers) => http.post('/trpc/twoFactor.setup', {}, headers)],
];

const refusal = (face: string, body: any) => (face.includes('/trpc/') ? body.error.json.data.errors : body.errors);

describe.each(changes)('%s with the session cookie', (face, change) => {
  it.each([
    [{ 'sec-fetch-site': 'same-site' }],
    [{ 'sec-fetch-site': 'same-site', origin: 'https://other.panel.example.com' }],
    [{ 'sec-fetch-site': 'cross-site' }],
    [{ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
    [{ 'sec-fetch-site': 'cross-site', origin: APP }],
    [{ origin: 'https://evil.example' }],
    [{ origin: 'http://panel.example.com' }],
    [{ origin: 'null' }],
    [{ 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' }],
  ])('refuses %j', async (headers) => {
    const { http } = await server.signedIn();
    const res = await change(http, headers);
    expect(res.status).toBe(403);
    expect(refusal(face, res.body)).toEqual(['cross-site request refused']);
  });

  it.each([
    [{}],
    [{ origin: APP }],
    [{ 'sec-fetch-site': 'same-origin', origin: APP }],
    [{ 'sec-fetch-site': 'none' }],
    [{ 'sec-fetch-site': 'same-site', origin: FRONTEND }],
    [{ 'sec-fetch-site': 'cross-site', origin: 'https://admin.example.net' }],
    [{ origin: FRONTEND }],
  ])('lets %j through', async (headers) => {
    const { http } = await server.signedIn();
    expect((await change(http, headers)).status).toBe(200);
  });

  it('takes the origin the request was addressed to for the panel only when APP_URL is not set', async () => {
    const { http } = await server.signedIn();
    const addressed = { origin: server.url.replace('localhost', '127.0.0.1') };
    expect((await change(http, addressed)).status).toBe(403);

    const local = await bare.signedIn();
    expect((await change(local.http, { origin: bare.url.replace('localhost', '127.0.0.1') })).status).toBe(200);
    expect((await change(local.http, { origin: bare.url.replace('localhost', '127.0.0.1').replace(/\d+$/, '9') })).status).toBe(403);
    expect((await change(local.http, { 'sec-fetch-site': 'same-site', origin: bare.url })).status).toBe(403);
  });
});

describe('CORS for the listed frontends', () => {
  const preflight = (path: string, origin: string, method: string, headers: string) =>
    fetch(`${server.url}${path}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers } });

  it.each([
    ['/trpc/account.update', 'POST', 'content-type,trpc-accept'],
    ['/trpc/account.get', 'GET', 'authorization'],
    ['/api/client/account', 'PATCH', 'content-type'],
    ['/api/client/account/api-keys/00000000-0000-4000-8000-000000000000', 'DELETE', 'authorization'],
  ])('answers the preflight of %s %s with 204', async (path, method, headers) => {
    const res = await preflight(path, FRONTEND, method, headers);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(FRONTEND);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-methods')?.split(',')).toContain(method);
    expect(res.headers.get('access-control-allow-headers')?.split(',')).toEqual(expect.arrayContaining(['content-type', 'authorization', 'trpc-accept']));
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('gives any other origin no CORS header, on a preflight or a call', async () => {
    for (const origin of ['https://evil.example', 'http://localhost:5174', APP, 'null']) {
      const res = await preflight('/trpc/account.update', origin, 'POST', 'content-type');
      expect([...res.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
      const call = await fetch(`${server.url}/api/client/account`, { headers: { origin } });
      expect([...call.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
    const plain = await bare.client().get('/api/client/account', { origin: FRONTEND });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets a listed frontend read answers and their Retry-After', async () => {
    const res = await fetch(`${server.url}/trpc/account.get`, { headers: { origin: FRONTEND } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe(FRONTEND);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-expose-headers')).toContain('retry-after');
  });
});

/**
 * The public calls that sign a browser in or recover an account: a foreign page must not drive
 * them either, or it signs the victim's browser into the attacker's account (login CSRF).
 */
/** Well formed, answering no challenge the server gave. */
const passkeyAnswer = { id: 'AAAA', rawId: 'AAAA', type: 'public-key', response: { clientDataJSON: 'AAAA', authenticatorData: 'AAAA', signature: 'AAAA' }, clientExtensionResults: {} };

const signIns: [string, (http: HttpClient, headers: Record<string, string>) => Promise<{ status: number; body: any }>, number][] = [
  ['POST /api/auth/login', (http, headers) => http.post('/api/auth/login', { user: 'nobody_here', password: 'a password' }, headers), 400],
  ['POST /trpc/auth.login', (http, headers) => http.post('/trpc/auth.login', { json: { user: 'nobody_here', password: 'a password' } }, headers), 400],
  ['POST /api/auth/login/checkpoint', (http, headers) => http.post('/api/auth/login/checkpoint', { confirmation_token: 'unknown', code: '123456' }, headers), 400],
  ['POST /trpc/auth.checkpoint', (http, headers) => http.post('/trpc/auth.checkpoint', { json: { confirmation_token: 'unknown', code: '123456' } }, headers), 400],
  ['GET /api/auth/login/security-key', (http, headers) => http.get('/api/auth/login/security-key', headers), 200],
  ['POST /trpc/auth.securityKeyOptions', (http, headers) => http.post('/trpc/auth.securityKeyOptions', {}, headers), 200],
  ['POST /api/auth/login/security-key', (http, headers) => http.post('/api/auth/login/security-key', { uuid: '00000000-0000-4000-8000-000000000000', public_key_credential: passkeyAnswer }, headers), 400],
  ['POST /trpc/auth.securityKeyLogin', (http, headers) => http.post('/trpc/auth.securityKeyLogin', { json: { uuid: '00000000-0000-4000-8000-000000000000', public_key_credential: passkeyAnswer } }, headers), 400],
  ['POST /api/auth/password/forgot', (http, headers) => http.post('/api/auth/password/forgot', { email: 'nobody@example.com' }, headers), 200],
  ['POST /trpc/auth.forgotPassword', (http, headers) => http.post('/trpc/auth.forgotPassword', { json: { email: 'nobody@example.com' } }, headers), 200],
  ['POST /api/auth/password/reset', (http, headers) => http.post('/api/auth/password/reset', { token: 'unknown', password: 'a new password' }, headers), 400],
  ['POST /trpc/auth.resetPassword', (http, headers) => http.post('/trpc/auth.resetPassword', { json: { token: 'unknown', password: 'a new password' } }, headers), 400],
];

describe.each(signIns)('%s, not signed in', (face, call, usual) => {
  it.each([
    [{ 'sec-fetch-site': 'cross-site' }],
    [{ 'sec-fetch-site': 'same-site', origin: 'https://other.panel.example.com' }],
    [{ origin: 'https://evil.example' }],
    [{ origin: 'null' }],
  ])('refuses %j', async (headers) => {
    const res = await call(server.client(), headers);
    expect(res.status).toBe(403);
    expect(refusal(face, res.body)).toEqual(['cross-site request refused']);
  });

  it.each([[{}], [{ origin: APP }], [{ 'sec-fetch-site': 'same-origin', origin: APP }], [{ 'sec-fetch-site': 'none' }], [{ origin: FRONTEND }]])(
    'answers %j as it always did',
    async (headers) => {
      expect((await call(server.client(), headers)).status).toBe(usual);
    },
  );
});

it('signs a browser in from the panel\'s own page and from a client that sends neither header', async () => {
  const user = await server.createUser();
  for (const headers of [{}, { 'sec-fetch-site': 'same-origin', origin: APP }] as Record<string, string>[]) {
    const http = server.client();
    expect((await http.post('/api/auth/login', { user: user.username, password: user.password }, headers)).status).toBe(200);
    expect((await http.get('/api/client/account')).status).toBe(200);
  }
  const forged = server.client();
  expect((await forged.post('/api/auth/login', { user: user.username, password: user.password }, { origin: 'https://evil.example' })).status).toBe(403);
  expect(forged.cookie).toBeUndefined();
});
