// `npm run bench`: throughput and latency of the authenticated account read against a bare
// Express 5 route, on SQLite and on PostgreSQL, with the targets printed as met or missed.
// Everything runs on loopback, each load for a fixed few seconds; the run ends by itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../src/db/index.ts';
import { createAccount } from '../src/db/accounts.ts';
import { generateApiKey } from '../src/rules/api-keys.ts';
import { postgresMissing, startPostgres } from '../scripts/throwaway-postgres.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 32;
const PASSWORD = 'benchmark password';

interface Result {
  label: string;
  rps: number;
  p50: number;
  p99: number;
}

async function load(label: string, url: string, headers: Record<string, string> = {}, connections = CONNECTIONS): Promise<Result> {
  const result = await autocannon({ url, headers, connections, duration: SECONDS, pipelining: 1 });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`${label}: ${bad} failed requests of ${result.requests.total}`);
  return { label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

function startProcess(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /"url":"([^"]+)"/.exec(buffer);
      if (match) {
        // From here on the logs are drained, unread.
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve({ child, url: match[1]!.replace('localhost', '127.0.0.1') });
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/** Peak resident memory of a process, in MB. */
const peakRssMb = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function benchDatabase(name: string, databaseUrl: string, bare: Result) {
  const { db, close } = await openDatabase(databaseUrl);
  const user = await createAccount(db, { username: 'bench', email: 'bench@example.com', password: PASSWORD });
  const key = generateApiKey();
  await db.apiKey.create({
    data: { id: crypto.randomUUID(), userId: user.id, name: 'bench', keyStart: key.keyStart, keyHash: key.keyHash, allowedIps: [], userPermissions: ['account.infos'], adminPermissions: [], serverPermissions: [] },
  });
  for (let i = 0; i < 9; i++) {
    const other = generateApiKey();
    await db.apiKey.create({
      data: { id: crypto.randomUUID(), userId: user.id, name: `filler-${i}`, keyStart: other.keyStart, keyHash: other.keyHash, allowedIps: [], userPermissions: [], adminPermissions: [], serverPermissions: [] },
    });
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'panel-bench-'));
  // What `npm start` runs: the bundle.
  const { child, url } = await startProcess(['dist/main.mjs'], {
    PORT: '0',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    RATE_LIMIT_LOGIN: '100000/60',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  });
  try {
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'bench', password: PASSWORD }) });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const bearer = { authorization: `Bearer ${key.key}` };

    const results: Result[] = [];
    const run = async (label: string, path: string, headers: Record<string, string>) => {
      const result = await load(`${name} ${label}`, url + path, headers);
      results.push(result);
      return result;
    };
    // Warm up JIT, pools and caches before measuring.
    await load('warm-up', `${url}/api/client/account`, bearer);
    const restKey = await run('REST, API key', '/api/client/account', bearer);
    const restCookie = await run('REST, session cookie', '/api/client/account', { cookie });
    await run('tRPC, API key', '/trpc/account.get', bearer);
    await run('tRPC, session cookie', '/trpc/account.get', { cookie });

    // 100,000 keys in the table: the lookup must not notice.
    const rows = Array.from({ length: 100_000 - 10 }, (_, i) => {
      const filler = generateApiKey();
      return { id: crypto.randomUUID(), userId: user.id, name: `bulk-${i}`, keyStart: filler.keyStart, keyHash: filler.keyHash, allowedIps: [], userPermissions: [], adminPermissions: [], serverPermissions: [] };
    });
    for (let i = 0; i < rows.length; i += 5000) await db.apiKey.createMany({ data: rows.slice(i, i + 5000) });
    // Fresh statistics and a settled table, as a server that has been running would have.
    await db.$executeRawUnsafe(databaseUrl.startsWith('file:') ? 'ANALYZE' : 'VACUUM ANALYZE api_keys');
    const manyKeys = await run('REST, API key, 100,000 keys', '/api/client/account', bearer);

    // Eight sign-ins at a time (argon2) for the whole measurement.
    let signingIn = true;
    const signIns = Array.from({ length: 8 }, async () => {
      let count = 0;
      while (signingIn) {
        await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'bench', password: PASSWORD }) });
        count++;
      }
      return count;
    });
    const underSignIns = await run('REST, API key, 8 sign-ins running', '/api/client/account', bearer);
    signingIn = false;
    const signInCount = (await Promise.all(signIns)).reduce((a, b) => a + b, 0);

    const rss = peakRssMb(child.pid!);
    const targets = [
      { target: 'authenticated REST GET >= 0.5 x bare Express', value: `${(restKey.rps / bare.rps).toFixed(2)} (key), ${(restCookie.rps / bare.rps).toFixed(2)} (cookie)`, met: Math.min(restKey.rps, restCookie.rps) / bare.rps >= 0.5 },
      { target: `p99 <= 25 ms at ${CONNECTIONS} connections`, value: `${Math.max(restKey.p99, restCookie.p99)} ms`, met: Math.max(restKey.p99, restCookie.p99) <= 25 },
      { target: '100,000 keys: throughput within 10% of 10 keys', value: `${((manyKeys.rps / restKey.rps - 1) * 100).toFixed(1)}%`, met: manyKeys.rps >= 0.9 * restKey.rps },
      { target: 'p99 <= 50 ms while 8 sign-ins run', value: `${underSignIns.p99} ms (${signInCount} sign-ins)`, met: underSignIns.p99 <= 50 },
      { target: 'resident memory <= 200 MB', value: `${rss.toFixed(0)} MB peak`, met: rss <= 200 },
    ];
    return { results, targets };
  } finally {
    await stop(child);
    await close();
  }
}

const print = (rows: Result[], bare: Result) => {
  console.log(`${'run'.padEnd(52)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'x bare'.padStart(7)}`);
  for (const r of rows) {
    console.log(`${r.label.padEnd(52)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${(r.rps / bare.rps).toFixed(2).padStart(7)}`);
  }
};

await import('../scripts/build.mjs');
const bareProcess = await startProcess(['--import', 'tsx', 'bench/bare-express.ts'], { PORT: '0' });
await load('warm-up', `${bareProcess.url}/constant`);
const bare = await load('bare Express 5, constant', `${bareProcess.url}/constant`);
await stop(bareProcess.child);

console.log(`\n${SECONDS} s per run, ${CONNECTIONS} connections, autocannon and the server on the same ${(await import('node:os')).cpus().length} cores\n`);
const databases: [string, () => Promise<{ url: string; done: () => void }>][] = [
  ['SQLite', async () => ({ url: `file:${join(mkdtempSync(join(tmpdir(), 'panel-bench-')), 'bench.db')}`, done: () => {} })],
];
if (!postgresMissing()) {
  databases.push(['PostgreSQL', async () => {
    const pg = await startPostgres();
    return { url: pg.url(), done: () => pg.stop() };
  }]);
} else {
  console.log('PostgreSQL is missing: its half of the benchmark is skipped.\n');
}

let allMet = true;
for (const [name, open] of databases) {
  const database = await open();
  try {
    const { results, targets } = await benchDatabase(name, database.url, bare);
    print([bare, ...results], bare);
    console.log('');
    for (const t of targets) {
      allMet &&= t.met;
      console.log(`  ${t.met ? 'met   ' : 'MISSED'}  ${t.target}: ${t.value}`);
    }
    console.log('');
  } finally {
    database.done();
  }
}
console.log(allMet ? 'all targets met' : 'some targets missed');
