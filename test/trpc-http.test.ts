// /trpc answers a single GET query itself, without tRPC's resolveResponse (src/server/trpc-http.ts);
// every other request still goes through resolveResponse. Here each query is sent twice over
// HTTP: as the typed client sends it, and with one more query parameter, which resolveResponse
// ignores and which sends the request its way. Status, headers and body must be the same.
import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateApiKey } from '../src/rules/api-keys.ts';
import { startTestServer, type TestServer } from './support/harness.ts';

const FRONTEND = 'http://127.0.0.1:5173';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ CORS_ORIGINS: FRONTEND });
});
afterAll(() => server.close());

async function keyFor(userId: string, userPermissions: string[]) {
  const key = generateApiKey();
  await server.services.db.apiKey.create({
    data: { id: crypto.randomUUID(), userId, name: `key-${userPermissions.length}`, keyStart: key.keyStart, keyHash: key.keyHash, allowedIps: [], userPermissions, adminPermissions: [], serverPermissions: [] },
  });
  return { authorization: `Bearer ${key.key}` };
}

/** What a client sees of an answer; the date is the clock's. */
async function seen(path: string, headers: Record<string, string>) {
  const res = await fetch(`${server.url}${path}`, { headers });
  const seenHeaders = [...res.headers].filter(([name]) => name !== 'date');
  return { status: res.status, headers: seenHeaders, body: await res.text() };
}

/** The same GET through both paths: the answers, which must be one. */
async function bothWays(path: string, headers: Record<string, string>) {
  const direct = await seen(path, headers);
  const viaResolveResponse = await seen(`${path}${path.includes('?') ? '&' : '?'}through=resolve-response`, headers);
  expect(direct).toEqual(viaResolveResponse);
  return direct;
}

const input = (value: unknown) => `input=${encodeURIComponent(JSON.stringify({ json: value }))}`;

it('answers single queries exactly as resolveResponse does, success and every error', async () => {
  const user = await server.createUser();
  const full = await keyFor(user.id, ['account.infos', 'api-keys.read']);
  const narrow = await keyFor(user.id, ['account.infos']);
  const cors = { origin: FRONTEND };

  const cases: [path: string, headers: Record<string, string>, status: number][] = [
    ['/trpc/account.get', full, 200],
    ['/trpc/account.get', { ...full, ...cors }, 200],
    [`/trpc/apiKeys.list?${input({ per_page: 1 })}`, full, 200],
    ['/trpc/apiKeys.list', full, 200],
    // Invalid input: a failed check, JSON that does not parse, a value of the wrong type.
    [`/trpc/apiKeys.list?${input({ per_page: 0 })}`, full, 400],
    [`/trpc/apiKeys.list?${input({ per_page: 1, color: 'red' })}`, { ...full, ...cors }, 400],
    ['/trpc/apiKeys.list?input=%7B', full, 400],
    [`/trpc/apiKeys.list?${input('five')}`, full, 400],
    ['/trpc/account.get', {}, 401],
    ['/trpc/account.get', { authorization: 'Bearer ptlc_nothing' }, 401],
    ['/trpc/account.get', { cookie: 'panel_session=nothing' }, 401],
    ['/trpc/apiKeys.list', narrow, 403],
    ['/trpc/apiKeys.list', { ...narrow, ...cors }, 403],
    // A content type other than JSON's: resolveResponse answers both ways.
    ['/trpc/account.get', { ...full, 'content-type': 'application/json; charset=utf-8' }, 200],
    ['/trpc/account.get', { ...full, 'content-type': 'multipart/form-data; boundary=x' }, 405],
    ['/trpc/account.get', { ...full, 'content-type': 'application/octet-stream' }, 405],
    // Neither a query nor a procedure: resolveResponse answers both ways.
    ['/trpc/account.update', full, 405],
    ['/trpc/account.nothing', full, 404],
  ];
  for (const [path, headers, status] of cases) {
    const answer = await bothWays(path, headers);
    expect(answer.status, path).toBe(status);
    expect(Object.fromEntries(answer.headers)).toMatchObject({ 'cache-control': 'no-store' });
    // tRPC refuses a form or a byte stream on a GET in plain text.
    const json = !headers['content-type'] || headers['content-type'].startsWith('application/json');
    if (json) expect(Object.fromEntries(answer.headers)).toMatchObject({ 'content-type': 'application/json' });
    if (headers.origin) expect(Object.fromEntries(answer.headers)).toMatchObject({ 'access-control-allow-origin': FRONTEND, 'access-control-allow-credentials': 'true' });
  }
});

it('answers a signed-in browser the same both ways', async () => {
  const { http } = await server.signedIn();
  const answer = await bothWays('/trpc/account.get', { cookie: http.cookie! });
  expect(answer.status).toBe(200);
});

it('reads a query whose URL carries a fragment as resolveResponse does', async () => {
  const user = await server.createUser();
  const full = await keyFor(user.id, ['account.infos', 'api-keys.read']);
  const path = `/trpc/apiKeys.list?${input({ per_page: 1 })}`;
  const raw = (target: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${server.url}${path}`, { path: target, headers: full }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject).end();
    });
  const plain = await raw(path);
  expect(plain.status).toBe(200);
  expect(await raw(`${path}#fragment`)).toEqual(plain);
});
