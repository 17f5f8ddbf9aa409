// The two reads every authenticated request makes: a session or an API key with its owner
// and the owner's role. They are one hand-written join each, because through Prisma's
// nested include they cost three queries and about four times the time, and this is the
// hottest path there is. Both providers return the same value types through $queryRaw;
// only JSON columns differ (text on SQLite, parsed on PostgreSQL).
import { Prisma } from './generated/sqlite/client.ts';
import type { Account, ApiKey, Db, Session } from './index.ts';

const OWNER_COLUMNS = Prisma.raw(`
  u.id AS "u_id", u.username AS "u_username", u.username_key AS "u_usernameKey", u.email AS "u_email",
  u.email_key AS "u_emailKey", u.name_first AS "u_nameFirst", u.name_last AS "u_nameLast",
  u.password_hash AS "u_passwordHash", u.admin AS "u_admin", u.role_id AS "u_roleId", u.language AS "u_language",
  u.toast_position AS "u_toastPosition", u.start_on_grouped_servers AS "u_startOnGroupedServers",
  u.totp_enabled AS "u_totpEnabled", u.totp_secret AS "u_totpSecret", u.totp_last_step AS "u_totpLastStep",
  u.totp_last_used AS "u_totpLastUsed", u.created AS "u_created",
  r.id AS "r_id", r.name AS "r_name", r.admin_permissions AS "r_adminPermissions",
  r.require_two_factor AS "r_requireTwoFactor", r.created AS "r_created"`);

type Row = Record<string, unknown>;

const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

/** Splits the prefixed columns of a row into one object. */
function pick(row: Row, prefix: string): Row {
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) if (column.startsWith(prefix)) out[column.slice(prefix.length)] = value;
  return out;
}

function owner(row: Row): Account {
  const role = row.r_id === null ? null : { ...pick(row, 'r_'), adminPermissions: json(row.r_adminPermissions) };
  return { ...pick(row, 'u_'), role } as Account;
}

export async function findSessionWithOwner(db: Db, id: string): Promise<(Session & { user: Account }) | undefined> {
  const [row] = await db.$queryRaw<Row[]>`
    SELECT s.id AS "s_id", s.user_id AS "s_userId", s.secret_hash AS "s_secretHash", s.ip AS "s_ip",
      s.user_agent AS "s_userAgent", s.last_used AS "s_lastUsed", s.created AS "s_created", ${OWNER_COLUMNS}
    FROM "sessions" s JOIN "users" u ON u.id = s.user_id LEFT JOIN "roles" r ON r.id = u.role_id
    WHERE s.id = ${id}`;
  return row && ({ ...pick(row, 's_'), user: owner(row) } as Session & { user: Account });
}

export async function findApiKeyWithOwner(db: Db, keyHash: string): Promise<(ApiKey & { user: Account }) | undefined> {
  const [row] = await db.$queryRaw<Row[]>`
    SELECT k.id AS "k_id", k.user_id AS "k_userId", k.name AS "k_name", k.key_start AS "k_keyStart",
      k.key_hash AS "k_keyHash", k.allowed_ips AS "k_allowedIps", k.user_permissions AS "k_userPermissions",
      k.admin_permissions AS "k_adminPermissions", k.server_permissions AS "k_serverPermissions",
      k.last_used AS "k_lastUsed", k.expires AS "k_expires", k.created AS "k_created", ${OWNER_COLUMNS}
    FROM "api_keys" k JOIN "users" u ON u.id = k.user_id LEFT JOIN "roles" r ON r.id = u.role_id
    WHERE k.key_hash = ${keyHash}`;
  if (!row) return undefined;
  const key = pick(row, 'k_');
  for (const list of ['allowedIps', 'userPermissions', 'adminPermissions', 'serverPermissions']) key[list] = json(key[list]);
  return { ...key, user: owner(row) } as ApiKey & { user: Account };
}
