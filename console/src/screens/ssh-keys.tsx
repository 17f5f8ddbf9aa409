// SSH keys: the account's public keys with their fingerprints, adding one pasted from a
// .pub file, renaming one, deleting one.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { failureOf } from '../errors.ts';
import { queryClient, trpc, type Outputs } from '../trpc.ts';
import { Alert, ConfirmButton, Field, Form, LoadFailure, Notice, Pager, TextArea, Time, useFocusOnClose, useMessages } from '../ui.tsx';

const PER_PAGE = 20;

type SshKey = Outputs['sshKeys']['list']['ssh_keys']['data'][number];

const keysChanged = () => queryClient.invalidateQueries({ queryKey: trpc.sshKeys.list.pathKey() });

export function SshKeysScreen() {
  return (
    <>
      <KeyList />
      <AddKey />
    </>
  );
}

function KeyList() {
  const [page, setPage] = useState(1);
  const keys = useQuery(trpc.sshKeys.list.queryOptions({ page, per_page: PER_PAGE }));
  return (
    <section aria-labelledby="ssh-keys-heading">
      <h2 id="ssh-keys-heading">Your SSH keys</h2>
      {keys.isPending ? <p role="status">Loading…</p> : null}
      {keys.isError ? <LoadFailure error={keys.error} retry={() => void keys.refetch()} /> : null}
      {keys.data?.ssh_keys.total === 0 ? <p>No SSH keys yet.</p> : null}
      <ul className="cards">
        {keys.data?.ssh_keys.data.map((key) => (
          <KeyCard key={key.uuid} sshKey={key} />
        ))}
      </ul>
      {keys.data ? <Pager page={page} perPage={PER_PAGE} total={keys.data.ssh_keys.total} onPage={setPage} /> : null}
    </section>
  );
}

function KeyCard({ sshKey }: { sshKey: SshKey }) {
  const [renaming, setRenaming] = useState(false);
  const renameButton = useFocusOnClose<HTMLButtonElement>(renaming);
  const [notice, setNotice] = useState<string>();
  const rename = useMutation(trpc.sshKeys.update.mutationOptions());
  const remove = useMutation(trpc.sshKeys.delete.mutationOptions({ onSuccess: () => void keysChanged() }));
  const messages = useMessages(rename.error, ['name']);
  const save = (data: FormData) =>
    rename.mutate(
      { ssh_key: sshKey.uuid, name: String(data.get('name')) },
      {
        onSuccess: () => {
          setRenaming(false);
          setNotice('SSH key renamed.');
          void keysChanged();
        },
      },
    );
  return (
    <li className="card">
      <h3 className="card-title">{sshKey.name}</h3>
      <dl>
        <dt>Fingerprint</dt>
        <dd>
          <code>{sshKey.fingerprint}</code>
        </dd>
        <dt>Added</dt>
        <dd>
          <Time value={sshKey.created} />
        </dd>
      </dl>
      {notice ? <Notice>{notice}</Notice> : null}
      {remove.isError ? <Alert messages={failureOf(remove.error).messages} /> : null}
      {renaming ? (
        <>
          <Form onSubmit={save} messages={messages} busy={rename.isPending} submit="Save the name">
            <Field label="New name" name="name" defaultValue={sshKey.name} required autoFocus errors={messages.fields.name} />
          </Form>
          <button
            type="button"
            onClick={() => {
              rename.reset();
              setRenaming(false);
            }}
          >
            Cancel
          </button>
        </>
      ) : (
        <p className="actions">
          <button
            ref={renameButton}
            type="button"
            onClick={() => {
              setNotice(undefined);
              setRenaming(true);
            }}
          >
            Rename<span className="visually-hidden"> the key {sshKey.name}</span>
          </button>
          <ConfirmButton
            label="Delete"
            context={`the key ${sshKey.name}`}
            question={`Delete ${sshKey.name}? It no longer opens anything.`}
            busy={remove.isPending}
            onConfirm={() => remove.mutate({ ssh_key: sshKey.uuid })}
          />
        </p>
      )}
    </li>
  );
}

function AddKey() {
  const [notice, setNotice] = useState<string>();
  const create = useMutation(trpc.sshKeys.create.mutationOptions());
  const messages = useMessages(create.error, ['name', 'public_key']);
  const submit = (data: FormData, form: HTMLFormElement) => {
    setNotice(undefined);
    create.mutate(
      { name: String(data.get('name')), public_key: String(data.get('public_key')).trim() },
      {
        onSuccess: ({ ssh_key }) => {
          form.reset();
          setNotice(`${ssh_key.name} added, fingerprint ${ssh_key.fingerprint}.`);
          void keysChanged();
        },
      },
    );
  };
  return (
    <section aria-labelledby="add-ssh-key-heading">
      <h2 id="add-ssh-key-heading">Add an SSH key</h2>
      {notice ? <Notice>{notice}</Notice> : null}
      <Form onSubmit={submit} messages={messages} busy={create.isPending} submit="Add the key">
        <Field label="Name" name="name" hint="A name to tell it from your other keys." required errors={messages.fields.name} />
        <TextArea
          label="Public key"
          name="public_key"
          rows={4}
          spellCheck={false}
          autoCapitalize="none"
          hint="The contents of the .pub file, for example ~/.ssh/id_ed25519.pub: one line starting with ssh-ed25519, ecdsa-sha2-… or ssh-rsa."
          required
          errors={messages.fields.public_key}
        />
      </Form>
    </section>
  );
}
