// The two reads every authenticated request makes: a session or an API key with its owner
// and the owner's role. They are the hottest path there is, so they skip Prisma and go to
// the driver as one prepared join each: through Prisma's query interpreter the same
// statement cost about fifteen times the CPU (bench/RESULTS.md). The rows are decoded here
// into the very objects Prisma would return, which test/auth-lookup.test.ts holds them to.
import BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { isDatabaseUnavailable } from './errors.ts';
import type { Account, ApiKey, Session } from './index.ts';

export type SessionWithOwner = Session & { user: Account };
export type ApiKeyWithOwner = ApiKey & { user: Account };

export interface AuthLookup {
  session(id: string): Promise<SessionWithOwner | undefined>;
  apiKey(keyHash: string): Promise<ApiKeyWithOwner | undefined>;
  close(): Promise<void>;
}

type Column = [name: string, expression: string];

/** Each column of a table, under the name the row gives it. */
const columns = (table: string, prefix: string, names: string[]) => names.map((name): Column => [`${prefix}${name}`, `${table}.${name}`]);

const OWNER_COLUMNS = [
  ...columns('u', 'u_', [
    'id', 'username', 'username_key', 'email', 'email_key', 'name_first', 'name_last', 'password_hash', 'admin', 'role_id',
    'language', 'toast_position', 'start_on_grouped_servers', 'totp_enabled', 'totp_secret', 'totp_last_step', 'totp_last_used', 'created',
  ]),
  ...columns('r', 'r_', ['id', 'name', 'admin_permissions', 'require_two_factor', 'created']),
];

/** A read: the columns it returns and the rest of its statement. */
interface Read {
  columns: Column[];
  from: string;
}

// Both reads match their parameter in a one-table subquery, not in the join: once ANALYZE
// (or PRAGMA optimize) has left sqlite_stat4 behind, SQLite's planner reads a bound value
// that a join's WHERE clause compares, and then prepares the statement again whenever a new
// value is bound, which is every request. A one-table unique lookup is planned without it.

const SESSION_READ: Read = {
  columns: [...columns('s', '', ['id', 'user_id', 'secret_hash', 'ip', 'user_agent', 'last_used', 'created']), ...OWNER_COLUMNS],
  from: 'FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN roles r ON r.id = u.role_id WHERE s.id = (SELECT id FROM sessions WHERE id = $1)',
};

const API_KEY_READ: Read = {
  columns: [
    ...columns('k', '', [
      'id', 'user_id', 'name', 'key_start', 'key_hash', 'allowed_ips', 'user_permissions', 'admin_permissions', 'server_permissions',
      'last_used', 'expires', 'created',
    ]),
    ...OWNER_COLUMNS,
  ],
  from: 'FROM api_keys k JOIN users u ON u.id = k.user_id LEFT JOIN roles r ON r.id = u.role_id WHERE k.id = (SELECT id FROM api_keys WHERE key_hash = $1)',
};

/**
 * The read as one JSON object per row, built by the database's own function for it. A
 * driver turns each of 35 columns into a value on every query; one text value parsed by
 * JSON.parse cost a third less on SQLite and node-postgres (bench/RESULTS.md).
 */
const asJsonObject = (read: Read, buildObject: string) =>
  `SELECT ${buildObject}(${read.columns.map(([name, expression]) => `'${name}', ${expression}`).join(', ')}) AS found ${read.from}`;

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
  // No busy timeout: a wait would be synchronous, and under WAL a read never needs one.
  const connection = new BetterSqlite3(file, { readonly: true, fileMustExist: true, timeout: 0 });
  const decode: Decode = { date: (v) => new Date(v as string), bool: (v) => v === 1, json: (v) => JSON.parse(v as string) };
  const prepare = (read: Read) => connection.prepare<[string], string>(asJsonObject(read, 'json_object').replace('$1', '?')).pluck();
  const [findSession, findApiKey] = [prepare(SESSION_READ), prepare(API_KEY_READ)];
  const first = (statement: typeof findSession, value: string) => {
    const found = statement.get(value);
    return found === undefined ? undefined : (JSON.parse(found) as Row);
  };
  return {
    session: async (id) => {
      const row = first(findSession, id);
      return row && sessionOf(row, decode);
    },
    apiKey: async (keyHash) => {
      const row = first(findApiKey, keyHash);
      return row && apiKeyOf(row, decode);
    },
    close: async () => void connection.close(),
  };
}

/**
 * PostgreSQL: a connection of its own in node-postgres's pipeline mode, so that the reads of
 * concurrent requests go out back to back on one backend instead of each waiting for a pooled
 * connection and waking a backend of its own: under load that halved the CPU of both the
 * panel and the database per read (bench/RESULTS.md). Both statements are named, prepared
 * once per connection. A connection that fails or ends is dropped and the next read opens
 * another, so reads recover by themselves when the database is back.
 *
 * Prisma writes `timestamp(3)` columns in UTC, and JSON carries them without a zone, so they
 * are read as UTC. The caller hands over node-postgres, which it loads only for PostgreSQL.
 */
export function postgresAuthLookup(url: string, driver: typeof pg): AuthLookup {
  const decode: Decode = { date: (v) => new Date(`${v as string}Z`), bool: (v) => v as boolean, json: (v) => v as ApiKey['allowedIps'] };
  const [sessionSql, apiKeySql] = [asJsonObject(SESSION_READ, 'json_build_object'), asJsonObject(API_KEY_READ, 'json_build_object')];
  let connection: Promise<pg.Client> | undefined;
  let closed = false;

  const connect = () => {
    const client = new driver.Client({ connectionString: url, pipeline: true });
    const connected = client.connect().then(() => client);
    const drop = () => {
      if (connection === connected) connection = undefined;
    };
    // The reads waiting on a lost connection fail with its error; the event itself is only a signal.
    client.on('error', drop);
    client.on('end', drop);
    connected.catch(drop);
    return connected;
  };

  const first = async (name: string, text: string, value: string, retry = true): Promise<Row | undefined> => {
    // Worded as node-postgres words a closed connection, so that it answers 503 like one.
    if (closed) throw new Error('Connection terminated: the authentication reads are closed');
    const current = (connection ??= connect());
    const client = await current;
    try {
      return (await client.query<{ found: Row }>({ name, text, values: [value] })).rows[0]?.found;
    } catch (error) {
      // A connection lost under the read (the server ended or restarted it) is replaced, and
      // the read, which changes nothing, is tried once more on a new one before it fails.
      if (!retry || !isDatabaseUnavailable(error)) throw error;
      if (connection === current) connection = undefined;
      client.end().catch(() => {});
      return first(name, text, value, false);
    }
  };

  return {
    session: async (id) => {
      const row = await first('auth-session', sessionSql, id);
      return row && sessionOf(row, decode);
    },
    apiKey: async (keyHash) => {
      const row = await first('auth-api-key', apiKeySql, keyHash);
      return row && apiKeyOf(row, decode);
    },
    close: async () => {
      closed = true;
      const client = await connection?.catch(() => undefined);
      connection = undefined;
      await client?.end();
    },
  };
}
