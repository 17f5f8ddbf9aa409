// Settings are checked at start: a bad value stops `npm start` with a message naming it.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '::',
      trpcMaxBatch: 10,
      databaseUrl: 'file:./data/panel.db',
      databasePoolSize: undefined,
      twoFactorRequirement: 'none',
      apiKeyLimit: 25,
      sshKeyLimit: 25,
      allowLanguageChange: true,
      rateLimits: { login: { count: 20, seconds: 300 }, checkpoint: { count: 10, seconds: 300 }, accountFailures: { count: 100, seconds: 3600 } },
      sessionIdleSeconds: 7 * 24 * 3600,
      activityRetentionDays: 90,
    });
    expect(config.appUrl.origin).toBe('http://localhost:3000');
    expect(config).toMatchObject({ appUrlSet: false, appName: 'Panel', corsOrigins: [] });
  });

  it.each([
    ['TWO_FACTOR_REQUIREMENT', 'sometimes'],
    ['API_KEY_LIMIT', 'many'],
    ['SSH_KEY_LIMIT', '0'],
    ['RATE_LIMIT_LOGIN', '20 per minute'],
    ['RATE_LIMIT_ACCOUNT_FAILURES', '0/3600'],
    ['TRUSTED_PROXIES', '10.0.0.0/8,not-an-ip'],
    ['APP_URL', 'ftp://panel.example'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_POOL_SIZE', '0'],
    ['DATABASE_POOL_SIZE', 'many'],
    ['ALLOW_LANGUAGE_CHANGE', 'maybe'],
    ['SESSION_SECRET', 'short'],
    ['HOST', 'every-interface'],
    ['TRPC_MAX_BATCH', '0'],
    ['CORS_ORIGINS', 'http://localhost:5173,localhost:5173'],
    ['CORS_ORIGINS', 'https://panel.example/app'],
    ['CORS_ORIGINS', 'ftp://panel.example'],
    ['APP_NAME', ' '],
    ['SMTP_URL', 'http://mail.example.com'],
    ['MAIL_FROM', 'Panel <no address>'],
    ['PASSWORD_RESET_TTL', '0'],
    ['RATE_LIMIT_PASSWORD_FORGOT', '5'],
    ['RATE_LIMIT_PASSWORD_RESET', '10/0'],
    ['ACTIVITY_RETENTION_DAYS', 'forever'],
    ['ACTIVITY_RETENTION_DAYS', '0'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it('remembers whether APP_URL was given, and writes CORS origins as browsers send them', () => {
    const config = loadConfig({ APP_URL: 'https://panel.example.com', CORS_ORIGINS: ' http://localhost:5173/ , https://Admin.Example.com:443' });
    expect(config.appUrlSet).toBe(true);
    expect(config.corsOrigins).toEqual(['http://localhost:5173', 'https://admin.example.com']);
  });

  it('has the documented mail defaults, the sender named after APP_NAME and APP_URL\'s host', () => {
    expect(loadConfig({})).toMatchObject({
      appName: 'Panel',
      smtpUrl: undefined,
      mailFrom: 'Panel <no-reply@localhost>',
      passwordResetTtlSeconds: 3600,
      activityRetentionDays: 90,
      rateLimits: { passwordForgot: { count: 5, seconds: 3600 }, passwordReset: { count: 10, seconds: 300 } },
    });
    expect(loadConfig({ APP_NAME: 'Games', APP_URL: 'https://panel.example.com:8443' }).mailFrom).toBe('Games <no-reply@panel.example.com>');
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.com:465', MAIL_FROM: 'ops@example.com' })).toMatchObject({ smtpUrl: 'smtps://u:p@mail.example.com:465', mailFrom: 'ops@example.com' });
  });

  it('takes a pool size for PostgreSQL', () => {
    expect(loadConfig({ DATABASE_POOL_SIZE: '7' }).databasePoolSize).toBe(7);
  });

  it('normalises trusted proxies to CIDR ranges', () => {
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.1, 2001:db8::/32' }).trustedProxies).toEqual(['10.0.0.1/32', '2001:db8::/32']);
  });
});

it('npm start exits non-zero on a bad setting, saying which', () => {
  const run = spawnSync('npm', ['start', '--silent'], { env: { ...process.env, TWO_FACTOR_REQUIREMENT: 'sometimes' }, encoding: 'utf8', timeout: 60_000 });
  expect(run.status).not.toBe(0);
  expect(run.stderr).toContain('TWO_FACTOR_REQUIREMENT: must be none, admins or all_users');
});
