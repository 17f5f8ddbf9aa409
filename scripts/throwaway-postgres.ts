// A PostgreSQL server of our own for tests and for writing migrations:
// a fresh data directory on a free loopback port, stopped and removed after.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ThrowawayPostgres {
  /** Connection string for a database named `database`. */
  url(database?: string): string;
  /** Stops the server but keeps its data, for fault tests; `resume` starts it again. */
  pause(): void;
  resume(): void;
  stop(): void;
}

export function postgresMissing(): string | undefined {
  for (const bin of ['initdb', 'pg_ctl']) {
    if (spawnSync('sh', ['-c', `command -v ${bin}`]).status !== 0) return `${bin} is not on PATH`;
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'panel-pg-'));
  const port = await freePort();
  // PostgreSQL refuses to run as root: hand the directory to the postgres user.
  const asRoot = process.getuid?.() === 0;
  let run = (cmd: string) => execFileSync('sh', ['-c', cmd], { stdio: 'pipe' });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
    run = (cmd) => execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', cmd], { stdio: 'pipe' });
  }
  const data = join(dir, 'data');
  run(`initdb -D ${data} -A trust -U app --no-sync >/dev/null`);
  const start = () =>
    run(
      `pg_ctl -D ${data} -w -l ${dir}/log -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 ` +
        `-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null`,
    );
  start();
  return {
    url: (database = 'postgres') => `postgres://app@127.0.0.1:${port}/${database}`,
    pause: () => run(`pg_ctl -D ${data} -m immediate -w stop >/dev/null`),
    resume: start,
    stop() {
      try {
        // Fails harmlessly when a fault test left it paused.
        run(`pg_ctl -D ${data} -m immediate stop >/dev/null 2>&1 || true`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
