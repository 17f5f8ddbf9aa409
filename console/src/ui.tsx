// The few building blocks every screen uses: forms whose errors sit next to their fields,
// messages, dates, paging, copy and confirm buttons, the card of a named key. Plain elements, styled by style.css.
import { useEffect, useId, useMemo, useRef, useState, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { failureOf, sortMessages, type SortedMessages } from './errors.ts';

const NO_MESSAGES: SortedMessages = { fields: {}, general: [] };

/** The messages of a failed call, sorted onto the form's fields. */
export function useMessages(error: unknown, fields: readonly string[]): SortedMessages {
  // Each form's field list is a constant, so the error alone decides.
  return useMemo(() => (error ? sortMessages(failureOf(error).messages, fields) : NO_MESSAGES), [error]);
}

export function Form({
  onSubmit,
  messages,
  busy,
  submit,
  danger,
  children,
}: {
  onSubmit: (data: FormData, form: HTMLFormElement) => void;
  messages: SortedMessages;
  busy: boolean;
  submit: string;
  danger?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLFormElement>(null);
  // After a failure, focus goes to the first problem in the form: the message above it,
  // an input a message names, or a group's messages.
  useEffect(() => {
    if (messages !== NO_MESSAGES) ref.current?.querySelector<HTMLElement>('.alert, [aria-invalid="true"], .focus-on-error')?.focus();
  }, [messages]);
  return (
    <form
      ref={ref}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) onSubmit(new FormData(event.currentTarget), event.currentTarget);
      }}
    >
      <Alert messages={messages.general} />
      {children}
      <div className="actions">
        {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus. */}
        <button type="submit" className={danger ? 'danger' : 'primary'} aria-disabled={busy || undefined}>
          {busy ? 'Working…' : submit}
        </button>
      </div>
    </form>
  );
}

type FieldProps = { label: string; name: string; errors?: string[] | undefined; hint?: ReactNode };

function describedBy(id: string, hint: ReactNode, errors: string[] | undefined) {
  return [hint ? `${id}-hint` : '', errors?.length ? `${id}-errors` : ''].filter(Boolean).join(' ') || undefined;
}

function FieldShell({ id, label, hint, errors, children }: { id: string; label: string; hint: ReactNode; errors: string[] | undefined; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {errors?.length ? (
        <ul className="field-errors" id={`${id}-errors`}>
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function Field({ label, name, errors, hint, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <input id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} {...input} />
    </FieldShell>
  );
}

export function TextArea({ label, name, errors, hint, ...input }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <textarea id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} {...input} />
    </FieldShell>
  );
}

export function Alert({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="alert" role="alert" tabIndex={-1}>
      <ul>
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}

/** What a query could not load, with a way to ask again. */
export function LoadFailure({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="alert" role="alert">
      <ul>
        {failureOf(error).messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
      <button type="button" onClick={retry}>
        Try again
      </button>
    </div>
  );
}

/** A success message, read out by screen readers when it appears. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="notice" role="status">
      {children}
    </p>
  );
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function Time({ value, empty = 'never' }: { value: Date | null; empty?: string }) {
  return value ? <time dateTime={value.toISOString()}>{dateFormat.format(value)}</time> : <>{empty}</>;
}

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  return (
    <span className="copy">
      <button type="button" onClick={copy}>
        {label}
      </button>
      <span role="status" className="copy-state">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copying is blocked here: select the text instead' : ''}
      </span>
    </span>
  );
}

/** For the button that opens a form in place: the focus returns to it when the form closes. */
export function useFocusOnClose<T extends HTMLElement>(open: boolean) {
  const ref = useRef<T>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) ref.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return ref;
}

/** A destructive action asked twice: the first press asks, the second does it. */
export function ConfirmButton({ label, question, busy, onConfirm, context }: { label: string; question: string; busy: boolean; onConfirm: () => void; context?: string }) {
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirm.current?.focus();
    else if (wasAsking.current) start.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <button ref={start} type="button" className="danger" onClick={() => setAsking(true)}>
        {label}
        {context ? <span className="visually-hidden"> {context}</span> : null}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button ref={confirm} type="button" className="danger" aria-disabled={busy || undefined} onClick={() => !busy && onConfirm()}>
        {busy ? 'Working…' : `Yes, ${label.toLowerCase()}`}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}

/** Where a card's rename or delete stands: the fields of a TanStack Query mutation it reads. */
interface Action {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  reset: () => void;
}

/**
 * A key the account holds under a name it chose (an SSH key, a security key): its details,
 * renaming it in a form opened in place, deleting it after asking.
 */
export function NamedKeyCard({
  name,
  details,
  deleteQuestion,
  rename,
  onRename,
  remove,
  onRemove,
}: {
  name: string;
  details: ReactNode;
  deleteQuestion: string;
  rename: Action;
  /** Saves the new name, then calls `done`. */
  onRename: (name: string, done: () => void) => void;
  remove: Action;
  onRemove: () => void;
}) {
  const [renaming, setRenaming] = useState(false);
  const renameButton = useFocusOnClose<HTMLButtonElement>(renaming);
  const [notice, setNotice] = useState<string>();
  const messages = useMessages(rename.error, ['name']);
  const save = (data: FormData) => {
    const newName = String(data.get('name'));
    onRename(newName, () => {
      setRenaming(false);
      setNotice(`Renamed to ${newName}.`);
    });
  };
  return (
    <li className="card">
      <h3 className="card-title">{name}</h3>
      {details}
      {notice ? <Notice>{notice}</Notice> : null}
      {remove.isError ? <Alert messages={failureOf(remove.error).messages} /> : null}
      {renaming ? (
        <>
          <Form onSubmit={save} messages={messages} busy={rename.isPending} submit="Save the name">
            <Field label="New name" name="name" defaultValue={name} required autoFocus errors={messages.fields.name} />
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
            Rename<span className="visually-hidden"> the key {name}</span>
          </button>
          <ConfirmButton label="Delete" context={`the key ${name}`} question={deleteQuestion} busy={remove.isPending} onConfirm={onRemove} />
        </p>
      )}
    </li>
  );
}

/** One page of a list as cards: loading, a failure with a retry, the empty text, then the cards and the pager. */
export function PagedCards<T extends { uuid: string }>({
  query,
  list,
  empty,
  page,
  perPage,
  onPage,
  card,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  list: { total: number; data: readonly T[] } | undefined;
  empty?: string;
  page: number;
  perPage: number;
  onPage: (page: number) => void;
  card: (item: T) => ReactNode;
}) {
  return (
    <>
      {query.isPending ? <p role="status">Loading…</p> : null}
      {query.isError ? <LoadFailure error={query.error} retry={() => void query.refetch()} /> : null}
      {empty && list?.total === 0 ? <p>{empty}</p> : null}
      <ul className="cards">{list?.data.map(card)}</ul>
      {list ? <Pager page={page} perPage={perPage} total={list.total} onPage={onPage} /> : null}
    </>
  );
}

export function Pager({ page, perPage, total, onPage }: { page: number; perPage: number; total: number; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages === 1) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1}>
        Previous
      </button>
      <span>
        Page {page} of {pages}
      </span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pages}>
        Next
      </button>
    </nav>
  );
}
