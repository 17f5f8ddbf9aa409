// The frame around the screens: which screen the address names, the menu and sign-out for a
// signed-in account, and sign-in whenever the session is missing or has ended.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { failureOf } from './errors.ts';
import { Link, navigate, Redirect, useLocation } from './router.tsx';
import { HOME, SIGN_IN } from './paths.ts';
import { accountScreens, publicScreens } from './screens/index.ts';
import { queryClient, trpc, type User } from './trpc.ts';
import { Alert, LoadFailure } from './ui.tsx';

const APP_NAME = 'Panel';

export function App() {
  const { pathname, search } = useLocation();
  const open = publicScreens.find((screen) => screen.path === pathname);
  if (open) {
    return (
      <>
        <header className="bar">
          <span className="brand">{APP_NAME}</span>
        </header>
        <Page title={open.title} centered>
          <open.component />
        </Page>
      </>
    );
  }
  return <SignedIn pathname={pathname} search={search} />;
}

function SignedIn({ pathname, search }: { pathname: string; search: string }) {
  const me = useQuery({ ...trpc.account.get.queryOptions(), retry: false });
  if (me.isPending) {
    return (
      <p className="loading" role="status">
        Loading…
      </p>
    );
  }
  if (me.isError) {
    if (failureOf(me.error).status === 401) return <Redirect to={`${SIGN_IN}?next=${encodeURIComponent(pathname + search)}`} />;
    return (
      <main className="centered">
        <LoadFailure error={me.error} retry={() => void me.refetch()} />
      </main>
    );
  }
  const { user } = me.data;
  const screen = accountScreens.find((candidate) => candidate.path === pathname);
  if (!screen) return <Redirect to={HOME} />;
  return (
    <Shell user={user}>
      <Page title={screen.title}>
        {user.require_two_factor && !user.totp_enabled ? (
          <p className="banner">
            This panel asks your account to use two-factor authentication. Until it is on, only the account and{' '}
            <Link to="/two-factor">two-factor</Link> screens work.
          </p>
        ) : null}
        <screen.component user={user} />
      </Page>
    </Shell>
  );
}

function Shell({ user, children }: { user: User; children: ReactNode }) {
  const signOut = useMutation({
    ...trpc.account.logout.mutationOptions(),
    onSuccess: () => {
      queryClient.clear();
      navigate(SIGN_IN);
    },
  });
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="bar">
        <span className="brand">{APP_NAME}</span>
        <span className="who">
          Signed in as <strong>{user.username}</strong>
        </span>
        <button type="button" onClick={() => signOut.mutate()} aria-disabled={signOut.isPending || undefined}>
          Sign out
        </button>
      </header>
      {signOut.isError ? <Alert messages={failureOf(signOut.error).messages} /> : null}
      <nav className="menu" aria-label="Account">
        <ul>
          {accountScreens.map((screen) => (
            <li key={screen.path}>
              <Link to={screen.path}>{screen.title}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </>
  );
}

// On the page's first screen the browser's own focus is right; after a change of screen,
// focus moves to the new heading so keyboard and screen-reader users start there.
let firstScreen = true;

/** A screen's main region: its title in the tab and the heading. */
function Page({ title, centered, children }: { title: string; centered?: boolean; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${APP_NAME}`;
    if (firstScreen) firstScreen = false;
    else heading.current?.focus();
  }, [title]);
  return (
    <main id="main" className={centered ? 'centered' : undefined}>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </main>
  );
}
