// A forgotten password: asking for a reset link by mail (auth.forgotPassword), and setting a
// new password with the token of that link (auth.resetPassword). Both work without a session.
import { useMutation } from '@tanstack/react-query';
import { Link, useLocation } from '../router.tsx';
import { FORGOT_PASSWORD, SIGN_IN } from '../paths.ts';
import { trpc } from '../trpc.ts';
import { Field, Form, Notice, useMessages } from '../ui.tsx';

export function ForgotPasswordScreen() {
  const forgot = useMutation(trpc.auth.forgotPassword.mutationOptions());
  const messages = useMessages(forgot.error, ['email']);
  return (
    <>
      {forgot.isSuccess ? (
        // The server answers the same for every address, so the page cannot say more.
        <Notice>If an account uses {forgot.variables.email}, a link to set a new password is on its way there. It works once, for a limited time.</Notice>
      ) : (
        <p>Enter the email address of your account and we will mail you a link to set a new password.</p>
      )}
      <Form onSubmit={(data) => forgot.mutate({ email: String(data.get('email')) })} messages={messages} busy={forgot.isPending} submit={forgot.isSuccess ? 'Send again' : 'Send the link'}>
        <Field label="Email" name="email" type="email" autoComplete="email" autoCapitalize="none" required autoFocus errors={messages.fields.email} />
      </Form>
      <p className="alternatives">
        <Link to={SIGN_IN}>Back to sign in</Link>
      </p>
    </>
  );
}

export function ResetPasswordScreen() {
  const token = useLocation().searchParams.get('token') ?? '';
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const messages = useMessages(reset.error, ['password']);
  if (!token) {
    return (
      <>
        <p>This address lacks the token of the link in the mail: open the link as it was sent, or ask for a new one.</p>
        <p className="alternatives">
          <Link to={FORGOT_PASSWORD}>Ask for a new link</Link>
        </p>
      </>
    );
  }
  if (reset.isSuccess) {
    return (
      <>
        <Notice>Your password is set. Every session of the account has ended: sign in with the new password.</Notice>
        <p className="alternatives">
          <Link to={SIGN_IN}>Sign in</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p>Choose a new password for your account.</p>
      <Form onSubmit={(data) => reset.mutate({ token, password: String(data.get('password')) })} messages={messages} busy={reset.isPending} submit="Set the password">
        <Field label="New password" name="password" type="password" autoComplete="new-password" hint="8 to 512 characters." required autoFocus errors={messages.fields.password} />
      </Form>
      <p className="alternatives">
        <Link to={FORGOT_PASSWORD}>Ask for a new link</Link>
        <Link to={SIGN_IN}>Back to sign in</Link>
      </p>
    </>
  );
}
