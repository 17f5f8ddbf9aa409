// `npm run bench`: throughput and latency of the authenticated account read against a bare
// Express 5 route, on SQLite and on PostgreSQL, with the targets printed as met or missed.
// Everything runs on loopback, each load for a fixed few seconds; the run ends by itself.
//
// Each figure is the median of a few short runs taken in turns with the bare route, so
// that drift in a shared machine's speed falls on both sides of every comparison alike.
// The 100,000-key figure is the same server's once the keys are added, against the bare
// route of its own rounds, beside a like figure with ten keys taken just before. Beside
// each run stands the server's own CPU time per request, the figure that does not depend
// on the load generator's share.
//
// The activity rows: PATCH /account that changes a field (the UPDATE and its entry, committed
// together) against the same PATCH repeating the values the account already has (the same
// UPDATE alone, no transaction, no entry; PostgreSQL writes the row version all the same, SQLite finds
// the row unchanged and writes no page at all), in the same rounds, with every connection on one
// account and then with each on its own; and the activity page's first page with 100 rows on the
// account and then, on the same server, with 1,000,000.
// `BENCH_ONLY=activity` (or `reads`) runs one part.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { createAccount } from '../src/db/accounts.ts';
import { openDatabase } from '../src/db/index.ts';
import { generateApiKey } from '../src/rules/api-keys.ts';
import { postgresMissing, startPostgres } from '../scripts/throwaway-postgres.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = 32;
/** The queries of the batched row: account.get, apiKeys.list and sessions.list, all without input. */
const BATCHED = ['account.get', 'apiKeys.list', 'sessions.list'];
const ONLY = process.env.BENCH_ONLY?.split(',');
const part = (name: 'reads' | 'activity') => !ONLY || ONLY.includes(name);
const PASSWORD = 'benchmark password';
/** Linux's clock ticks per second in /proc/<pid>/stat. */
const TICKS_PER_SECOND = 100;

interface Server {
  child: ChildProcess;
  /** The server process itself (under npm, not the child spawned). */
  pid: number;
  url: string;
}

interface Result {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  /** Server CPU time (all its threads) per request, in microseconds. */
  cpuUs: number;
}

const cpuTicks = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
};

/** Peak and current resident memory of a process, in MB. */
const rssMb = (pid: number, field: 'VmHWM' | 'VmRSS') =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** A request other than a GET: its method and a body made afresh for every request. */
interface Send {
  method: 'PATCH';
  body: () => string;
  /** Headers each connection sends in turn instead of the run's own (its own account, say). */
  perConnection?: Record<string, string>[];
}

async function load(label: string, server: Server, path: string, headers: Record<string, string> = {}, send?: Send): Promise<Result> {
  const before = cpuTicks(server.pid);
  let connection = 0;
  const result = await autocannon({
    url: server.url + path,
    headers: send ? { ...headers, 'content-type': 'application/json' } : headers,
    connections: CONNECTIONS,
    duration: SECONDS,
    pipelining: 1,
    ...(send && { requests: [{ method: send.method, setupRequest: (request: object) => ({ ...request, body: send.body() }) }] }),
    ...(send?.perConnection && { setupClient: (client: autocannon.Client) => client.setHeaders(send.perConnection![connection++ % send.perConnection!.length]) }),
  });
  const cpuSeconds = (cpuTicks(server.pid) - before) / TICKS_PER_SECOND;
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`${label}: ${bad} failed requests of ${result.requests.total}`);
  return { label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpuUs: (cpuSeconds * 1e6) / result.requests.total };
}

/** The run of median throughput among several. */
const median = (runs: Result[]) => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;

/**
 * Starts a server and waits for its "listening" line. The server's own process id comes
 * from that line (pino writes it on every line), since `npm start` runs it under npm.
 */
function startProcess(command: string, args: string[], env: Record<string, string>): Promise<Server> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = /^\{.*"url":"([^"]+)".*$/m.exec(buffer);
      if (line) {
        // From here on the logs are drained, unread.
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        const pid = /"pid":(\d+)/.exec(line[0]);
        resolve({ child, pid: pid ? Number(pid[1]) : child.pid!, url: line[1]!.replace('localhost', '127.0.0.1') });
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)));
  });
}

const stop = (server: Server) =>
  new Promise<void>((resolve) => {
    server.child.once('exit', () => resolve());
    process.kill(server.pid, 'SIGTERM');
  });

const keyRow = (userId: string, name: string, keyStart: string, keyHash: string, userPermissions: string[] = []) => ({
  id: crypto.randomUUID(), userId, name, keyStart, keyHash, allowedIps: [], userPermissions, adminPermissions: [], serverPermissions: [],
});

type Database = Awaited<ReturnType<typeof openDatabase>>;

/** Directories the run makes for its data; removed when it ends. */
const temporaryDirectories: string[] = [];
const temporaryDirectory = () => {
  const dir = mkdtempSync(join(tmpdir(), 'panel-bench-'));
  temporaryDirectories.push(dir);
  return dir;
};

/** Adds `count` keys named filler-<from>... to the account. */
async function addKeys({ db, provider }: Database, userId: string, from: number, count: number) {
  const fillers = Array.from({ length: count }, (_, i) => {
    const filler = generateApiKey();
    return keyRow(userId, `filler-${from + i}`, filler.keyStart, filler.keyHash);
  });
  for (let i = 0; i < fillers.length; i += 5000) await db.apiKey.createMany({ data: fillers.slice(i, i + 5000) });
  // Fresh statistics and a settled table, as a server that has been running would have.
  await db.$executeRawUnsafe(provider === 'sqlite' ? 'ANALYZE' : 'VACUUM ANALYZE api_keys');
}

/** An account with a key that may read it, and nine more keys: ten in all. */
async function seed(databaseUrl: string) {
  const database = await openDatabase(databaseUrl);
  try {
    const user = await createAccount(database.db, { username: 'bench', email: 'bench@example.com', password: PASSWORD });
    const key = generateApiKey();
    await database.db.apiKey.create({ data: keyRow(user.id, 'bench', key.keyStart, key.keyHash, ['account.infos', 'api-keys.read', 'sessions.read']) });
    await addKeys(database, user.id, 0, 9);
    return { key: key.key, userId: user.id };
  } finally {
    await database.close();
  }
}

/** Brings the account's keys from ten to 100,000, beside the running server. */
async function crowd(databaseUrl: string, userId: string) {
  const database = await openDatabase(databaseUrl);
  try {
    await addKeys(database, userId, 9, 100_000 - 10);
  } finally {
    await database.close();
  }
}

/** Exactly what a deployment runs: `npm start`. */
const startPanel = (databaseUrl: string) =>
  startProcess('npm', ['start', '--silent'], {
    PORT: '0',
    DATABASE_URL: databaseUrl,
    DATA_DIR: temporaryDirectory(),
    RATE_LIMIT_LOGIN: '100000/60',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  });

const signIn = (server: Server) =>
  fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'bench', password: PASSWORD }) });

/**
 * What the flood tests send, for as long as it runs: one valid session cookie behind a
 * different 14 KB run of whitespace each time, and tRPC batches of 300 calls (refused by
 * the batch limit), eight connections each.
 */
function attack(server: Server, cookie: string) {
  let running = true;
  let n = 0;
  const [name, value] = cookie.split('=') as [string, string];
  const variant = () => `${name}=${' '.repeat(14_000)}${(n++).toString(2).replaceAll('0', ' ').replaceAll('1', '\t')}${value}`;
  const batch = `/trpc/${Array.from({ length: 300 }, () => 'permissions.list').join(',')}?batch=1`;
  const flood = (path: string, cookieHeader: () => string) =>
    Array.from({ length: 8 }, async () => {
      while (running) await fetch(server.url + path, { headers: { cookie: cookieHeader() } }).then((res) => res.arrayBuffer(), () => {});
    });
  const senders = [...flood('/api/client/account', variant), ...flood(batch, () => cookie)];
  return async () => {
    running = false;
    await Promise.all(senders);
  };
}

type Run = [label: string, server: Server, path: string, headers: Record<string, string>, send?: Send];

/** The median of each run over the rounds; `afterRound` runs at the end of every round. */
async function inRounds(runs: Run[], afterRound: () => Promise<void> = async () => {}) {
  const samples = new Map<string, Result[]>(runs.map(([label]) => [label, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Each round starts one place further on, so that no run always comes first after a pause.
    const order = [...runs.slice(round % runs.length), ...runs.slice(0, round % runs.length)];
    for (const [label, server, path, headers, send] of order) samples.get(label)!.push(await load(label, server, path, headers, send));
    await afterRound();
  }
  return [...samples.values()].map(median);
}

async function benchDatabase(databaseUrl: string, bare: Server) {
  const account = await seed(databaseUrl);
  const panel = await startPanel(databaseUrl);
  try {
    const startRss = rssMb(panel.pid, 'VmRSS');
    const cookie = (await signIn(panel)).headers.getSetCookie()[0]!.split(';')[0]!;
    const bearer = { authorization: `Bearer ${account.key}` };
    const bareRoute: Run = ['bare Express 5, constant', bare, '/constant', {}];
    const runs: Run[] = [
      bareRoute,
      ['REST, API key', panel, '/api/client/account', bearer],
      ['REST, session cookie', panel, '/api/client/account', { cookie }],
      ['tRPC, API key', panel, '/trpc/account.get', bearer],
      ['tRPC, session cookie', panel, '/trpc/account.get', { cookie }],
      // What httpBatchLink sends for three queries made in the same tick.
      ['tRPC, API key, 3 queries batched', panel, `/trpc/${BATCHED.join(',')}?batch=1&input=${encodeURIComponent('{}')}`, bearer],
    ];
    // Warm up JIT, pools and caches before measuring.
    for (const [label, server, path, headers] of runs) await load(label, server, path, headers);

    const underSignIns: Result[] = [];
    const underAttack: Result[] = [];
    let signInCount = 0;
    const results = await inRounds(runs, async () => {
      const stopAttack = attack(panel, cookie);
      underAttack.push(await load('REST, API key, under attack', panel, '/api/client/account', bearer));
      await stopAttack();

      // Eight sign-ins at a time (argon2) for the whole measurement.
      let signingIn = true;
      const signIns = Array.from({ length: 8 }, async () => {
        for (; signingIn; signInCount++) await signIn(panel);
      });
      underSignIns.push(await load('REST, API key, 8 sign-ins running', panel, '/api/client/account', bearer));
      signingIn = false;
      await Promise.all(signIns);
    });
    const [bareRun, restKey, restCookie, trpcKey] = results as [Result, Result, Result, Result];
    const signInRun = median(underSignIns);
    const attackRun = median(underAttack);

    // The key read with ten keys and then, on the same server, with 100,000, each in rounds of
    // its own with the bare route and nothing else running: two server processes would differ
    // by more than the keys do, and the sign-ins' aftermath would weigh on one side only.
    const [bareFew, fewKeys] = (await inRounds([bareRoute, ['REST, API key, 10 keys (again)', panel, '/api/client/account', bearer]])) as [Result, Result];
    await crowd(databaseUrl, account.userId);
    const crowdedRun: Run = ['REST, API key, 100,000 keys', panel, '/api/client/account', bearer];
    await load(...crowdedRun);
    const [bareCrowded, manyKeys] = (await inRounds([bareRoute, crowdedRun])) as [Result, Result];

    const peakRss = rssMb(panel.pid, 'VmHWM');
    const ratio = (r: Result, to = bareRun) => r.rps / to.rps;
    const change = (factor: number) => `${factor >= 1 ? '+' : ''}${((factor - 1) * 100).toFixed(1)}%`;
    const keyCountEffect = ratio(manyKeys, bareCrowded) / ratio(fewKeys, bareFew);
    const targets = [
      { target: 'authenticated REST GET >= 0.5 x bare Express', value: `${ratio(restKey).toFixed(3)} (key), ${ratio(restCookie).toFixed(3)} (cookie)`, met: Math.min(ratio(restKey), ratio(restCookie)) >= 0.5 },
      { target: `p99 <= 25 ms at ${CONNECTIONS} connections`, value: `${Math.max(restKey.p99, restCookie.p99)} ms (bare route: ${bareRun.p99} ms)`, met: Math.max(restKey.p99, restCookie.p99) <= 25 },
      { target: 'tRPC read (API key) >= 0.8 x the REST read', value: ratio(trpcKey, restKey).toFixed(3), met: ratio(trpcKey, restKey) >= 0.8 },
      { target: `tRPC read p99 <= 25 ms at ${CONNECTIONS} connections`, value: `${trpcKey.p99} ms`, met: trpcKey.p99 <= 25 },
      // The target guards against the key count slowing the read; a faster run is this machine's noise.
      { target: '100,000 keys: throughput (x bare) no more than 10% below 10 keys', value: change(keyCountEffect), met: keyCountEffect >= 0.9 },
      { target: 'p99 <= 50 ms while 8 sign-ins run', value: `${signInRun.p99} ms (${signInCount} sign-ins)`, met: signInRun.p99 <= 50 },
      { target: 'p99 <= 4 x quiet p99 under a cookie-variant and batch flood', value: `${attackRun.p99} ms (quiet: ${restKey.p99} ms)`, met: attackRun.p99 <= 4 * restKey.p99 },
      { target: 'resident memory <= 200 MB', value: `${peakRss.toFixed(0)} MB peak (${startRss.toFixed(0)} MB at start)`, met: peakRss <= 200 },
    ];
    const rows: [Result, Result][] = [...results.map((r): [Result, Result] => [r, bareRun]), [signInRun, bareRun], [attackRun, bareRun], [fewKeys, bareFew], [manyKeys, bareCrowded]];
    return { rows, targets };
  } finally {
    await stop(panel);
  }
}

/**
 * Gives an account `count` more sign-in entries, each older than all it has (from the
 * `from`-th second before yesterday on), with multi-row INSERT ... SELECT statements, and counts them.
 * Each id is a UUIDv7 of its entry's time, as the panel writes them. SQLite's trigger counts each
 * row as it goes in. PostgreSQL's would make a new version of the counter row for each of 100,000
 * rows in one statement, so there they go in without it and are counted at once.
 */
async function addActivity({ db, provider }: Database, userId: string, from: number, count: number) {
  const columns = 'INSERT INTO activities (id, user_id, event, ip, user_agent, data, created)';
  const yesterday = Date.now() - 86_400_000;
  if (provider === 'postgresql') await db.$executeRawUnsafe('ALTER TABLE activities DISABLE TRIGGER activities_counted');
  for (let done = 0; done < count; done += 100_000) {
    const n = Math.min(100_000, count - done);
    const ms = `${yesterday} - (i + ${from + done}) * 1000`;
    // `t`: the time in milliseconds as 12 hex digits; `x`: random hex digits.
    const id = `substr(t, 1, 8) || '-' || substr(t, 9, 4) || '-7' || substr(x, 1, 3) || '-8' || substr(x, 4, 3) || '-' || substr(x, 7, 12)`;
    await db.$executeRawUnsafe(
      provider === 'sqlite'
        ? `WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ${n}), h(i, t, x) AS (SELECT i, printf('%012x', ${ms}), lower(hex(randomblob(10))) FROM s)
           ${columns} SELECT ${id}, ?, 'auth:success', '10.0.' || (i % 250) || '.1', 'bench', '{"method":"password"}', strftime('%Y-%m-%dT%H:%M:%fZ', (${ms}) / 1000.0, 'unixepoch') FROM h`
        : `${columns} SELECT ${id}, $1, 'auth:success', '10.0.' || (i % 250) || '.1', 'bench', '{"method":"password"}'::jsonb, to_timestamp((${ms}) / 1000.0) AT TIME ZONE 'UTC'
           FROM generate_series(1, ${n}) i, LATERAL (SELECT lpad(to_hex((${ms})::bigint), 12, '0') AS t, md5(random()::text) AS x) h`,
      userId,
    );
  }
  if (provider === 'postgresql') {
    await db.$executeRaw`INSERT INTO activity_counts (user_id, count) VALUES (${userId}, ${count})
      ON CONFLICT (user_id) DO UPDATE SET count = activity_counts.count + excluded.count`;
    await db.$executeRawUnsafe('ALTER TABLE activities ENABLE TRIGGER activities_counted');
  }
  await db.$executeRawUnsafe(provider === 'sqlite' ? 'ANALYZE' : 'VACUUM ANALYZE activities');
}

/**
 * An account with 100 activity entries and a key that may read them and change the profile,
 * and one more account with such a key for each connection.
 */
async function seedActivity(databaseUrl: string) {
  const database = await openDatabase(databaseUrl);
  const accountWithKey = async (username: string) => {
    const user = await createAccount(database.db, { username, email: `${username}@example.com`, password: PASSWORD, nameFirst: 'same' });
    const key = generateApiKey();
    await database.db.apiKey.create({ data: keyRow(user.id, username, key.keyStart, key.keyHash, ['account.infos', 'activity.read']) });
    return { key: key.key, userId: user.id };
  };
  try {
    const account = await accountWithKey('activity-bench');
    await addActivity(database, account.userId, 0, 100);
    const others: string[] = [];
    for (let i = 0; i < CONNECTIONS; i++) others.push((await accountWithKey(`patch-bench-${i}`)).key);
    return { ...account, otherKeys: others };
  } finally {
    await database.close();
  }
}

async function benchActivity(databaseUrl: string, bare: Server) {
  const account = await seedActivity(databaseUrl);
  const panel = await startPanel(databaseUrl);
  const database = await openDatabase(databaseUrl);
  const entries = () => database.db.activity.count({ where: { userId: account.userId } });
  try {
    const bearer = { authorization: `Bearer ${account.key}` };
    const bareRoute: Run = ['bare Express 5, constant', bare, '/constant', {}];
    const page = (rows: string): Run => [`REST, activity page, ${rows} rows`, panel, '/api/client/account/activity', bearer];
    const read: Run = ['REST, API key (account read)', panel, '/api/client/account', bearer];
    for (const run of [bareRoute, page('100'), read]) await load(...run);

    const before = await entries();
    const [bareFew, fewRows, readRun] = (await inRounds([bareRoute, page('100'), read])) as [Result, Result, Result];
    const readsWrote = (await entries()) - before;

    await addActivity(database, account.userId, 100, 1_000_000 - 100);
    await load(...page('1,000,000'));
    const [bareMany, manyRows] = (await inRounds([bareRoute, page('1,000,000')])) as [Result, Result];

    // Each pair PATCHes the first name: with a new value each time (the UPDATE and its entry) and
    // with the value the account has (the UPDATE alone, no entry). Once with every connection on
    // the one account, where the changes queue for its row (PostgreSQL's row lock, SQLite's one
    // writer), and once with each connection on an account of its own, as people change their own
    // profiles.
    let n = 0;
    const renamed = { method: 'PATCH', body: () => JSON.stringify({ name_first: `name ${++n}` }) } as const;
    const unchanged = { method: 'PATCH', body: () => JSON.stringify({ name_first: 'same' }) } as const;
    const own = { perConnection: account.otherKeys.map((key) => ({ authorization: `Bearer ${key}` })) };
    const patches: Run[] = [
      ['REST, PATCH /account, with its row', panel, '/api/client/account', bearer, renamed],
      ['REST, PATCH /account, no change, no row', panel, '/api/client/account', bearer, unchanged],
      ['REST, PATCH /account, 32 accounts, with its row', panel, '/api/client/account', bearer, { ...renamed, ...own }],
      ['REST, PATCH /account, 32 accounts, no change, no row', panel, '/api/client/account', bearer, { ...unchanged, ...own }],
    ];
    for (const run of patches) await load(...run);
    const updates = () => database.db.activity.count({ where: { event: 'account:update' } });
    const beforePatches = await updates();
    const [patchRow, patchNoRow, ownRow, ownNoRow] = (await inRounds(patches)) as [Result, Result, Result, Result];
    const patchRows = (await updates()) - beforePatches;
    const accountsChanged = await database.db.user.count({ where: { username: { startsWith: 'patch-bench-' }, activities: { some: { event: 'account:update' } } } });

    const change = (factor: number) => `${factor >= 1 ? '+' : ''}${((factor - 1) * 100).toFixed(1)}%`;
    const pageEffect = manyRows.rps / bareMany.rps / (fewRows.rps / bareFew.rps);
    const patchEffect = patchRow.rps / patchNoRow.rps;
    const ownEffect = ownRow.rps / ownNoRow.rps;
    const targets = [
      { target: 'authenticated reads write no activity row', value: `${readsWrote} rows`, met: readsWrote === 0 },
      { target: 'PATCH with its activity row no more than 15% below without, one account', value: change(patchEffect), met: patchEffect >= 0.85 },
      {
        target: `PATCH with its activity row no more than 15% below without, ${CONNECTIONS} accounts`,
        value: `${change(ownEffect)} (${patchRows} rows written in the measured rounds, ${accountsChanged} accounts changed)`,
        met: ownEffect >= 0.85,
      },
      { target: '1,000,000 rows: first page (x bare) no more than 10% below 100 rows', value: change(pageEffect), met: pageEffect >= 0.9 },
    ];
    const rows: [Result, Result][] = [[bareFew, bareFew], [fewRows, bareFew], [readRun, bareFew], [manyRows, bareMany], [patchRow, bareFew], [patchNoRow, bareFew], [ownRow, bareFew], [ownNoRow, bareFew]];
    return { rows, targets };
  } finally {
    await database.close();
    await stop(panel);
  }
}

/** Each row with the bare route it is compared with. */
const print = (rows: [Result, Result][]) => {
  console.log(`${'run'.padEnd(54)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'x bare'.padStart(7)} ${'CPU us/req'.padStart(11)}`);
  for (const [r, bare] of rows) {
    console.log(
      `${r.label.padEnd(54)} ${r.rps.toFixed(0).padStart(7)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${(r.rps / bare.rps).toFixed(2).padStart(7)} ${r.cpuUs.toFixed(0).padStart(11)}`,
    );
  }
};

const bare = await startProcess(process.execPath, ['--import', 'tsx', 'bench/bare-express.ts'], { PORT: '0' });
console.log(`\nmedian of ${ROUNDS} runs of ${SECONDS} s, ${CONNECTIONS} connections, autocannon and the server on the same ${cpus().length} cores\n`);

const postgres = postgresMissing() ? undefined : await startPostgres();
if (!postgres) console.log('PostgreSQL is missing: its half of the benchmark is skipped.\n');

async function postgresDatabase(name: string) {
  const client = new pg.Client({ connectionString: postgres!.url() });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return postgres!.url(name);
}

const sqliteFile = () => `file:${join(temporaryDirectory(), 'bench.db')}`;
const databases: [string, () => Promise<string>][] = [['SQLite', async () => sqliteFile()]];
if (postgres) databases.push(['PostgreSQL', () => postgresDatabase('bench')]);

let allMet = true;
try {
  for (const [name, open] of databases) {
    const url = await open();
    const parts = [...(part('reads') ? [await benchDatabase(url, bare)] : []), ...(part('activity') ? [await benchActivity(url, bare)] : [])];
    console.log(`${name}\n`);
    print(parts.flatMap((p) => p.rows));
    console.log('');
    for (const t of parts.flatMap((p) => p.targets)) {
      allMet &&= t.met;
      console.log(`  ${t.met ? 'met   ' : 'MISSED'}  ${t.target}: ${t.value}`);
    }
    console.log('');
  }
} finally {
  await stop(bare);
  postgres?.stop();
  for (const dir of temporaryDirectories) rmSync(dir, { recursive: true, force: true });
}
console.log(allMet ? 'all targets met' : 'some targets missed');
