// Settings are checked at start: a bad value stops `npm start` with a message naming it.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: 'file:./data/panel.db',
      twoFactorRequirement: 'none',
      apiKeyLimit: 25,
      allowLanguageChange: true,
      rateLimits: { login: { count: 20, seconds: 300 }, checkpoint: { count: 10, seconds: 300 } },
      sessionIdleSeconds: 7 * 24 * 3600,
      activityRetentionDays: 90,
    });
    expect(config.appUrl.origin).toBe('http://localhost:3000');
  });

  it.each([
    ['TWO_FACTOR_REQUIREMENT', 'sometimes'],
    ['API_KEY_LIMIT', 'many'],
    ['RATE_LIMIT_LOGIN', '20 per minute'],
    ['TRUSTED_PROXIES', '10.0.0.0/8,not-an-ip'],
    ['APP_URL', 'ftp://panel.example'],
    ['DATABASE_URL', 'mysql://x'],
    ['ALLOW_LANGUAGE_CHANGE', 'maybe'],
    ['SESSION_SECRET', 'short'],
    ['ACTIVITY_RETENTION_DAYS', '0'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
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
