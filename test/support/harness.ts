// A real server on loopback over a fresh database of the kind this project runs against.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import type { Logger } from 'pino';
import { afterAll, inject } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createAccount, type NewAccount } from '../../src/db/accounts.ts';
import { createLogger } from '../../src/server/log.ts';
import { startServer, type Running } from '../../src/server/start.ts';
import { HttpClient } from './http.ts';

export const DATABASE = (process.env.TEST_DATABASE ?? 'sqlite') as 'sqlite' | 'postgresql';

const temporaryDirectories: string[] = [];

/** A new directory in the system's temporary folder, removed when the test file ends. */
export function temporaryDirectory(prefix = 'panel-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporaryDirectories.push(dir);
  return dir;
}

// Registered when a test file imports the harness, so it runs after that file's own
// afterAll hooks have closed its servers.
afterAll(() => {
  for (const dir of temporaryDirectories.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new, empty database: a file in a temporary folder, or a new database on the test server. */
export async function freshDatabaseUrl(): Promise<string> {
  if (DATABASE === 'sqlite') return `file:${join(temporaryDirectory(), 'panel.db')}`;
  const admin = inject('postgresUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return admin.replace(/\/[^/]*$/, `/${name}`);
}

export interface TestServer extends Running {
  databaseUrl: string;
  dataDir: string;
  /** A client that keeps its own cookies. */
  client(headers?: Record<string, string>): HttpClient;
  /** Creates an account directly in the database, as the CLI does. */
  createUser(account?: Partial<NewAccount>): Promise<{ id: string; username: string; email: string; password: string }>;
  /** An account and a client signed in as it. */
  signedIn(account?: Partial<NewAccount>, headers?: Record<string, string>): Promise<{ user: { id: string; username: string; email: string; password: string }; http: HttpClient }>;
}

let counter = 0;

/** A logger whose JSON lines the test reads back. */
export function collectedLog(level: 'debug' | 'info') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, log: createLogger({ level, destination }) };
}

/** A port nothing listens on now, for a server that must know its address before it starts. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

export interface StartOptions {
  /** Another server's database and data directory, to restart on them. */
  reuse?: { databaseUrl: string; dataDir: string };
  /** The address to listen on: 127.0.0.1 unless a test needs IPv6 clients ('::'). */
  host?: string;
  /** The port to listen on: any free one, unless the test must name it beforehand (in APP_URL, say). */
  port?: number;
  /** A logger to read; by default logs are silent (TEST_LOG=info shows them). */
  log?: Logger;
}

export async function startTestServer(env: Record<string, string> = {}, options: StartOptions = {}): Promise<TestServer> {
  const { reuse, host = '127.0.0.1', port = 0, log = createLogger({ level: process.env.TEST_LOG ?? 'silent' }) } = options;
  const databaseUrl = reuse?.databaseUrl ?? (await freshDatabaseUrl());
  const dataDir = reuse?.dataDir ?? temporaryDirectory('panel-data-');
  const config = loadConfig({ RATE_LIMIT_LOGIN: '1000/300', RATE_LIMIT_CHECKPOINT: '1000/300', ...env, PORT: String(port), HOST: host, DATABASE_URL: databaseUrl, DATA_DIR: dataDir });
  const running = await startServer(config, { log });
  const server: TestServer = {
    ...running,
    databaseUrl,
    dataDir,
    client: (headers = {}) => new HttpClient(running.url, headers),
    async createUser(account = {}) {
      const n = ++counter;
      const values = { username: `user${n}_${randomBytes(2).toString('hex')}`, password: 'correct horse battery', ...account };
      const email = values.email ?? `${values.username}@example.com`;
      const user = await createAccount(running.services.db, { ...values, email });
      return { id: user.id, username: user.username, email, password: values.password };
    },
    async signedIn(account = {}, headers = {}) {
      const user = await server.createUser(account);
      const http = server.client(headers);
      const res = await http.post('/api/auth/login', { user: user.username, password: user.password });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
      return { user, http };
    },
  };
  return server;
}
