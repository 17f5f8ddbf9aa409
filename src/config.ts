// Settings from the environment, checked once at start: a bad value stops the start.
import { isIP } from 'node:net';
import { z } from 'zod';
import { parseRange } from './rules/ip-ranges.ts';

const rate = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, ctx) => {
      const match = /^(\d+)\/(\d+)$/.exec(value.trim());
      const count = Number(match?.[1]);
      const seconds = Number(match?.[2]);
      if (!match || count < 1 || seconds < 1) {
        ctx.addIssue({ code: 'custom', message: 'must be written count/seconds, for example 20/300' });
        return z.NEVER;
      }
      return { count, seconds };
    });

/** `scheme://host[:port]` exactly as a browser writes it in Origin, or undefined. */
function originOf(text: string): string | undefined {
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  if (!/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash || url.pathname !== '/') return undefined;
  return url.origin;
}

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
    .optional()
    .transform((value) => (value === undefined ? fallback : ['true', '1', 'yes'].includes(value)));

const seconds = (fallback: number) => z.coerce.number({ error: 'must be a number of seconds' }).int().min(1).default(fallback);

const schema = z
  .object({
    PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(3000),
    HOST: z
      .string()
      .default('::')
      .refine((host) => isIP(host) !== 0, 'must be an ip address to listen on, for example :: (every interface) or 127.0.0.1'),
    DATABASE_URL: z
      .string()
      .default('file:./data/panel.db')
      .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), 'must start with file: (SQLite) or postgres:// (PostgreSQL)'),
    DATABASE_POOL_SIZE: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    APP_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
    APP_NAME: z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters').default('Panel'),
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((value, ctx) =>
        value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
          .map((item) => {
            const origin = originOf(item);
            if (!origin) ctx.addIssue({ code: 'custom', message: `not an origin (scheme://host[:port]): ${item}` });
            return origin ?? '';
          }),
      ),
    TRUSTED_PROXIES: z
      .string()
      .default('')
      .transform((value, ctx) => {
        return value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
          .map((item) => {
            const range = parseRange(item);
            if (!range) ctx.addIssue({ code: 'custom', message: `not an ip address or cidr range: ${item}` });
            return range ?? '';
          });
      }),
    TWO_FACTOR_REQUIREMENT: z.enum(['none', 'admins', 'all_users'], { error: 'must be none, admins or all_users' }).default('none'),
    API_KEY_LIMIT: z.coerce.number({ error: 'must be a whole number' }).int().min(1).default(25),
    SSH_KEY_LIMIT: z.coerce.number({ error: 'must be a whole number' }).int().min(1).default(25),
    SECURITY_KEY_LIMIT: z.coerce.number({ error: 'must be a whole number' }).int().min(1).default(25),
    ALLOW_LANGUAGE_CHANGE: flag(true),
    RATE_LIMIT_LOGIN: rate('20/300'),
    RATE_LIMIT_CHECKPOINT: rate('10/300'),
    RATE_LIMIT_ACCOUNT_FAILURES: rate('100/3600'),
    TRPC_MAX_BATCH: z.coerce.number({ error: 'must be a whole number' }).int().min(1).default(10),
    SESSION_IDLE_TIMEOUT: seconds(7 * 24 * 3600),
    SESSION_MAX_AGE: seconds(30 * 24 * 3600),
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
    MAIL_FROM: z
      .string()
      .regex(/^([^<>]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, 'must be an address, as in Panel <no-reply@example.com>')
      .optional(),
    PASSWORD_RESET_TTL: seconds(3600),
    RATE_LIMIT_PASSWORD_FORGOT: rate('5/3600'),
    RATE_LIMIT_PASSWORD_RESET: rate('10/300'),
    ACTIVITY_RETENTION_DAYS: z.coerce.number({ error: 'must be a whole number of days' }).int('must be a whole number of days').min(1, 'must be at least 1').default(90),
  })
  .transform((env) => ({
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    /** PostgreSQL's connections per instance; unset, the database's module sizes the pool. */
    databasePoolSize: env.DATABASE_POOL_SIZE,
    dataDir: env.DATA_DIR,
    sessionSecret: env.SESSION_SECRET,
    appUrl: new URL(env.APP_URL ?? `http://localhost:${env.PORT}`),
    /** Whether APP_URL was given: only then is the panel's origin known for certain (SPEC §9b). */
    appUrlSet: env.APP_URL !== undefined,
    appName: env.APP_NAME,
    corsOrigins: env.CORS_ORIGINS,
    trustedProxies: env.TRUSTED_PROXIES,
    twoFactorRequirement: env.TWO_FACTOR_REQUIREMENT,
    apiKeyLimit: env.API_KEY_LIMIT,
    sshKeyLimit: env.SSH_KEY_LIMIT,
    securityKeyLimit: env.SECURITY_KEY_LIMIT,
    allowLanguageChange: env.ALLOW_LANGUAGE_CHANGE,
    rateLimits: {
      login: env.RATE_LIMIT_LOGIN,
      checkpoint: env.RATE_LIMIT_CHECKPOINT,
      accountFailures: env.RATE_LIMIT_ACCOUNT_FAILURES,
      passwordForgot: env.RATE_LIMIT_PASSWORD_FORGOT,
      passwordReset: env.RATE_LIMIT_PASSWORD_RESET,
    },
    trpcMaxBatch: env.TRPC_MAX_BATCH,
    sessionIdleSeconds: env.SESSION_IDLE_TIMEOUT,
    sessionMaxAgeSeconds: env.SESSION_MAX_AGE,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    passwordResetTtlSeconds: env.PASSWORD_RESET_TTL,
    activityRetentionDays: env.ACTIVITY_RETENTION_DAYS,
  }))
  // An address takes APP_URL's host name alone: a port has no place in it.
  .transform((config) => ({ ...config, mailFrom: config.mailFrom ?? `${config.appName} <no-reply@${config.appUrl.hostname}>` }));

export type Config = z.output<typeof schema>;
export type TwoFactorRequirement = Config['twoFactorRequirement'];

export class ConfigError extends Error {}

/** Reads the settings from an environment; throws ConfigError naming every bad value. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`invalid settings:\n  ${problems.join('\n  ')}`);
}
