// Security keys (passkeys): the account's keys with when each was last used, registering one
// through the browser's WebAuthn prompt, renaming one, deleting one.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { createCredential, passkeysWork } from '../passkeys.ts';
import { client, queryClient, trpc, type Outputs } from '../trpc.ts';
import { Field, Form, NamedKeyCard, Notice, PagedCards, Time, useMessages } from '../ui.tsx';

const PER_PAGE = 20;

type SecurityKey = Outputs['securityKeys']['list']['security_keys']['data'][number];

const keysChanged = () => queryClient.invalidateQueries({ queryKey: trpc.securityKeys.list.pathKey() });

export function SecurityKeysScreen() {
  return (
    <>
      <KeyList />
      <RegisterKey />
    </>
  );
}

function KeyList() {
  const [page, setPage] = useState(1);
  const keys = useQuery(trpc.securityKeys.list.queryOptions({ page, per_page: PER_PAGE }));
  return (
    <section aria-labelledby="security-keys-heading">
      <h2 id="security-keys-heading">Your security keys</h2>
      <PagedCards
        query={keys}
        list={keys.data?.security_keys}
        empty="No security keys yet."
        page={page}
        perPage={PER_PAGE}
        onPage={setPage}
        card={(key) => <KeyCard key={key.uuid} securityKey={key} />}
      />
    </section>
  );
}

function KeyCard({ securityKey }: { securityKey: SecurityKey }) {
  const rename = useMutation(trpc.securityKeys.update.mutationOptions({ onSuccess: () => void keysChanged() }));
  const remove = useMutation(trpc.securityKeys.delete.mutationOptions({ onSuccess: () => void keysChanged() }));
  return (
    <NamedKeyCard
      name={securityKey.name}
      details={
        <dl>
          <dt>Registered</dt>
          <dd>
            <Time value={securityKey.created} />
          </dd>
          <dt>Last used</dt>
          <dd>
            <Time value={securityKey.last_used} />
          </dd>
        </dl>
      }
      deleteQuestion={`Delete ${securityKey.name}? It no longer signs you in.`}
      rename={rename}
      onRename={(name, done) => rename.mutate({ security_key: securityKey.uuid, name }, { onSuccess: done })}
      remove={remove}
      onRemove={() => remove.mutate({ security_key: securityKey.uuid })}
    />
  );
}

/** The API begins a pending key and gives the options; the browser's prompt answers them; the API finishes the key. */
async function registerKey(name: string) {
  const { security_key, options } = await client.securityKeys.create.mutate({ name });
  return client.securityKeys.finish.mutate({ security_key: security_key.uuid, public_key_credential: await createCredential(options) });
}

function RegisterKey() {
  const [notice, setNotice] = useState<string>();
  const register = useMutation({ mutationFn: registerKey });
  const messages = useMessages(register.error, ['name']);
  if (!passkeysWork()) {
    return (
      <section aria-labelledby="register-security-key-heading">
        <h2 id="register-security-key-heading">Register a security key</h2>
        <p>This browser cannot use security keys. Open this page in a browser that supports passkeys (WebAuthn) to register one.</p>
      </section>
    );
  }
  const submit = (data: FormData, form: HTMLFormElement) => {
    setNotice(undefined);
    register.mutate(String(data.get('name')), {
      onSuccess: ({ security_key }) => {
        form.reset();
        setNotice(`${security_key.name} registered. You can sign in with it now.`);
        void keysChanged();
      },
    });
  };
  return (
    <section aria-labelledby="register-security-key-heading">
      <h2 id="register-security-key-heading">Register a security key</h2>
      <p>
        A security key or passkey signs you in without a password, and stands in for a code at the two-factor step. Your browser asks you to touch the key,
        or to unlock this device, to confirm.
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <Form onSubmit={submit} messages={messages} busy={register.isPending} submit="Register the key">
        <Field label="Name" name="name" hint="A name to tell it from your other keys, for example the device it lives on." required errors={messages.fields.name} />
      </Form>
    </section>
  );
}
