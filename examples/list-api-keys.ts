// Signs in and lists the account's API keys through the typed tRPC client.
//   PANEL_URL=http://localhost:3000 PANEL_USER=admin PANEL_PASSWORD='...' npx tsx examples/list-api-keys.ts
import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '../src/routers/index.ts';

const base = process.env.PANEL_URL ?? 'http://localhost:3000';
let cookie: string | undefined;

const trpc = createTRPCClient<AppRouter>({
  links: [
    httpLink({
      url: `${base}/trpc`,
      transformer: superjson,
      // A browser keeps the session cookie by itself; a script keeps it here.
      fetch: async (url, init) => {
        const headers = new Headers(init?.headers);
        if (cookie) headers.set('cookie', cookie);
        const res = await fetch(url, { ...(init as RequestInit), headers });
        const set = res.headers.getSetCookie().find((line) => line.startsWith('panel_session='));
        if (set) cookie = set.split(';')[0];
        return res;
      },
    }),
  ],
});

const login = await trpc.auth.login.mutate({ user: process.env.PANEL_USER ?? '', password: process.env.PANEL_PASSWORD ?? '' });
if (login.type !== 'completed') {
  console.error('this account has two-factor authentication on: finish with trpc.auth.checkpoint');
  process.exit(1);
}
console.log(`signed in as ${login.user.username}`);

const { api_keys } = await trpc.apiKeys.list.query({ page: 1, per_page: 100 });
console.log(`${api_keys.total} API key(s)`);
for (const key of api_keys.data) {
  console.log(`- ${key.name} (${key.key_start}…) created ${key.created.toISOString()}, last used ${key.last_used?.toISOString() ?? 'never'}`);
}
