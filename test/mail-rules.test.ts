// The wording of mails and the sender's retry delays (src/rules/mail.ts): plain functions.
import { expect, it } from 'vitest';
import { renderNotice, renderPasswordReset, resetLink, retryDelaySeconds } from '../src/rules/mail.ts';

const sender = { appName: 'Panel', appUrl: new URL('https://panel.example.com/') };

it('doubles the retry delay from 5 seconds up to 10 minutes', () => {
  expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map(retryDelaySeconds)).toEqual([5, 10, 20, 40, 80, 160, 320, 600, 600]);
});

it('links to the console page with the token, and says how long it works', () => {
  const link = resetLink(sender.appUrl, 'abc_DEF-123');
  expect(link).toBe('https://panel.example.com/auth/reset-password?token=abc_DEF-123');
  const letter = renderPasswordReset(sender, 'ada', link, 3600);
  expect(letter.subject).toBe('Panel: Reset your password');
  expect(letter.text).toContain(link);
  expect(letter.text).toContain('within 60 minutes');
  expect(letter.html).toContain(`<a href="${link}">`);
});

it('escapes what a client chose (a key name, a browser) in the HTML part', () => {
  const letter = renderNotice(sender, 'ada', 'admin-api-key-created', { name: '<img src=x>' });
  expect(letter.html).not.toContain('<img');
  expect(letter.text).toContain('"<img src=x>"');
  const signIn = renderNotice(sender, 'ada', 'new-sign-in', { ip: '203.0.113.7', user_agent: '"><script>' });
  expect(signIn.html).not.toContain('<script>');
  expect(signIn.subject).toBe('Panel: New sign-in to your account');
});
