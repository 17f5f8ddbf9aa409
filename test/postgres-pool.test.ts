// PostgreSQL's connection pool (src/db/index.ts): DATABASE_POOL_SIZE connections at most, twice
// the cores and one when unset, however many queries wait for one.
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

  it('opens twice the cores and one when DATABASE_POOL_SIZE is unset', async () => {
    expect(await backendsUsed({}, defaultPoolSize() + 8)).toBe(defaultPoolSize());
  });
});
