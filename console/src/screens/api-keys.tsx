// API keys: the account's keys, a new key with permissions picked from the catalogue (the
// key itself shown once), and deleting one.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { PermissionPicker, noPermissions, type Picked } from '../permission-picker.tsx';
import { queryClient, trpc, type Outputs, type User } from '../trpc.ts';
import { ConfirmButton, CopyButton, Field, Form, LoadFailure, Notice, Pager, TextArea, Time, useMessages } from '../ui.tsx';

const PER_PAGE = 20;

type ApiKey = Outputs['apiKeys']['list']['api_keys']['data'][number];

const keysChanged = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.pathKey() });

export function ApiKeysScreen({ user }: { user: User }) {
  return (
    <>
      <KeyList />
      <CreateKey user={user} />
    </>
  );
}

function KeyList() {
  const [page, setPage] = useState(1);
  const keys = useQuery(trpc.apiKeys.list.queryOptions({ page, per_page: PER_PAGE }));
  const [notice, setNotice] = useState<string>();
  const remove = useMutation(
    trpc.apiKeys.delete.mutationOptions({
      onSuccess: () => {
        setNotice('API key deleted. It no longer works.');
        void keysChanged();
      },
    }),
  );
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">Your API keys</h2>
      {notice ? <Notice>{notice}</Notice> : null}
      {remove.isError ? <LoadFailure error={remove.error} retry={() => remove.reset()} /> : null}
      {keys.isPending ? <p role="status">Loading…</p> : null}
      {keys.isError ? <LoadFailure error={keys.error} retry={() => void keys.refetch()} /> : null}
      {keys.data?.api_keys.total === 0 ? <p>No API keys yet.</p> : null}
      <ul className="cards">
        {keys.data?.api_keys.data.map((key) => (
          <KeyCard key={key.uuid} apiKey={key} deleting={remove.isPending && remove.variables?.api_key === key.uuid} onDelete={() => remove.mutate({ api_key: key.uuid })} />
        ))}
      </ul>
      {keys.data ? <Pager page={page} perPage={PER_PAGE} total={keys.data.api_keys.total} onPage={setPage} /> : null}
    </section>
  );
}

function KeyCard({ apiKey, deleting, onDelete }: { apiKey: ApiKey; deleting: boolean; onDelete: () => void }) {
  const permissions = [...apiKey.user_permissions, ...apiKey.admin_permissions, ...apiKey.server_permissions];
  return (
    <li className="card">
      <h3>{apiKey.name}</h3>
      <dl>
        <dt>Key</dt>
        <dd>
          <code>{apiKey.key_start}…</code>
        </dd>
        <dt>Permissions</dt>
        <dd>{permissions.length === 0 ? 'none' : permissions.join(', ')}</dd>
        <dt>Addresses</dt>
        <dd>{apiKey.allowed_ips.length === 0 ? 'any' : apiKey.allowed_ips.join(', ')}</dd>
        <dt>Created</dt>
        <dd>
          <Time value={apiKey.created} />
        </dd>
        <dt>Last used</dt>
        <dd>
          <Time value={apiKey.last_used} />
        </dd>
        <dt>Expires</dt>
        <dd>
          <Time value={apiKey.expires} />
        </dd>
      </dl>
      <ConfirmButton label="Delete" context={`the key ${apiKey.name}`} question={`Delete ${apiKey.name}? Whatever uses it stops working.`} busy={deleting} onConfirm={onDelete} />
    </li>
  );
}

const KEY_FIELDS = ['name', 'allowed_ips', 'expires', 'user_permissions', 'admin_permissions', 'server_permissions'];

function CreateKey({ user }: { user: User }) {
  const [picked, setPicked] = useState<Picked>(noPermissions);
  const [created, setCreated] = useState<{ name: string; secret: string }>();
  const create = useMutation(trpc.apiKeys.create.mutationOptions());
  const messages = useMessages(create.error, KEY_FIELDS);
  const submit = (data: FormData, form: HTMLFormElement) => {
    const expires = String(data.get('expires'));
    create.mutate(
      {
        name: String(data.get('name')),
        allowed_ips: String(data.get('allowed_ips')).split(/[\s,]+/).filter(Boolean),
        expires: expires ? new Date(expires).toISOString() : null,
        user_permissions: [...picked.user_permissions],
        admin_permissions: [...picked.admin_permissions],
        server_permissions: [...picked.server_permissions],
      },
      {
        onSuccess: ({ api_key, key }) => {
          form.reset();
          setPicked(noPermissions);
          setCreated({ name: api_key.name, secret: key });
          void keysChanged();
        },
      },
    );
  };
  return (
    <section aria-labelledby="create-heading">
      <h2 id="create-heading">Create an API key</h2>
      {created ? <NewKey {...created} onDone={() => setCreated(undefined)} /> : null}
      <Form onSubmit={submit} messages={messages} busy={create.isPending} submit="Create the key">
        <Field label="Name" name="name" hint="3 to 31 characters, different from your other keys." required errors={messages.fields.name} />
        <TextArea label="Allowed addresses" name="allowed_ips" rows={2} hint="IP addresses or CIDR ranges, one per line. Empty allows every address." errors={messages.fields.allowed_ips} />
        <Field label="Expires" name="expires" type="datetime-local" hint="Optional. Without it the key works until deleted." errors={messages.fields.expires} />
        <PermissionPicker picked={picked} onChange={setPicked} admin={user.admin} errors={messages.fields} />
      </Form>
    </section>
  );
}

/** The key itself, in the one answer that holds it. */
function NewKey({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [secret]);
  return (
    <div className="new-key" ref={box} tabIndex={-1} role="region" aria-label={`The new key ${name}`}>
      <p>
        <strong>{name}</strong> is ready. Copy the key now: it is shown only this once.
      </p>
      <p>
        <code data-new-key>{secret}</code>
      </p>
      <p className="actions">
        <CopyButton text={secret} label="Copy the key" />
        <button type="button" onClick={onDone}>
          Done
        </button>
      </p>
    </div>
  );
}
