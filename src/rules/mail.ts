// What the service tells an account by mail (SPEC §12), worded here and nowhere else.
// Short plain text with an HTML twin; nothing secret but a reset link.

type Nothing = Record<string, never>;

/** Every notice and the details it carries. None may hold a password, key, code or token. */
export interface Notices {
  'password-changed': Nothing;
  'password-reset': Nothing;
  /** Sent to the old address. */
  'email-changed': { new_email: string };
  'two-factor-disabled': Nothing;
  'recovery-codes-regenerated': Nothing;
  'admin-api-key-created': { name: string };
  /** The per-account failure budget (SPEC §9) is spent until `until` (RFC 3339). */
  'account-locked': { until: string };
  'new-sign-in': { ip: string; user_agent: string };
}

export type NoticeKind = keyof Notices;

export interface Letter {
  subject: string;
  text: string;
  html: string;
}

export interface Sender {
  appName: string;
  appUrl: URL;
}

const IF_NOT_YOU = 'If this was not you, reset your password now and check your sessions and API keys.';

function sentences<K extends NoticeKind>(kind: K, details: Notices[K]): { subject: string; lines: string[] } {
  const d = details as Record<string, string>;
  switch (kind) {
    case 'password-changed':
      return { subject: 'Your password was changed', lines: ['The password of your account was changed. Your other sessions were signed out.', IF_NOT_YOU] };
    case 'password-reset':
      return { subject: 'Your password was reset', lines: ['The password of your account was reset with a link sent to this address. Every session was signed out.', IF_NOT_YOU] };
    case 'email-changed':
      return { subject: 'Your email address was changed', lines: [`The email address of your account was changed to ${d.new_email}. Mail now goes there, not here.`, IF_NOT_YOU] };
    case 'two-factor-disabled':
      return { subject: 'Two-factor authentication was turned off', lines: ['Two-factor authentication was turned off for your account; a password alone now signs in.', IF_NOT_YOU] };
    case 'recovery-codes-regenerated':
      return { subject: 'New recovery codes were made', lines: ['New two-factor recovery codes were made for your account; the old ones no longer work.', IF_NOT_YOU] };
    case 'admin-api-key-created':
      return { subject: 'An API key with admin permissions was created', lines: [`An API key named "${d.name}" with admin permissions was created on your account.`, IF_NOT_YOU] };
    case 'account-locked':
      return {
        subject: 'Sign-in to your account is paused',
        lines: [`Too many failed sign-in attempts were made on your account. Sign-in is refused until ${d.until}; open sessions are not affected.`, 'If these attempts were not yours, someone may be guessing your password: choose a long, unique one.'],
      };
    case 'new-sign-in':
      return { subject: 'New sign-in to your account', lines: [`Your account was signed in to from ${d.ip} with ${d.user_agent || 'an unnamed browser'}, which it has not been signed in from lately.`, IF_NOT_YOU] };
  }
  throw new Error(`unknown notice: ${String(kind)}`);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function letter(sender: Sender, username: string, subject: string, lines: string[], link?: string): Letter {
  const paragraphs = [`Hello ${username},`, ...lines, ...(link ? [link] : []), `- ${sender.appName}, ${sender.appUrl.origin}`];
  return {
    subject: `${sender.appName}: ${subject}`,
    text: `${paragraphs.join('\n\n')}\n`,
    html: paragraphs
      .map((paragraph) => (paragraph === link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : `<p>${escapeHtml(paragraph)}</p>`))
      .join('\n'),
  };
}

export function renderNotice<K extends NoticeKind>(sender: Sender, username: string, kind: K, details: Notices[K]): Letter {
  const { subject, lines } = sentences(kind, details);
  return letter(sender, username, subject, lines);
}

/** The link a reset mail carries: the console's page, which posts the token to the API. */
export const resetLink = (appUrl: URL, token: string) => new URL(`/auth/reset-password?token=${encodeURIComponent(token)}`, appUrl.origin).href;

export function renderPasswordReset(sender: Sender, username: string, link: string, ttlSeconds: number): Letter {
  const minutes = Math.max(1, Math.round(ttlSeconds / 60));
  return letter(
    sender,
    username,
    'Reset your password',
    [`Someone asked to reset the password of your account. To choose a new one, open this link within ${minutes} minutes; it works once.`, 'If you did not ask, ignore this mail: your password stays as it is.'],
    link,
  );
}

/** Seconds before the next attempt after `attempts` failed ones: doubling from 5 s, at most 10 minutes. */
export const retryDelaySeconds = (attempts: number) => Math.min(600, 5 * 2 ** Math.max(0, Math.min(attempts - 1, 10)));
