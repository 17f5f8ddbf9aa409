/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/// <reference lib="dom.asynciterable" />
// A frontend on the typed client, in a browser, with TanStack Query: sign in, then show
// the account and its API keys. Bundled and served by serve.ts; see "Building a frontend"
// in the README.
import { QueryClient, QueryClientProvider, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { createElement as h, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import superjson from 'superjson';
import type { AppRouter } from '../../src/routers/index.ts';

/** Where the panel is: its origin (listed in the panel's CORS_ORIGINS), or '' on the same origin. */
const PANEL_URL = (document.querySelector('meta[name="panel-url"]') as HTMLMetaElement | null)?.content ?? '';

const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

const trpcClient = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: `${PANEL_URL}/trpc`,
      transformer: superjson,
      // The session cookie goes along to another origin only when asked for.
      fetch: (url, options) => fetch(url, { ...(options as RequestInit), credentials: 'include' }),
    }),
  ],
});

const codeOf = (error: unknown) => (error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Retry what may pass on a second try (a 5xx, a lost connection), never a refusal:
      // a 401 will not sign itself in, and retrying a 429 only spends the rate limit.
      retry: (failures, error) => failures < 2 && (codeOf(error) === undefined || codeOf(error) === 'INTERNAL_SERVER_ERROR' || codeOf(error) === 'SERVICE_UNAVAILABLE'),
    },
  },
});

function messageOf(error: unknown): string {
  switch (codeOf(error)) {
    case 'TOO_MANY_REQUESTS':
      return `Too many attempts: ${(error as Error).message}`;
    case 'FORBIDDEN':
      return `Refused: ${(error as Error).message}`;
    case undefined:
      return `Cannot reach the panel: ${(error as Error).message}`;
    default:
      return (error as Error).message;
  }
}

function SignIn() {
  const trpc = useTRPC();
  const client = useQueryClient();
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation(trpc.auth.login.mutationOptions({ onSuccess: () => client.invalidateQueries() }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ user, password });
  };
  return h(
    'form',
    { onSubmit: submit },
    h('label', null, 'Username or email ', h('input', { name: 'user', value: user, onChange: (e) => setUser(e.target.value) })),
    h('label', null, ' Password ', h('input', { name: 'password', type: 'password', value: password, onChange: (e) => setPassword(e.target.value) })),
    h('button', { type: 'submit' }, 'Sign in'),
    login.data?.type === 'two_factor_required' && h('p', { role: 'status' }, 'Two-factor code needed: finish with auth.checkpoint.'),
    login.error && h('p', { role: 'alert' }, messageOf(login.error)),
  );
}

function Account() {
  const trpc = useTRPC();
  // Both queries go out in one request: httpBatchLink batches calls made together.
  const account = useQuery(trpc.account.get.queryOptions());
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  if (account.isPending) return h('p', null, 'Loading…');
  if (account.error) return codeOf(account.error) === 'UNAUTHORIZED' ? h(SignIn) : h('p', { role: 'alert' }, messageOf(account.error));
  return h(
    'section',
    null,
    h('h1', null, `Signed in as ${account.data.user.username}`),
    h('p', { id: 'member-since' }, `Member since ${account.data.user.created.toISOString().slice(0, 10)}`),
    keys.data && h('p', { id: 'key-count' }, `${keys.data.api_keys.total} API key(s)`),
    keys.error && h('p', { role: 'alert' }, messageOf(keys.error)),
  );
}

createRoot(document.getElementById('root')!).render(
  h(QueryClientProvider, { client: queryClient }, h(TRPCProvider, { trpcClient, queryClient, children: h(Account) })),
);
