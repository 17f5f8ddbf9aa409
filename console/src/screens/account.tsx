// The account: the profile (account.update), the email address (account.updateEmail) and the
// password (account.changePassword).
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { accountChanged, queryClient, trpc, type Inputs, type User } from '../trpc.ts';
import { Field, Form, Notice, useMessages } from '../ui.tsx';

export function AccountScreen({ user }: { user: User }) {
  return (
    <>
      <Profile user={user} />
      <Email user={user} />
      <Password />
    </>
  );
}

const PROFILE_FIELDS = ['username', 'name_first', 'name_last'] as const;

function Profile({ user }: { user: User }) {
  const [notice, setNotice] = useState<string>();
  const update = useMutation(
    trpc.account.update.mutationOptions({
      onSuccess: ({ user }) => {
        accountChanged(user);
        setNotice('Profile saved.');
      },
    }),
  );
  const messages = useMessages(update.error, PROFILE_FIELDS);
  const save = (data: FormData) => {
    setNotice(undefined);
    // Only what changed is sent: a field left as it was is not checked again.
    const changes: Inputs['account']['update'] = {};
    for (const field of PROFILE_FIELDS) {
      const value = String(data.get(field));
      if (value !== user[field]) changes[field] = value;
    }
    if (Object.keys(changes).length === 0) setNotice('Nothing changed.');
    else update.mutate(changes);
  };
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">Profile</h2>
      <Form onSubmit={save} messages={messages} busy={update.isPending} submit="Save profile">
        <Field label="Username" name="username" defaultValue={user.username} autoComplete="username" autoCapitalize="none" required errors={messages.fields.username} />
        <Field label="First name" name="name_first" defaultValue={user.name_first} autoComplete="given-name" errors={messages.fields.name_first} />
        <Field label="Last name" name="name_last" defaultValue={user.name_last} autoComplete="family-name" errors={messages.fields.name_last} />
      </Form>
      {notice ? <Notice>{notice}</Notice> : null}
    </section>
  );
}

function Email({ user }: { user: User }) {
  const [notice, setNotice] = useState<string>();
  const update = useMutation(trpc.account.updateEmail.mutationOptions());
  const messages = useMessages(update.error, ['email', 'password']);
  const submit = (data: FormData, form: HTMLFormElement) => {
    setNotice(undefined);
    update.mutate(
      { email: String(data.get('email')), password: String(data.get('password')) },
      {
        onSuccess: ({ user }) => {
          accountChanged(user);
          form.reset();
          setNotice(`Email changed to ${user.email}. The previous address has been told.`);
        },
      },
    );
  };
  return (
    <section aria-labelledby="email-heading">
      <h2 id="email-heading">Email</h2>
      <p>
        Your address now: <strong>{user.email}</strong>
      </p>
      {/* Keyed by the address: after a change the field shows the new one. */}
      <Form key={user.email} onSubmit={submit} messages={messages} busy={update.isPending} submit="Change email">
        <Field label="New email" name="email" type="email" defaultValue={user.email} autoComplete="email" autoCapitalize="none" required errors={messages.fields.email} />
        <Field label="Your password" name="password" type="password" autoComplete="current-password" hint="It confirms the change." required errors={messages.fields.password} />
      </Form>
      {notice ? <Notice>{notice}</Notice> : null}
    </section>
  );
}

function Password() {
  const [notice, setNotice] = useState<string>();
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  const messages = useMessages(change.error, ['current_password', 'password', 'password_confirmation']);
  const submit = (data: FormData, form: HTMLFormElement) => {
    setNotice(undefined);
    change.mutate(
      { current_password: String(data.get('current_password')), password: String(data.get('password')), password_confirmation: String(data.get('password_confirmation')) },
      {
        onSuccess: () => {
          form.reset();
          void queryClient.invalidateQueries({ queryKey: trpc.sessions.list.pathKey() });
          setNotice('Password changed. Every other session of this account has ended.');
        },
      },
    );
  };
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <Form onSubmit={submit} messages={messages} busy={change.isPending} submit="Change password">
        <Field label="Current password" name="current_password" type="password" autoComplete="current-password" required errors={messages.fields.current_password} />
        <Field label="New password" name="password" type="password" autoComplete="new-password" hint="8 to 512 characters." required errors={messages.fields.password} />
        <Field label="New password again" name="password_confirmation" type="password" autoComplete="new-password" required errors={messages.fields.password_confirmation} />
      </Form>
      {notice ? <Notice>{notice}</Notice> : null}
    </section>
  );
}
