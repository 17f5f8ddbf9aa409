// PostgreSQL's connection pool (src/db/index.ts): DATABASE_POOL_SIZE connections at most (twice
// the cores and one, at most 20, when unset) however many queries wait for one, and 503 for a
// transaction that waits for one past Prisma's wait.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultPoolSize } from '../src/db/index.ts';
import { DATABASE, startTestServer } from './support/harness.ts';

/** The backends that ran `count` queries sent at once, each holding its connection a moment. */
async function backendsUsed(env: Record<string, string>, count: number) {
  const server = await startTestServer(env);
  try {
    const { db } = server.services;
    const rows = await Promise.all(Array.from({ length: count }, () => db.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS "pid" FROM pg_sleep(0.05)`));
    return new Set(rows.map(([row]) => row!.pid)).size;
  } finally {
    await server.close();
  }
}

describe.runIf(DATABASE === 'postgresql')('the PostgreSQL pool', () => {
  it('opens DATABASE_POOL_SIZE connections at most', async () => {
    expect(await backendsUsed({ DATABASE_POOL_SIZE: '3' }, 12)).toBe(3);
  });

  it('opens twice the cores and one when DATABASE_POOL_SIZE is unset, and never more than 20', async () => {
    expect(defaultPoolSize()).toBe(Math.min(2 * availableParallelism() + 1, 20));
    expect(await backendsUsed({}, defaultPoolSize() + 8)).toBe(defaultPoolSize());
  });

  it("answers 503 when a transaction waits for a connection past Prisma's wait, and reads go on", async () => {
    const server = await startTestServer({ DATABASE_POOL_SIZE: '1' });
    try {
      const { http } = await server.signedIn();
      // The pool's one connection, busy for longer than a transaction waits to start (a Prisma
      // query runs once it is awaited or chained).
      const busy = server.services.db.$queryRaw`SELECT 1 FROM pg_sleep(2.5)`.then(() => {});
      await new Promise((resolve) => setTimeout(resolve, 100));
      const [read, write] = await Promise.all([http.get('/api/client/account'), http.delete('/api/client/account/sessions')]);
      expect(read.status).toBe(200);
      expect(write.status).toBe(503);
      expect(write.body).toEqual({ errors: ['database unavailable'] });
      await busy;
    } finally {
      await server.close();
    }
  });
});
