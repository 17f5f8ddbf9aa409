// The TypeScript frontend's view: the same procedures through @trpc/client with superjson,
// typed end to end by AppRouter.
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppRouter } from '../src/routers/index.ts';
import { startTestServer, type TestServer } from './support/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function client(cookieJar: { cookie?: string }) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${server.url}/trpc`,
        transformer: superjson,
        fetch: async (url, init) => {
          const headers = new Headers(init?.headers);
          if (cookieJar.cookie) headers.set('cookie', cookieJar.cookie);
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
  const keys = await trpc.apiKeys.list.query({ page: 1, per_page: 10 });
  expect(keys.api_keys.data.map((k) => k.name)).toEqual(['typed-key']);
  expect(keys.api_keys.data[0]!.created).toBeInstanceOf(Date);
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
