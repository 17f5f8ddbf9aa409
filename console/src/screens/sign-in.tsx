// Sign-in: the password, then, for an account with two-factor on, the checkpoint with a
// code from the authenticator app, a recovery code or a security key; or a passkey alone.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserFailure, failureOf } from '../errors.ts';
import { assertCredential, passkeysWork } from '../passkeys.ts';
import { Link, navigate, safeNext, useLocation } from '../router.tsx';
import { client, signedIn, trpc, type Outputs, type User } from '../trpc.ts';
import { Alert, Field, Form, useMessages } from '../ui.tsx';
import { FORGOT_PASSWORD, HOME, SIGN_IN } from '../paths.ts';

/** What the password step hands the checkpoint: its token, and options for the account's security keys if it has any. */
type TwoFactor = Extract<Outputs['auth']['login'], { type: 'two_factor_required' }>;

export function SignInScreen() {
  const requested = safeNext(useLocation().searchParams.get('next'));
  const next = requested && !requested.startsWith(SIGN_IN) ? requested : HOME;
  const [twoFactor, setTwoFactor] = useState<TwoFactor>();
  const [restartMessages, setRestartMessages] = useState<string[]>([]);
  const done = (user: User) => {
    signedIn(user);
    navigate(next, { replace: true });
  };
  if (twoFactor) {
    const restart = (messages: string[]) => {
      setRestartMessages(messages);
      setTwoFactor(undefined);
    };
    return <Checkpoint twoFactor={twoFactor} onDone={done} onRestart={restart} />;
  }
  return <PasswordStep onDone={done} onTwoFactor={setTwoFactor} restartMessages={restartMessages} />;
}

/** A discoverable sign-in: the API's options, any passkey of this site answering them, the API checking the answer. */
async function signInWithPasskey() {
  const { uuid, options } = await client.auth.securityKeyOptions.mutate();
  return client.auth.securityKeyLogin.mutate({ uuid, public_key_credential: await assertCredential(options) });
}

function PasswordStep({ onDone, onTwoFactor, restartMessages }: { onDone: (user: User) => void; onTwoFactor: (twoFactor: TwoFactor) => void; restartMessages: string[] }) {
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (result) => (result.type === 'completed' ? onDone(result.user) : onTwoFactor(result)),
    }),
  );
  const passkey = useMutation({ mutationFn: signInWithPasskey, onSuccess: ({ user }) => onDone(user) });
  const messages = useMessages(login.error, ['user', 'password']);
  return (
    <>
      {login.isIdle && passkey.isIdle ? <Alert messages={restartMessages} /> : null}
      <Form
        onSubmit={(data) => login.mutate({ user: String(data.get('user')), password: String(data.get('password')) })}
        messages={messages}
        busy={login.isPending}
        submit="Sign in"
      >
        <Field label="Username or email" name="user" autoComplete="username" autoCapitalize="none" required autoFocus errors={messages.fields.user} />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={messages.fields.password} />
      </Form>
      {passkeysWork() ? (
        <div className="passkey">
          {passkey.isError ? <Alert messages={failureOf(passkey.error).messages} /> : null}
          <button type="button" onClick={() => !passkey.isPending && passkey.mutate()} aria-disabled={passkey.isPending || undefined}>
            {passkey.isPending ? 'Waiting for the passkey…' : 'Sign in with a passkey'}
          </button>
        </div>
      ) : null}
      <p className="alternatives">
        <Link to={FORGOT_PASSWORD}>Forgot your password?</Link>
      </p>
    </>
  );
}

function Checkpoint({ twoFactor, onDone, onRestart }: { twoFactor: TwoFactor; onDone: (user: User) => void; onRestart: (messages: string[]) => void }) {
  const { token } = twoFactor;
  const [recovery, setRecovery] = useState(false);
  // The options' challenge is spent once the API has seen an answer to it, right or wrong.
  const [keyOptions, setKeyOptions] = useState(twoFactor.security_key_options);
  const options = {
    onSuccess: ({ user }: { user: User }) => onDone(user),
    onError: (error: unknown) => {
      // The five minutes are over (or too many wrong codes): the password comes first again.
      const { messages } = failureOf(error);
      if (messages.includes('invalid confirmation token')) onRestart(messages);
    },
  };
  const checkpoint = useMutation(trpc.auth.checkpoint.mutationOptions(options));
  const withKey = useMutation({
    mutationFn: async (request: NonNullable<TwoFactor['security_key_options']>) =>
      client.auth.checkpoint.mutate({ confirmation_token: token, public_key_credential: await assertCredential(request) }),
    ...options,
    onError: (error) => {
      if (!(error instanceof BrowserFailure)) setKeyOptions(undefined);
      options.onError(error);
    },
  });
  const messages = useMessages(checkpoint.error, ['code']);
  return (
    <>
      <p>
        {recovery
          ? 'Enter one of the recovery codes you saved when you turned two-factor on. Each code works once.'
          : `Enter the 6-digit code your authenticator app shows for this account${keyOptions ? ', or use one of your security keys' : ''}.`}
      </p>
      <Form onSubmit={(data) => checkpoint.mutate({ confirmation_token: token, code: String(data.get('code')) })} messages={messages} busy={checkpoint.isPending} submit="Continue">
        <Field
          key={recovery ? 'recovery' : 'totp'}
          label={recovery ? 'Recovery code' : 'Authentication code'}
          name="code"
          inputMode={recovery ? 'text' : 'numeric'}
          autoComplete={recovery ? 'off' : 'one-time-code'}
          autoCapitalize="none"
          required
          autoFocus
          errors={messages.fields.code}
        />
      </Form>
      {twoFactor.security_key_options ? (
        <div className="passkey">
          {withKey.isError ? <Alert messages={failureOf(withKey.error).messages} /> : null}
          {keyOptions ? (
            <button type="button" onClick={() => !withKey.isPending && withKey.mutate(keyOptions)} aria-disabled={withKey.isPending || undefined}>
              {withKey.isPending ? 'Waiting for the security key…' : 'Use a security key'}
            </button>
          ) : (
            <p>To try a security key again, start over.</p>
          )}
        </div>
      ) : null}
      <p className="alternatives">
        <button type="button" className="link" onClick={() => setRecovery(!recovery)}>
          {recovery ? 'Use the authenticator app instead' : 'Use a recovery code instead'}
        </button>
        <button type="button" className="link" onClick={() => onRestart([])}>
          Start over
        </button>
      </p>
    </>
  );
}
