// An outside lock on the SQLite file (Studio, a backup, the sqlite3 shell) while the server
// runs (SPEC §9b): nothing waits for it synchronously, so whatever needs no write keeps
// answering; a write waits for the lock up to 5 s, then answers 503 and changes nothing.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Prisma } from '../src/db/generated/sqlite/client.ts';
import { sqlitePath, writeAtOnce, type Db, type TransactionClient } from '../src/db/index.ts';
import { DATABASE, startTestServer, type TestServer } from './support/harness.ts';
import type { HttpClient } from './support/http.ts';

/** `BEGIN EXCLUSIVE` held by another process until `release()`. */
async function holdExclusiveLock(file: string) {
  const script = "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\nc.execute('BEGIN EXCLUSIVE')\nprint('locked', flush=True)\nsys.stdin.read()\nc.execute('ROLLBACK')\n";
  const holder = spawn('python3', ['-c', script, file], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => holder.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
    holder.on('exit', () => reject(new Error('the lock holder exited early')));
  });
  return {
    release: async () => {
      holder.stdin.end();
      await exited;
    },
  };
}

/** A request that must answer, with a bound generous enough for a loaded machine. */
const answers = (promise: Promise<{ status: number }>) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer within 3 s')), 3000))]);

async function readsKeepAnswering(server: TestServer, http: HttpClient, key: HttpClient) {
  expect((await answers(server.client().get('/api/openapi.json'))).status).toBe(200);
  expect((await answers(http.get('/api/client/account'))).status).toBe(200);
  expect((await answers(key.get('/api/client/account'))).status).toBe(200);
  expect((await answers(http.get('/trpc/account.get'))).status).toBe(200);
}

describe.runIf(DATABASE === 'sqlite')('an outside write lock on the SQLite file', () => {
  it('leaves reads answering; a write answers 503 after 5 s, and one that gets the lock in time succeeds', async () => {
    const server = await startTestServer();
    try {
      const { http } = await server.signedIn();
      const created = await http.post('/api/client/account/api-keys', { name: 'locked-out', allowed_ips: [], user_permissions: ['account.infos'], admin_permissions: [], server_permissions: [] });
      const key = server.client().withKey(created.body.key);
      const file = sqlitePath(server.databaseUrl);

      let lock = await holdExclusiveLock(file);
      const refused = http.patch('/api/client/account', { name_first: 'Refused' });
      await readsKeepAnswering(server, http, key);
      const res = await refused;
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ errors: ['database unavailable'] });
      await readsKeepAnswering(server, http, key);
      await lock.release();
      expect((await http.get('/api/client/account')).body.user.name_first).not.toBe('Refused');

      lock = await holdExclusiveLock(file);
      const waiting = http.patch('/api/client/account', { name_first: 'Waited' });
      await readsKeepAnswering(server, http, key);
      await lock.release();
      expect((await waiting).status).toBe(200);
      expect((await http.get('/api/client/account')).body.user.name_first).toBe('Waited');
    } finally {
      await server.close();
    }
  }, 60_000);
});

/** A transaction that makes `write` and then stays open until `finish()`, to roll back. */
async function openTransaction(db: Db, write: (tx: TransactionClient) => Promise<unknown>) {
  let inside!: () => void;
  const opened = new Promise<void>((resolve) => (inside = resolve));
  let finish!: () => void;
  const finishing = new Promise<void>((resolve) => (finish = resolve));
  const rolledBack = db.$transaction(async (tx) => {
    await write(tx);
    inside();
    await finishing;
    throw new Error('refused');
  });
  await opened;
  return { finish, rolledBack };
}

describe.runIf(DATABASE === 'sqlite')("SQLite's one connection", () => {
  it('logs ahead, syncs at NORMAL, checks foreign keys, checkpoints past 10,000 pages of log and cuts a grown log back to 64 MB', async () => {
    const server = await startTestServer();
    try {
      const pragma = async (name: string) => Object.values((await server.services.db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`))[0]!)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(Number(await pragma('synchronous'))).toBe(1);
      expect(Number(await pragma('foreign_keys'))).toBe(1);
      expect(Number(await pragma('wal_autocheckpoint'))).toBe(10_000);
      expect(Number(await pragma('journal_size_limit'))).toBe(64 * 1024 * 1024);
    } finally {
      await server.close();
    }
  });

  it('keeps statements outside a transaction out of the one that is open on the shared connection', async () => {
    const server = await startTestServer();
    try {
      const { db } = server.services;
      const user = await server.createUser({ nameFirst: 'Before' });
      const { finish, rolledBack } = await openTransaction(db, (tx) => tx.user.update({ where: { id: user.id }, data: { nameFirst: 'Uncommitted' } }));
      // Sent while the transaction is open (a Prisma query runs once it is awaited): neither may
      // see its write nor be undone with it.
      const read = db.user.findUniqueOrThrow({ where: { id: user.id } }).then((found) => found.nameFirst);
      const hit = db.rateLimitHit.create({ data: { id: crypto.randomUUID(), bucket: 'outside', at: new Date() } }).then(() => {});
      setTimeout(finish, 50);
      await expect(rolledBack).rejects.toThrow('refused');
      expect(await read).toBe('Before');
      await hit;
      expect(await db.rateLimitHit.count({ where: { bucket: 'outside' } })).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('runs statements at once only while no transaction is open on the shared connection', async () => {
    const server = await startTestServer();
    try {
      const { db } = server.services;
      const user = await server.createUser({ nameFirst: 'Before', nameLast: 'Before' });
      const { finish, rolledBack } = await openTransaction(db, (tx) => tx.user.update({ where: { id: user.id }, data: { nameLast: 'Uncommitted' } }));
      // Begun inside the open transaction it would fail, or be rolled back with it.
      const atOnce = writeAtOnce(db, [Prisma.sql`UPDATE "users" SET "name_first" = 'At once' WHERE "id" = ${user.id} RETURNING "name_last"`]);
      setTimeout(finish, 50);
      await expect(rolledBack).rejects.toThrow('refused');
      expect(await atOnce).toEqual([[{ name_last: 'Before' }]]);
      const found = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      expect([found.nameFirst, found.nameLast]).toEqual(['At once', 'Before']);
    } finally {
      await server.close();
    }
  });

  it('runs statements at once on a connection of its own making after Prisma disconnected', async () => {
    const server = await startTestServer();
    try {
      const { db } = server.services;
      const user = await server.createUser({ nameFirst: 'Before' });
      await db.$disconnect();
      const update = Prisma.sql`UPDATE "users" SET "name_first" = 'Again' WHERE "id" = ${user.id} RETURNING "name_first"`;
      expect(await writeAtOnce(db, [update])).toEqual([[{ name_first: 'Again' }]]);
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).nameFirst).toBe('Again');
    } finally {
      await server.close();
    }
  });

  it('ends a transaction whose COMMIT failed, so that the connection goes on', async () => {
    const server = await startTestServer();
    try {
      const { db } = server.services;
      const user = await server.createUser({ nameFirst: 'Before' });
      // A foreign key checked at COMMIT fails there, and SQLite keeps the transaction open.
      const failed = db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('PRAGMA defer_foreign_keys = ON');
        await tx.user.update({ where: { id: user.id }, data: { nameFirst: 'Uncommitted' } });
        await tx.$executeRawUnsafe("INSERT INTO activity_counts (user_id, count) VALUES ('no such account', 1)");
      });
      await expect(failed).rejects.toThrow();
      await db.user.update({ where: { id: user.id }, data: { nameLast: 'Outside' } });
      await db.$transaction(async (tx) => tx.user.update({ where: { id: user.id }, data: { nameFirst: 'After' } }));
      const found = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      expect([found.nameFirst, found.nameLast]).toEqual(['After', 'Outside']);
    } finally {
      await server.close();
    }
  });
});
