// The console's one way to the server: the typed tRPC client over /trpc (superjson), and
// TanStack Query options built from it. Only the router's types come from the server.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import superjson from 'superjson';
import type { AppRouter } from '../../src/routers/index.ts';
import { failureOf } from './errors.ts';

export type Inputs = inferRouterInputs<AppRouter>;
export type Outputs = inferRouterOutputs<AppRouter>;
export type User = Outputs['account']['get']['user'];

export const client = createTRPCClient<AppRouter>({ links: [httpLink({ url: '/trpc', transformer: superjson })] });

/** The signed-in account's query: the console shows sign-in whenever it answers 401. */
const accountKey = () => trpc.account.get.queryKey();

// Any other call answering 401 means the session ended (signed out elsewhere, revoked):
// asking for the account again lets the shell see it and show sign-in.
function onError(error: unknown, queryKey?: readonly unknown[]) {
  if (failureOf(error).status !== 401) return;
  if (queryKey && JSON.stringify(queryKey) === JSON.stringify(accountKey())) return;
  void queryClient.invalidateQueries({ queryKey: accountKey() });
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => onError(error) }),
  defaultOptions: {
    queries: { retry: (count, error) => failureOf(error).status >= 500 && count < 2, refetchOnWindowFocus: false },
  },
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client, queryClient });

/** After sign-in: nothing of a previous account stays, and the new one is known at once. */
export function signedIn(user: User) {
  queryClient.clear();
  queryClient.setQueryData(accountKey(), { user });
}

/** The account just changed (profile, two-factor): store what the server answered, or ask again. */
export function accountChanged(user?: User) {
  if (user) queryClient.setQueryData(accountKey(), { user });
  else void queryClient.invalidateQueries({ queryKey: accountKey() });
}
