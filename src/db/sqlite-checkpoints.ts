// SQLite copies its write-ahead log back into the database file, and syncs the file, every
// thousand pages, on the connection whose commit crosses the line: the panel's one writing
// connection, on the event loop, stalling every request for the copy and the sync. A worker
// thread does it instead on a connection of its own, a passive checkpoint every tenth of a
// second, which waits for no reader or writer; the panel's connection then checkpoints only
// if the worker stops.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the worker checkpoints: the log grows by what is written in between. */
const CHECKPOINT_EVERY_MS = 100;

/**
 * A passive checkpoint copies the log but cannot empty it while writes keep coming: only a
 * writer that finds it all copied starts it again from the top. Past this many pages (16 MB)
 * the worker waits for the write lock, up to RESTART_WAIT_MS, and the log restarts; the
 * panel's writes meanwhile wait for the lock as they wait for any other (sqlite-locks.ts).
 */
const RESTART_PAGES = 4000;
const RESTART_WAIT_MS = 1000;

/** SQLite's own default, for the panel's connection when the worker is not there. */
export const AUTOMATIC_CHECKPOINT_PAGES = 1000;

// A script rather than a module of the bundle, so that the worker loads nothing but the driver.
// A checkpoint refused as busy (another process's checkpoint) is tried again next time.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const connection = new Database(workerData.file, { fileMustExist: true, timeout: workerData.restartWaitMs });
const passive = connection.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const restart = connection.prepare('PRAGMA wal_checkpoint(RESTART)');
const timer = setInterval(() => {
  try {
    const { log } = passive.get();
    if (log > workerData.restartPages) restart.get();
  } catch (error) {
    if (!String(error.code).startsWith('SQLITE_BUSY')) throw error;
  }
}, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  connection.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Whether the worker is checkpointing: the panel's connection must not, while it is. */
  readonly running: boolean;
  stop(): Promise<void>;
}

/**
 * Starts the worker on the database `file`; `onStopped` runs if it stops by itself (an error),
 * so that the panel's connection checkpoints again.
 */
export function startCheckpointer(file: string, onStopped: () => void): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  // Small limits: the worker holds a connection and a timer, nothing more.
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { driver, file, everyMs: CHECKPOINT_EVERY_MS, restartPages: RESTART_PAGES, restartWaitMs: RESTART_WAIT_MS },
    resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 },
  });
  // It keeps no process alive; `stop` waits for it.
  worker.unref();
  let running = true;
  let stopping = false;
  worker.on('error', () => {});
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      running = false;
      if (!stopping) onStopped();
      resolve();
    }),
  );
  return {
    get running() {
      return running;
    },
    async stop() {
      stopping = true;
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
