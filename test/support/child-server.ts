// `node src/main.ts` in a process of its own, for tests that stop or share servers.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll } from 'vitest';
import { freshDatabaseUrl, startTestServer, temporaryDirectory } from './harness.ts';

const children = new Set<ChildProcess>();

// A test that failed or timed out before stopping its server leaves no process behind.
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

/**
 * The memory settings `npm start` runs Node with (package.json: `NAME=value node --flag... dist/main.mjs`),
 * so that a child server holds what a deployment would.
 */
function startSettings() {
  const start: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start;
  const words = start.split('&&').at(-1)!.trim().split(/\s+/);
  const node = words.indexOf('node');
  const env = Object.fromEntries(words.slice(0, node).map((word) => word.split('=') as [string, string]));
  return { env, flags: words.slice(node + 1, -1) };
}

export async function startChildServer(databaseUrl: string, dataDir: string, env: Record<string, string> = {}) {
  const settings = startSettings();
  const child = spawn(process.execPath, [...settings.flags, '--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, ...settings.env, PORT: '0', DATABASE_URL: databaseUrl, DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const read = (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /"url":"([^"]+)"/.exec(buffer);
      if (!match) return;
      // Only the start-up line is wanted; what follows is drained unread.
      child.stdout.off('data', read);
      child.stdout.resume();
      resolve(match[1]!.replace('localhost', '127.0.0.1'));
    };
    child.stdout.on('data', read);
    child.on('exit', () => reject(new Error(`server exited early: ${buffer}`)));
  });
  /** SIGTERM, then the exit code once it has gone. */
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  return { child, exited, url, stop };
}

/** A fresh database holding an account and a key with `permissions`, for a child server to serve. */
export async function preparedDatabase(permissions: string[]) {
  const databaseUrl = await freshDatabaseUrl();
  const dataDir = temporaryDirectory('panel-child-');
  const setup = await startTestServer({}, { reuse: { databaseUrl, dataDir } });
  const { user, http } = await setup.signedIn();
  const created = await http.post('/api/client/account/api-keys', { name: 'prepared', allowed_ips: [], user_permissions: permissions, admin_permissions: [], server_permissions: [] });
  await setup.close();
  return { databaseUrl, dataDir, user, created, cookie: http.cookie! };
}
