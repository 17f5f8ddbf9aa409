// Sign-in: the password, then, for an account with two-factor on, the checkpoint with a
// code from the authenticator app or a recovery code.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { failureOf } from '../errors.ts';
import { Link, navigate, safeNext, useLocation } from '../router.tsx';
import { signedIn, trpc, type User } from '../trpc.ts';
import { Alert, Field, Form, useMessages } from '../ui.tsx';
import { FORGOT_PASSWORD, HOME, SIGN_IN } from '../paths.ts';

export function SignInScreen() {
  const requested = safeNext(useLocation().searchParams.get('next'));
  const next = requested && !requested.startsWith(SIGN_IN) ? requested : HOME;
  const [token, setToken] = useState<string>();
  const [restartMessages, setRestartMessages] = useState<string[]>([]);
  const done = (user: User) => {
    signedIn(user);
    navigate(next, { replace: true });
  };
  if (token) {
    const restart = (messages: string[]) => {
      setRestartMessages(messages);
      setToken(undefined);
    };
    return <Checkpoint token={token} onDone={done} onRestart={restart} />;
  }
  return <PasswordStep onDone={done} onTwoFactor={setToken} restartMessages={restartMessages} />;
}

function PasswordStep({ onDone, onTwoFactor, restartMessages }: { onDone: (user: User) => void; onTwoFactor: (token: string) => void; restartMessages: string[] }) {
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (result) => (result.type === 'completed' ? onDone(result.user) : onTwoFactor(result.token)),
    }),
  );
  const messages = useMessages(login.error, ['user', 'password']);
  return (
    <>
      {login.isIdle ? <Alert messages={restartMessages} /> : null}
      <Form
        onSubmit={(data) => login.mutate({ user: String(data.get('user')), password: String(data.get('password')) })}
        messages={messages}
        busy={login.isPending}
        submit="Sign in"
      >
        <Field label="Username or email" name="user" autoComplete="username" autoCapitalize="none" required autoFocus errors={messages.fields.user} />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={messages.fields.password} />
      </Form>
      <p className="alternatives">
        <Link to={FORGOT_PASSWORD}>Forgot your password?</Link>
      </p>
    </>
  );
}

function Checkpoint({ token, onDone, onRestart }: { token: string; onDone: (user: User) => void; onRestart: (messages: string[]) => void }) {
  const [recovery, setRecovery] = useState(false);
  const checkpoint = useMutation(
    trpc.auth.checkpoint.mutationOptions({
      onSuccess: ({ user }) => onDone(user),
      onError: (error) => {
        // The five minutes are over (or too many wrong codes): the password comes first again.
        const { messages } = failureOf(error);
        if (messages.includes('invalid confirmation token')) onRestart(messages);
      },
    }),
  );
  const messages = useMessages(checkpoint.error, ['code']);
  return (
    <>
      <p>
        {recovery
          ? 'Enter one of the recovery codes you saved when you turned two-factor on. Each code works once.'
          : 'Enter the 6-digit code your authenticator app shows for this account.'}
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
