// SSH keys: the account's public keys with their fingerprints, adding one pasted from a
// .pub file, renaming one, deleting one.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { queryClient, trpc, type Outputs } from '../trpc.ts';
import { Field, Form, NamedKeyCard, Notice, PagedCards, TextArea, Time, useMessages } from '../ui.tsx';

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
      <PagedCards
        query={keys}
        list={keys.data?.ssh_keys}
        empty="No SSH keys yet."
        page={page}
        perPage={PER_PAGE}
        onPage={setPage}
        card={(key) => <KeyCard key={key.uuid} sshKey={key} />}
      />
    </section>
  );
}

function KeyCard({ sshKey }: { sshKey: SshKey }) {
  const rename = useMutation(trpc.sshKeys.update.mutationOptions({ onSuccess: () => void keysChanged() }));
  const remove = useMutation(trpc.sshKeys.delete.mutationOptions({ onSuccess: () => void keysChanged() }));
  return (
    <NamedKeyCard
      name={sshKey.name}
      details={
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
      }
      deleteQuestion={`Delete ${sshKey.name}? It no longer opens anything.`}
      rename={rename}
      onRename={(name, done) => rename.mutate({ ssh_key: sshKey.uuid, name }, { onSuccess: done })}
      remove={remove}
      onRemove={() => remove.mutate({ ssh_key: sshKey.uuid })}
    />
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
