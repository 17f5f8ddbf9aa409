// The TypeScript frontend's view: the same procedures through @trpc/client with superjson,
// typed end to end by AppRouter.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, httpBatchLink, httpBatchStreamLink, httpLink, TRPCClientError } from '@trpc/client';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres } from '../scripts/throwaway-postgres.ts';
import type { AppRouter } from '../src/routers/index.ts';
import { trpcErrorShape } from '../src/server/error-mapping.ts';
import { DATABASE, startTestServer, type TestServer } from './support/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function client(cookieJar: { cookie?: string }, extraHeaders: Record<string, string> = {}, url = server.url) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${url}/trpc`,
        transformer: superjson,
        fetch: async (url, init) => {
          const headers = new Headers(init?.headers);
          if (cookieJar.cookie) headers.set('cookie', cookieJar.cookie);
          for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
          const res = await fetch(url, { ...(init as RequestInit), headers });
          const set = res.headers.getSetCookie().find((line) => line.startsWith('panel_session='));
          if (set) cookieJar.cookie = set.split(';')[0];
          return res;
        },
      }),
    ],
  });
}

it('signs in, reads and edits the profile, and manages keys with real types', async () => {
  const user = await server.createUser({ username: 'typed_user' });
  const jar: { cookie?: string } = {};
  const trpc = client(jar);

  const login = await trpc.auth.login.mutate({ user: 'typed_user', password: user.password });
  expect(login.type).toBe('completed');
  if (login.type !== 'completed') throw new Error('unreachable');
  // superjson brings Dates back as Dates.
  expect(login.user.created).toBeInstanceOf(Date);

  const me = await trpc.account.get.query();
  expect(me.user.username).toBe('typed_user');

  const updated = await trpc.account.update.mutate({ name_last: 'Typed' });
  expect(updated.user.name_last).toBe('Typed');

  const created = await trpc.apiKeys.create.mutate({ name: 'typed-key', allowed_ips: ['192.0.2.0/24'], user_permissions: ['account.infos'], admin_permissions: [], server_permissions: [] });
  expect(created.key).toMatch(/^ptlc_[A-Za-z0-9]{43}$/);
  // Inputs whose every field has a default may be left out.
  const keys = await trpc.apiKeys.list.query();
  expect(keys.api_keys.data.map((k) => k.name)).toEqual(['typed-key']);
  expect(keys.api_keys.data[0]!.created).toBeInstanceOf(Date);
  expect((await trpc.sessions.list.query()).sessions.total).toBe(1);
  expect((await trpc.apiKeys.list.query({ per_page: 1 })).api_keys.per_page).toBe(1);
});

it('makes two-factor setup a mutation, so that refetching a query cannot rotate the secret', async () => {
  const user = await server.createUser();
  const jar: { cookie?: string } = {};
  const trpc = client(jar);
  await trpc.auth.login.mutate({ user: user.username, password: user.password });
  const setup = await trpc.twoFactor.setup.mutate();
  expect(new URL(setup.otp_url).pathname).toBe(`/Panel:${user.username}`);
  const asQuery = await fetch(`${server.url}/trpc/twoFactor.setup`, { headers: { cookie: jar.cookie! } });
  expect(asQuery.status).toBe(405);
});

it('answers batched calls, as one JSON answer or streamed as JSON lines', async () => {
  const user = await server.createUser();
  const jar: { cookie?: string } = {};
  await client(jar).auth.login.mutate({ user: user.username, password: user.password });
  for (const link of [httpBatchLink, httpBatchStreamLink]) {
    const batched = createTRPCClient<AppRouter>({
      links: [link({ url: `${server.url}/trpc`, transformer: superjson, headers: () => ({ cookie: jar.cookie! }) })],
    });
    const [me, keys, sessions, missing] = await Promise.allSettled([
      batched.account.get.query(),
      batched.apiKeys.list.query(),
      batched.sessions.list.query(),
      batched.apiKeys.delete.mutate({ api_key: '00000000-0000-4000-8000-000000000000' }),
    ]);
    expect(me.status === 'fulfilled' && me.value.user.created).toBeInstanceOf(Date);
    expect(keys.status === 'fulfilled' && keys.value.api_keys.total).toBe(0);
    expect(sessions.status === 'fulfilled' && sessions.value.sessions.total).toBe(1);
    expect(missing.status === 'rejected' && (missing.reason as TRPCClientError<AppRouter>).data?.code).toBe('NOT_FOUND');
  }
});

/** The error a typed call fails with, as a frontend would look at it. */
async function failure(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCClientError)) throw new Error(`expected a TRPCClientError, got ${String(error)}`);
  return error as TRPCClientError<AppRouter>;
}

function expectCode(error: TRPCClientError<AppRouter>, code: TRPC_ERROR_CODE_KEY, httpStatus: number, errors: string[]) {
  expect(error.data?.code).toBe(code);
  expect(error.data?.httpStatus).toBe(httpStatus);
  expect(error.data?.errors).toEqual(errors);
  expect(error.message).toBe(errors[0]);
  expect(error.data && 'stack' in error.data).toBe(false);
  expect(error.shape?.code).toBe(JSON_RPC[code]);
}

const JSON_RPC: Partial<Record<TRPC_ERROR_CODE_KEY, number>> = {
  BAD_REQUEST: -32600,
  UNAUTHORIZED: -32001,
  FORBIDDEN: -32003,
  NOT_FOUND: -32004,
  METHOD_NOT_SUPPORTED: -32005,
  CONFLICT: -32009,
  PAYLOAD_TOO_LARGE: -32013,
  UNSUPPORTED_MEDIA_TYPE: -32015,
  TOO_MANY_REQUESTS: -32029,
  INTERNAL_SERVER_ERROR: -32603,
  // tRPC's own table gives the 503 code the number of an internal error.
  SERVICE_UNAVAILABLE: -32603,
};

describe('every error carries the tRPC code of its status', () => {
  const newKey = { allowed_ips: [], user_permissions: ['account.infos'], admin_permissions: [], server_permissions: [] };

  it('400 BAD_REQUEST, for a validation error and for a rule', async () => {
    const trpc = client({});
    expectCode(await failure(trpc.auth.login.mutate({ user: '', password: '' })), 'BAD_REQUEST', 400, ['user: is required', 'password: is required']);
    expectCode(await failure(trpc.auth.login.mutate({ user: 'nobody_here', password: 'wrong' })), 'BAD_REQUEST', 400, ['invalid username or password']);
  });

  it('401 UNAUTHORIZED', async () => {
    expectCode(await failure(client({}).account.get.query()), 'UNAUTHORIZED', 401, ['missing authorization']);
    expectCode(await failure(client({}, { authorization: 'Bearer nope' }).account.get.query()), 'UNAUTHORIZED', 401, ['invalid authorization header']);
  });

  it('403 FORBIDDEN, 404 NOT_FOUND and 409 CONFLICT', async () => {
    const user = await server.createUser();
    const jar: { cookie?: string } = {};
    const trpc = client(jar);
    await trpc.auth.login.mutate({ user: user.username, password: user.password });
    const { key } = await trpc.apiKeys.create.mutate({ name: 'narrow', ...newKey });
    const narrow = client({}, { authorization: `Bearer ${key}` });
    expectCode(await failure(narrow.apiKeys.list.query()), 'FORBIDDEN', 403, ['you do not have permission to perform this action: api-keys.read']);
    expectCode(await failure(client(jar, { origin: 'https://evil.example' }).account.update.mutate({ name_first: 'X' })), 'FORBIDDEN', 403, ['cross-site request refused']);
    expectCode(await failure(trpc.apiKeys.delete.mutate({ api_key: '00000000-0000-4000-8000-000000000000' })), 'NOT_FOUND', 404, ['api key not found']);
    expectCode(await failure(trpc.apiKeys.create.mutate({ name: 'narrow', ...newKey })), 'CONFLICT', 409, ['api key with name already exists']);
  });

  it('405 METHOD_NOT_SUPPORTED and 404 NOT_FOUND for calls no typed client makes', async () => {
    const asQuery = await fetch(`${server.url}/trpc/account.update`);
    expect(asQuery.status).toBe(405);
    expect(((await asQuery.json()) as { error: { json: unknown } }).error.json).toMatchObject({ code: -32005, data: { code: 'METHOD_NOT_SUPPORTED', httpStatus: 405, errors: ['method not allowed'] } });
    const unknown = await fetch(`${server.url}/trpc/account.nothing`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { json: unknown } }).error.json).toMatchObject({ code: -32004, data: { code: 'NOT_FOUND', httpStatus: 404 } });
  });

  it('413 PAYLOAD_TOO_LARGE and 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const trpc = client({});
    expectCode(await failure(trpc.auth.login.mutate({ user: 'x'.repeat(100_000), password: 'y' })), 'PAYLOAD_TOO_LARGE', 413, ['request body too large']);
    const plain = client({}, { 'content-type': 'text/plain' });
    expectCode(await failure(plain.auth.login.mutate({ user: 'x', password: 'y' })), 'UNSUPPORTED_MEDIA_TYPE', 415, ['unsupported content type: send application/json']);
  });

  it('429 TOO_MANY_REQUESTS, with Retry-After as over REST', async () => {
    const limited = await startTestServer({ RATE_LIMIT_LOGIN: '1/60' });
    try {
      const trpc = client({}, {}, limited.url);
      await failure(trpc.auth.login.mutate({ user: 'someone', password: 'wrong' }));
      const error = await failure(trpc.auth.login.mutate({ user: 'someone', password: 'wrong' }));
      expect(error.data?.code).toBe('TOO_MANY_REQUESTS');
      expect(error.data?.httpStatus).toBe(429);
      expect(error.data?.errors[0]).toMatch(/^you are ratelimited, retry in \d+s$/);
      expect(error.shape?.code).toBe(JSON_RPC.TOO_MANY_REQUESTS);
      const response = error.meta?.response as Response;
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it.runIf(DATABASE === 'postgresql')('503 SERVICE_UNAVAILABLE while the database is down', async () => {
    const postgres = await startPostgres();
    const dataDir = mkdtempSync(join(tmpdir(), 'panel-trpc-'));
    const down = await startTestServer({}, { reuse: { databaseUrl: postgres.url(), dataDir } });
    try {
      const user = await down.createUser();
      const jar: { cookie?: string } = {};
      await client(jar, {}, down.url).auth.login.mutate({ user: user.username, password: user.password });
      postgres.pause();
      expectCode(await failure(client(jar, {}, down.url).account.get.query()), 'SERVICE_UNAVAILABLE', 503, ['database unavailable']);
    } finally {
      await down.close().catch(() => {});
      postgres.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('500 INTERNAL_SERVER_ERROR for anything unforeseen, without its detail', () => {
    // No request reaches this on purpose; the mapping is checked on its own.
    expect(trpcErrorShape({ data: { path: 'account.get' } }, new Error('secret detail'))).toEqual({
      message: 'internal server error',
      code: -32603,
      data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500, path: 'account.get', errors: ['internal server error'] },
    });
  });
});

it('carries the contract status and messages in tRPC errors', async () => {
  const trpc = client({});
  const error = await trpc.account.get.query().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCClientError);
  const data = (error as TRPCClientError<AppRouter>).data as { httpStatus: number; errors: string[] };
  expect(data.httpStatus).toBe(401);
  expect(data.errors).toEqual(['missing authorization']);

  const invalid = await trpc.auth.login.mutate({ user: '', password: '' }).catch((e: unknown) => e);
  expect(((invalid as TRPCClientError<AppRouter>).data as { errors: string[] }).errors).toEqual(['user: is required', 'password: is required']);
});
