// What a hostile client can do to a running server process (SPEC §9b), tried over HTTP on
// loopback against a child process, as an outside review would: floods stay bounded in
// count and time, and only the process's survival and memory are asserted, not its speed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { preparedDatabase, startChildServer } from './support/child-server.ts';
import { startTestServer } from './support/harness.ts';
import { HttpClient } from './support/http.ts';

/**
 * What a flood may add to a server's resident memory, in MB (README, Security): the
 * byte-bounded caches and the requests in flight, plus what the collector lets pile up under
 * `npm start`'s settings (the child server runs with them): a young generation of at most
 * 16 MB and 30% over what is live in the old one. Measured against the same process just
 * before the flood, after it has answered, since what a process holds at start depends on
 * what it loads (through tsx, as here, about 170 MB); these floods added 2 to 3 MB (5 to
 * 47 MB without the settings).
 */
const FLOOD_GROWTH_BUDGET_MB = 32;

/** The resident memory of a process, as the kernel counts it. */
const residentMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** Calls `send(i)` for i < count, `concurrency` at a time, and stops early at the deadline. */
async function flood(count: number, concurrency: number, seconds: number, send: (i: number) => Promise<unknown>) {
  const deadline = Date.now() + seconds * 1000;
  let next = 0;
  let sent = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count && Date.now() < deadline) {
        await send(next++).catch(() => {});
        sent++;
      }
    }),
  );
  return sent;
}

/** A different run of spaces and tabs for each i, about 14 KB long. */
const whitespaceRun = (i: number) => ' '.repeat(14_000) + i.toString(2).replaceAll('0', ' ').replaceAll('1', '\t');

describe('tRPC batches', () => {
  it(`hold at most TRPC_MAX_BATCH calls (default 10); more answer 400 in tRPC's error shape, nothing run`, async () => {
    const server = await startTestServer();
    const narrow = await startTestServer({ TRPC_MAX_BATCH: '2' });
    try {
      const { http } = await server.signedIn();
      const calls = (n: number) => `/trpc/${Array.from({ length: n }, () => 'account.get').join(',')}?batch=1`;
      const ten = await http.get(calls(10));
      expect(ten.status).toBe(200);
      expect(ten.body).toHaveLength(10);

      const eleven = await http.get(calls(11));
      expect(eleven.status).toBe(400);
      expect(eleven.headers.get('cache-control')).toBe('no-store');
      expect(eleven.body.error.json.data).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400, errors: ['batch: must hold at most 10 calls'] });
      expect(eleven.body.error.json.message).toBe('batch: must hold at most 10 calls');

      const hundred = await server.client().get(calls(100).replace('?', '?input=%7B%7D&'));
      expect(hundred.status).toBe(400);
      expect(hundred.body.error.json.data.errors).toEqual(['batch: must hold at most 10 calls']);

      expect((await narrow.client().get(calls(3))).body.error.json.data.errors).toEqual(['batch: must hold at most 2 calls']);
      expect((await narrow.client().get(calls(2))).status).toBe(401);
    } finally {
      await Promise.all([server.close(), narrow.close()]);
    }
  });
});

describe('session cookies', () => {
  it('are read by their value: padding around it changes nothing, a padded or oversized seal is refused unread', async () => {
    const server = await startTestServer();
    try {
      const { http } = await server.signedIn();
      const [name, value] = http.cookie!.split('=') as [string, string];
      const read = (cookie: string) => server.client({ cookie }).get('/api/client/account');
      expect((await read(`other=1;  \t ${name}= \t ${value} \t ; more=2`)).status).toBe(200);
      for (const variant of [`"${value}"`, `${value}~junk`, `${value}%7E`, value.replace('Fe26', '%46e26'), `${value.slice(0, -2)}*${'A'.repeat(2000)}~2`]) {
        const res = await read(`${name}=${variant}`);
        expect(res.status).toBe(401);
        expect(res.body).toEqual({ errors: ['invalid session'] });
      }
    } finally {
      await server.close();
    }
  });
});

describe('sizes', () => {
  it('caps headers at 16 KB and bodies at 64 KB', async () => {
    const server = await startTestServer();
    try {
      const res = await fetch(`${server.url}/api/client/account`, { headers: { cookie: `filler=${'x'.repeat(17 * 1024)}` } });
      expect(res.status).toBe(431);
      expect(await res.json()).toEqual({ errors: ['request headers too large'] });
      const body = await server.client().post('/api/auth/login', { user: 'x'.repeat(65 * 1024), password: 'y' });
      expect(body.status).toBe(413);
    } finally {
      await server.close();
    }
  });
});

describe('floods against a server process', () => {
  it('cookie variants and oversized batches leave it alive, answering, and within its memory budget', async () => {
    const { databaseUrl, dataDir, created, cookie } = await preparedDatabase(['account.infos']);
    const server = await startChildServer(databaseUrl, dataDir);
    try {
      expect((await new HttpClient(server.url, { cookie }).get('/api/client/account')).status).toBe(200);
      const before = residentMb(server.child.pid!);
      const [name, value] = cookie.split('=') as [string, string];
      const send = (path: string, cookieHeader: string) =>
        fetch(`${server.url}${path}`, { headers: { cookie: cookieHeader }, signal: AbortSignal.timeout(10_000) }).then((res) => res.arrayBuffer());
      const variants = await flood(1500, 16, 45, (i) => send('/api/client/account', `${name}=${whitespaceRun(i)}${value}`));
      const batch = Array.from({ length: 300 }, () => 'permissions.list').join(',');
      const batches = await flood(200, 16, 20, () => send(`/trpc/${batch}?batch=1`, cookie));
      expect(variants).toBeGreaterThan(200);
      expect(batches).toBeGreaterThan(20);

      expect(residentMb(server.child.pid!) - before).toBeLessThan(FLOOD_GROWTH_BUDGET_MB);
      expect(server.child.exitCode).toBeNull();
      expect((await new HttpClient(server.url, { cookie }).get('/api/client/account')).status).toBe(200);
      expect((await new HttpClient(server.url).withKey(created.body.key).get('/api/client/account')).status).toBe(200);
    } finally {
      await server.stop();
    }
  }, 180_000);
});

describe('HOST', () => {
  it('127.0.0.1 keeps the server on IPv4 loopback: nothing answers on ::1', async () => {
    const { databaseUrl, dataDir } = await preparedDatabase([]);
    const server = await startChildServer(databaseUrl, dataDir, { HOST: '127.0.0.1' });
    try {
      const { port } = new URL(server.url);
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
      await expect(fetch(`http://[::1]:${port}/api/health`)).rejects.toThrow();
    } finally {
      await server.stop();
    }
  });
});
