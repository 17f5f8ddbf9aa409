// Two-factor authentication: set up from a QR code drawn here from otp_url (or the secret
// typed in), turn on with a first code, see the recovery codes once; new recovery codes in
// place of the old ones; turn off.
import { useMutation } from '@tanstack/react-query';
import { toCanvas } from 'qrcode';
import { useEffect, useMemo, useRef, useState } from 'react';
import { failureOf } from '../errors.ts';
import { accountChanged, trpc, type User } from '../trpc.ts';
import { Alert, CopyButton, Field, Form, Notice, useMessages } from '../ui.tsx';

export function TwoFactorScreen({ user }: { user: User }) {
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();
  const [notice, setNotice] = useState<string>();
  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(undefined)} />;
  return (
    <>
      {notice ? <Notice>{notice}</Notice> : null}
      {user.totp_enabled ? (
        <>
          <NewRecoveryCodes onDone={setRecoveryCodes} />
          <TurnOff onDone={() => setNotice('Two-factor authentication is off.')} />
        </>
      ) : (
        <TurnOn
          onDone={(codes) => {
            setNotice('Two-factor authentication is on.');
            setRecoveryCodes(codes);
          }}
        />
      )}
    </>
  );
}

function TurnOn({ onDone }: { onDone: (recoveryCodes: string[]) => void }) {
  // Each setup makes a new pending secret, so it runs when asked, never on a refetch.
  const setup = useMutation(trpc.twoFactor.setup.mutationOptions());
  const enable = useMutation(
    trpc.twoFactor.enable.mutationOptions({
      onSuccess: ({ recovery_codes }) => {
        accountChanged();
        onDone(recovery_codes);
      },
    }),
  );
  const messages = useMessages(enable.error, ['code', 'password']);
  if (!setup.data) {
    return (
      <section aria-labelledby="off-heading">
        <h2 id="off-heading">Two-factor authentication is off</h2>
        <p>With it on, signing in asks for a code from an authenticator app on your phone as well as the password.</p>
        {setup.isError ? <Alert messages={failureOf(setup.error).messages} /> : null}
        <button type="button" className="primary" onClick={() => setup.mutate()} aria-disabled={setup.isPending || undefined}>
          Set up two-factor authentication
        </button>
      </section>
    );
  }
  const { otp_url, secret } = setup.data;
  return (
    <section aria-labelledby="setup-heading">
      <h2 id="setup-heading">Set up your authenticator app</h2>
      <ol className="steps">
        <li>
          <p>Scan this QR code with the app, or type the secret key into it.</p>
          <QrCode text={otp_url} />
          <p className="secret">
            Secret key: <code data-secret>{secret}</code> <CopyButton text={secret} label="Copy the secret key" />
          </p>
        </li>
        <li>
          <p>Enter the 6-digit code the app now shows, and your password, to turn two-factor on.</p>
          <Form onSubmit={(data) => enable.mutate({ code: String(data.get('code')), password: String(data.get('password')) })} messages={messages} busy={enable.isPending} submit="Turn on">
            <Field label="Authentication code" name="code" inputMode="numeric" autoComplete="one-time-code" required errors={messages.fields.code} />
            <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={messages.fields.password} />
          </Form>
        </li>
      </ol>
    </section>
  );
}

function QrCode({ text }: { text: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (canvas.current) toCanvas(canvas.current, text, { width: 200, margin: 2 }).catch(() => setFailed(true));
  }, [text]);
  if (failed) return <p>The QR code could not be drawn; type the secret key instead.</p>;
  return <canvas ref={canvas} className="qr" role="img" aria-label="QR code to scan with an authenticator app" />;
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const text = `${codes.join('\n')}\n`;
  // An object URL for the download, released when the codes leave the screen.
  const download = useMemo(() => URL.createObjectURL(new Blob([text], { type: 'text/plain' })), [text]);
  useEffect(() => () => URL.revokeObjectURL(download), [download]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="codes-heading">
      <h2 id="codes-heading" ref={heading} tabIndex={-1}>
        Save your recovery codes
      </h2>
      <p>
        Two-factor authentication is on. If you lose your phone, each of these codes signs you in once in place of an app code; codes from before no longer
        work. <strong>They are shown only now.</strong>
      </p>
      <ul className="codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p className="actions">
        <CopyButton text={text} label="Copy the codes" />
        <a className="button" href={download} download="recovery-codes.txt">
          Download the codes
        </a>
        <button type="button" className="primary" onClick={onDone}>
          I have saved them
        </button>
      </p>
    </section>
  );
}

function NewRecoveryCodes({ onDone }: { onDone: (recoveryCodes: string[]) => void }) {
  const regenerate = useMutation(trpc.twoFactor.regenerateRecoveryCodes.mutationOptions({ onSuccess: ({ recovery_codes }) => onDone(recovery_codes) }));
  const messages = useMessages(regenerate.error, ['code', 'password']);
  return (
    <section aria-labelledby="new-codes-heading">
      <h2 id="new-codes-heading">New recovery codes</h2>
      <p>Used some, or lost them? Make 10 new ones; the old codes stop working. Enter a code from your authenticator app or a recovery code, and your password.</p>
      <Form
        onSubmit={(data) => regenerate.mutate({ code: String(data.get('code')), password: String(data.get('password')) })}
        messages={messages}
        busy={regenerate.isPending}
        submit="Make new recovery codes"
      >
        <Field label="Authentication or recovery code" name="code" autoComplete="one-time-code" autoCapitalize="none" required errors={messages.fields.code} />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={messages.fields.password} />
      </Form>
    </section>
  );
}

function TurnOff({ onDone }: { onDone: () => void }) {
  const disable = useMutation(
    trpc.twoFactor.disable.mutationOptions({
      onSuccess: () => {
        accountChanged();
        onDone();
      },
    }),
  );
  const messages = useMessages(disable.error, ['code', 'password']);
  return (
    <section aria-labelledby="on-heading">
      <h2 id="on-heading">Two-factor authentication is on</h2>
      <p>To turn it off, enter a code from your authenticator app or a recovery code, and your password.</p>
      <Form onSubmit={(data) => disable.mutate({ code: String(data.get('code')), password: String(data.get('password')) })} messages={messages} busy={disable.isPending} submit="Turn off" danger>
        <Field label="Authentication or recovery code" name="code" autoComplete="one-time-code" autoCapitalize="none" required errors={messages.fields.code} />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={messages.fields.password} />
      </Form>
    </section>
  );
}
