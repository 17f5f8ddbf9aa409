// API keys: the account's keys, a new key with permissions picked from the catalogue (the
// key itself shown once), changing one, giving one a new secret (shown once too), deleting one.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { PermissionPicker, noPermissions, type Picked } from '../permission-picker.tsx';
import { failureOf } from '../errors.ts';
import { queryClient, trpc, type Outputs, type User } from '../trpc.ts';
import { Alert, ConfirmButton, CopyButton, Field, Form, LoadFailure, Notice, PagedCards, TextArea, Time, useFocusOnClose, useMessages } from '../ui.tsx';

const PER_PAGE = 20;

type ApiKey = Outputs['apiKeys']['list']['api_keys']['data'][number];

const keysChanged = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.pathKey() });

export function ApiKeysScreen({ user }: { user: User }) {
  return (
    <>
      <KeyList user={user} />
      <CreateKey user={user} />
    </>
  );
}

function KeyList({ user }: { user: User }) {
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
      <PagedCards
        query={keys}
        list={keys.data?.api_keys}
        empty="No API keys yet."
        page={page}
        perPage={PER_PAGE}
        onPage={setPage}
        card={(key) => (
          <KeyCard key={key.uuid} apiKey={key} user={user} deleting={remove.isPending && remove.variables?.api_key === key.uuid} onDelete={() => remove.mutate({ api_key: key.uuid })} />
        )}
      />
    </section>
  );
}

function KeyCard({ apiKey, user, deleting, onDelete }: { apiKey: ApiKey; user: User; deleting: boolean; onDelete: () => void }) {
  const [editing, setEditing] = useState(false);
  const changeButton = useFocusOnClose<HTMLButtonElement>(editing);
  const [notice, setNotice] = useState<string>();
  const update = useMutation(trpc.apiKeys.update.mutationOptions());
  const recreate = useMutation(trpc.apiKeys.recreate.mutationOptions({ onSuccess: () => void keysChanged() }));
  if (editing) {
    const save = (values: KeyValues) =>
      update.mutate(
        { api_key: apiKey.uuid, ...values },
        {
          onSuccess: () => {
            setEditing(false);
            setNotice('API key saved. It holds to these settings from its next request.');
            void keysChanged();
          },
        },
      );
    return (
      <li className="card">
        <h3>Change {apiKey.name}</h3>
        <KeyForm apiKey={apiKey} user={user} error={update.error} busy={update.isPending} submit="Save the key" onSubmit={save} />
        <button
          type="button"
          onClick={() => {
            update.reset();
            setEditing(false);
          }}
        >
          Cancel
        </button>
      </li>
    );
  }
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
      {notice ? <Notice>{notice}</Notice> : null}
      {recreate.isError ? <Alert messages={failureOf(recreate.error).messages} /> : null}
      {recreate.data ? <NewKey name={apiKey.name} secret={recreate.data.key} onDone={() => recreate.reset()} /> : null}
      <p className="actions">
        <button ref={changeButton} type="button" onClick={() => setEditing(true)}>
          Change<span className="visually-hidden"> the key {apiKey.name}</span>
        </button>
        <ConfirmButton
          label="Recreate"
          context={`the key ${apiKey.name}`}
          question={`Give ${apiKey.name} a new secret? The current one stops working.`}
          busy={recreate.isPending}
          onConfirm={() => recreate.mutate({ api_key: apiKey.uuid })}
        />
        <ConfirmButton label="Delete" context={`the key ${apiKey.name}`} question={`Delete ${apiKey.name}? Whatever uses it stops working.`} busy={deleting} onConfirm={onDelete} />
      </p>
    </li>
  );
}

const KEY_FIELDS = ['name', 'allowed_ips', 'expires', 'user_permissions', 'admin_permissions', 'server_permissions'];

/** What the form sends; `expires` is left out when a change kept it as it was. */
type KeyValues = { name: string; allowed_ips: string[]; expires?: string | null; user_permissions: string[]; admin_permissions: string[]; server_permissions: string[] };

/** A date as the datetime-local input shows it: the local time, to the minute. */
const localDateTime = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** The fields of a key, empty for a new one or filled from `apiKey` to change it. */
function KeyForm({ apiKey, user, error, busy, submit, onSubmit }: { apiKey?: ApiKey; user: User; error: unknown; busy: boolean; submit: string; onSubmit: (values: KeyValues) => void }) {
  const [picked, setPicked] = useState<Picked>(() =>
    apiKey
      ? { user_permissions: new Set(apiKey.user_permissions), admin_permissions: new Set(apiKey.admin_permissions), server_permissions: new Set(apiKey.server_permissions) }
      : noPermissions,
  );
  const messages = useMessages(error, KEY_FIELDS);
  const shownExpiry = apiKey?.expires ? localDateTime(apiKey.expires) : '';
  const send = (data: FormData) => {
    const expires = String(data.get('expires'));
    onSubmit({
      name: String(data.get('name')),
      allowed_ips: String(data.get('allowed_ips')).split(/[\s,]+/).filter(Boolean),
      // An expiry kept as shown is not sent: its minutes-only copy is not the stored date.
      ...(apiKey && expires === shownExpiry ? {} : { expires: expires ? new Date(expires).toISOString() : null }),
      user_permissions: [...picked.user_permissions],
      admin_permissions: [...picked.admin_permissions],
      server_permissions: [...picked.server_permissions],
    });
  };
  return (
    <Form onSubmit={send} messages={messages} busy={busy} submit={submit}>
      <Field label="Name" name="name" defaultValue={apiKey?.name} autoFocus={!!apiKey} hint="3 to 31 characters, different from your other keys." required errors={messages.fields.name} />
      <TextArea
        label="Allowed addresses"
        name="allowed_ips"
        rows={2}
        defaultValue={apiKey?.allowed_ips.join('\n')}
        hint="IP addresses or CIDR ranges, one per line. Empty allows every address."
        errors={messages.fields.allowed_ips}
      />
      <Field label="Expires" name="expires" type="datetime-local" defaultValue={shownExpiry} hint="Optional. Without it the key works until deleted." errors={messages.fields.expires} />
      <PermissionPicker picked={picked} onChange={setPicked} admin={user.admin} errors={messages.fields} />
    </Form>
  );
}

function CreateKey({ user }: { user: User }) {
  // A new form after each key: nothing of the last one stays.
  const [round, setRound] = useState(0);
  const [created, setCreated] = useState<{ name: string; secret: string }>();
  const create = useMutation(trpc.apiKeys.create.mutationOptions());
  const submit = (values: KeyValues) =>
    create.mutate(values, {
      onSuccess: ({ api_key, key }) => {
        setRound(round + 1);
        setCreated({ name: api_key.name, secret: key });
        void keysChanged();
      },
    });
  return (
    <section aria-labelledby="create-heading">
      <h2 id="create-heading">Create an API key</h2>
      {created ? <NewKey {...created} onDone={() => setCreated(undefined)} /> : null}
      <KeyForm key={round} user={user} error={create.error} busy={create.isPending} submit="Create the key" onSubmit={submit} />
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
