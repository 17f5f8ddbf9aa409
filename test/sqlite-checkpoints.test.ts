// SQLite's write-ahead log is copied back into the database by a worker thread, not on the
// panel's connection (src/db/sqlite-checkpoints.ts): that connection does no checkpoint while
// the worker runs, the log stays bounded while writes keep coming, and if the worker stops by
// itself the panel is told, so that its connection checkpoints again.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../src/db/index.ts';
import { startCheckpointer } from '../src/db/sqlite-checkpoints.ts';
import { DATABASE } from './support/harness.ts';

const PAGE = 4096;

describe.runIf(DATABASE === 'sqlite')('checkpoints of the write-ahead log', () => {
  it('are the worker’s: the panel’s connection does none, and the log stays bounded under a run of writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'panel-checkpoints-'));
    const database = await openDatabase(`file:${dir}/panel.sqlite`);
    try {
      const { db } = database;
      expect(await db.$queryRawUnsafe('PRAGMA wal_autocheckpoint')).toEqual([{ wal_autocheckpoint: 0n }]);
      await db.$executeRawUnsafe('CREATE TABLE filler (n INTEGER)');
      // 20,000 commits of a page or more each, back to back: 80 MB of log if nothing
      // restarted it. A passive checkpoint alone cannot, while the writes keep coming.
      for (let i = 0; i < 20_000; i++) await db.$executeRawUnsafe('INSERT INTO filler VALUES (?)', i);
      expect(statSync(`${dir}/panel.sqlite-wal`).size).toBeLessThan(10_000 * PAGE);
      // Every page is copied into the database file, by the worker alone.
      const [{ pages }] = await db.$queryRawUnsafe<[{ pages: bigint }]>('SELECT page_count AS pages FROM pragma_page_count()');
      await vi.waitFor(() => expect(statSync(`${dir}/panel.sqlite`).size).toBe(Number(pages) * PAGE), { timeout: 5000 });
    } finally {
      await database.close();
      rmSync(dir, { recursive: true });
    }
  });

  it('tells the panel when the worker stops by itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'panel-checkpoints-'));
    try {
      let told!: () => void;
      const stopped = new Promise<void>((resolve) => (told = resolve));
      // No such database: the worker cannot open it and ends.
      const checkpointer = startCheckpointer(join(dir, 'missing.sqlite'), told);
      await stopped;
      expect(checkpointer.running).toBe(false);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
