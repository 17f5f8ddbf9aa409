// SQLite locks without stalling: better-sqlite3 is synchronous, so a busy timeout would hold
// the whole event loop while another process (Studio, a backup, the sqlite3 shell) holds the
// file's write lock. The connection waits for nothing (busy timeout 0); a write refused as
// busy is tried again after a pause, asynchronously, for up to LOCK_WAIT_MS, and then fails
// as the database being unavailable (503). Reads never wait: under WAL they see the last
// commit whoever holds the write lock.
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';

/** How long a write waits for another process's lock before it answers 503. */
export const LOCK_WAIT_MS = 5000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SQLITE_BUSY, as the better-sqlite3 adapter reports it. */
const isBusy = (error: unknown) => (error as { cause?: { kind?: unknown } } | null)?.cause?.kind === 'SocketTimeout';

/** Runs `attempt` until it is not refused as busy, pausing longer each time, until `deadline`. */
async function untilNotBusy<T>(deadline: number, attempt: () => Promise<T>): Promise<T> {
  for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error) || Date.now() + pause > deadline) throw error;
      await sleep(pause);
    }
  }
}

const NO_ARGS = { args: [], argTypes: [] };

/**
 * A statement outside a transaction is atomic, so one refused as busy changed nothing and is
 * simply tried again. A transaction takes the write lock when it begins (BEGIN IMMEDIATE, in
 * place of the adapter's deferred BEGIN), waiting for it the same way: once begun, none of
 * its statements can be refused for a lock, and none has to be replayed.
 */
function waitingAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const queryRaw = (query: SqlQuery) => untilNotBusy(Date.now() + LOCK_WAIT_MS, () => adapter.queryRaw(query));
  const executeRaw = (query: SqlQuery) => untilNotBusy(Date.now() + LOCK_WAIT_MS, () => adapter.executeRaw(query));
  const startTransaction = async (...args: Parameters<SqlDriverAdapter['startTransaction']>): Promise<Transaction> => {
    // Waiting for this process's earlier transactions counts against the same deadline.
    const deadline = Date.now() + LOCK_WAIT_MS;
    const transaction = await adapter.startTransaction(...args);
    try {
      await transaction.executeRaw({ sql: 'ROLLBACK', ...NO_ARGS });
      await untilNotBusy(deadline, () => transaction.executeRaw({ sql: 'BEGIN IMMEDIATE', ...NO_ARGS }));
      return transaction;
    } catch (error) {
      await transaction.rollback(); // releases the adapter's transaction mutex; nothing is open
      throw error;
    }
  };
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === 'queryRaw') return queryRaw;
      if (property === 'executeRaw') return executeRaw;
      if (property === 'startTransaction') return startTransaction;
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The adapter factory with every connection it makes waiting for locks asynchronously. */
export function waitingForLocks(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => waitingAdapter(await factory.connect()),
    connectToShadowDb: async () => waitingAdapter(await factory.connectToShadowDb()),
  };
}
