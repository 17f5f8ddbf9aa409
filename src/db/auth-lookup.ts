// The two reads every authenticated request makes: a session or an API key with its owner
// and the owner's role. They are the hottest path there is, so they skip Prisma and go to
// the driver as one prepared join each: through Prisma's query interpreter the same
// statement cost about fifteen times the CPU (bench/RESULTS.md). The rows are decoded here
// into the very objects Prisma would return, which test/auth-lookup.test.ts holds them to.
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import type { Account, ApiKey, Session } from './index.ts';

export type SessionWithOwner = Session & { user: Account };
export type ApiKeyWithOwner = ApiKey & { user: Account };

export interface AuthLookup {
  session(id: string): Promise<SessionWithOwner | undefined>;
  apiKey(keyHash: string): Promise<ApiKeyWithOwner | undefined>;
  close(): Promise<void>;
}

const OWNER_COLUMNS = `
  u.id AS u_id, u.username AS u_username, u.username_key AS u_username_key, u.email AS u_email,
  u.email_key AS u_email_key, u.name_first AS u_name_first, u.name_last AS u_name_last,
  u.password_hash AS u_password_hash, u.admin AS u_admin, u.role_id AS u_role_id, u.language AS u_language,
  u.toast_position AS u_toast_position, u.start_on_grouped_servers AS u_start_on_grouped_servers,
  u.totp_enabled AS u_totp_enabled, u.totp_secret AS u_totp_secret, u.totp_last_step AS u_totp_last_step,
  u.totp_last_used AS u_totp_last_used, u.created AS u_created,
  r.id AS r_id, r.name AS r_name, r.admin_permissions AS r_admin_permissions,
  r.require_two_factor AS r_require_two_factor, r.created AS r_created`;

const SESSION_SQL = `
  SELECT s.id, s.user_id, s.secret_hash, s.ip, s.user_agent, s.last_used, s.created, ${OWNER_COLUMNS}
  FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN roles r ON r.id = u.role_id
  WHERE s.id = $1`;

const API_KEY_SQL = `
  SELECT k.id, k.user_id, k.name, k.key_start, k.key_hash, k.allowed_ips, k.user_permissions,
    k.admin_permissions, k.server_permissions, k.last_used, k.expires, k.created, ${OWNER_COLUMNS}
  FROM api_keys k JOIN users u ON u.id = k.user_id LEFT JOIN roles r ON r.id = u.role_id
  WHERE k.key_hash = $1`;

type Row = Record<string, unknown>;

/** How a driver hands back the column types that are not plain strings and numbers. */
interface Decode {
  date(value: unknown): Date;
  bool(value: unknown): boolean;
  json(value: unknown): ApiKey['allowedIps'];
}

const nullable = <T>(decode: (value: unknown) => T) => (value: unknown) => (value === null ? null : decode(value));

function owner(row: Row, decode: Decode): Account {
  return {
    id: row.u_id as string,
    username: row.u_username as string,
    usernameKey: row.u_username_key as string,
    email: row.u_email as string,
    emailKey: row.u_email_key as string,
    nameFirst: row.u_name_first as string,
    nameLast: row.u_name_last as string,
    passwordHash: row.u_password_hash as string,
    admin: decode.bool(row.u_admin),
    roleId: row.u_role_id as string | null,
    language: row.u_language as string,
    toastPosition: row.u_toast_position as string,
    startOnGroupedServers: decode.bool(row.u_start_on_grouped_servers),
    totpEnabled: decode.bool(row.u_totp_enabled),
    totpSecret: row.u_totp_secret as string | null,
    totpLastStep: Number(row.u_totp_last_step),
    totpLastUsed: nullable(decode.date)(row.u_totp_last_used),
    created: decode.date(row.u_created),
    role:
      row.r_id === null
        ? null
        : {
            id: row.r_id as string,
            name: row.r_name as string,
            adminPermissions: decode.json(row.r_admin_permissions),
            requireTwoFactor: decode.bool(row.r_require_two_factor),
            created: decode.date(row.r_created),
          },
  };
}

const sessionOf = (row: Row, decode: Decode): SessionWithOwner => ({
  id: row.id as string,
  userId: row.user_id as string,
  secretHash: row.secret_hash as string,
  ip: row.ip as string,
  userAgent: row.user_agent as string,
  lastUsed: decode.date(row.last_used),
  created: decode.date(row.created),
  user: owner(row, decode),
});

const apiKeyOf = (row: Row, decode: Decode): ApiKeyWithOwner => ({
  id: row.id as string,
  userId: row.user_id as string,
  name: row.name as string,
  keyStart: row.key_start as string,
  keyHash: row.key_hash as string,
  allowedIps: decode.json(row.allowed_ips),
  userPermissions: decode.json(row.user_permissions),
  adminPermissions: decode.json(row.admin_permissions),
  serverPermissions: decode.json(row.server_permissions),
  lastUsed: nullable(decode.date)(row.last_used),
  expires: nullable(decode.date)(row.expires),
  created: decode.date(row.created),
  user: owner(row, decode),
});

/**
 * SQLite: a read-only connection of its own beside Prisma's, with both statements
 * prepared once. Under WAL it reads the last committed state without waiting for writers.
 * Prisma keeps dates as ISO-8601 text, booleans as 0/1 and JSON as text.
 */
export function sqliteAuthLookup(file: string): AuthLookup {
  const connection = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  const decode: Decode = { date: (v) => new Date(v as string), bool: (v) => v === 1, json: (v) => JSON.parse(v as string) };
  const findSession = connection.prepare<[string], Row>(SESSION_SQL.replace('$1', '?'));
  const findApiKey = connection.prepare<[string], Row>(API_KEY_SQL.replace('$1', '?'));
  return {
    session: async (id) => {
      const row = findSession.get(id);
      return row && sessionOf(row, decode);
    },
    apiKey: async (keyHash) => {
      const row = findApiKey.get(keyHash);
      return row && apiKeyOf(row, decode);
    },
    close: async () => void connection.close(),
  };
}

/**
 * PostgreSQL: named statements on the pool Prisma also uses, so each connection prepares
 * them once. The row comes back as one JSON value: node-postgres reads the row description
 * and parses every column on every query, and for these 35 columns that was about a third
 * of the lookup's CPU time. Prisma writes `timestamp(3)` columns in UTC, and JSON carries
 * them without a zone, so they are read as UTC.
 */
export function postgresAuthLookup(pool: pg.Pool): AuthLookup {
  const decode: Decode = { date: (v) => new Date(`${v as string}Z`), bool: (v) => v as boolean, json: (v) => v as ApiKey['allowedIps'] };
  const asJson = (sql: string) => `SELECT row_to_json(found) AS found FROM (${sql}) found`;
  const [sessionSql, apiKeySql] = [asJson(SESSION_SQL), asJson(API_KEY_SQL)];
  const first = async (name: string, text: string, value: string) => (await pool.query<{ found: Row }>({ name, text, values: [value] })).rows[0]?.found;
  return {
    session: async (id) => {
      const row = await first('auth-session', sessionSql, id);
      return row && sessionOf(row, decode);
    },
    apiKey: async (keyHash) => {
      const row = await first('auth-api-key', apiKeySql, keyHash);
      return row && apiKeyOf(row, decode);
    },
    close: () => pool.end(),
  };
}
