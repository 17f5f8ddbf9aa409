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
 *
 * The adapter runs everything on its one connection, and a statement sent while a transaction
 * is open runs inside it: it would read that transaction's uncommitted writes and vanish with
 * its rollback (a failed sign-in's budget hit under another request's refused checkpoint). So
 * statements outside a transaction wait while one is open. Transactions queue here before the
 * adapter's own lock, so that the gate closes in the same tick as the adapter's BEGIN; while a
 * transaction waits for another process's lock it holds nothing open, and reads go on.
 */
function waitingAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  // The adapter keeps its better-sqlite3 connection as `client`.
  const connection = (adapter as unknown as { client: { inTransaction: boolean } }).client;
  let open = 0;
  let waiting: (() => void)[] = [];
  const close = () => void open++;
  const reopen = () => {
    if (--open > 0) return;
    const woken = waiting;
    waiting = [];
    for (const wake of woken) wake();
  };
  /** Runs `statement` once no transaction is open, in the same tick as it finds none. */
  const outsideTransactions = async <T>(statement: () => Promise<T>): Promise<T> => {
    while (open > 0) await new Promise<void>((wake) => waiting.push(wake));
    return statement();
  };
  let queue: Promise<void> = Promise.resolve();

  const queryRaw = (query: SqlQuery) => untilNotBusy(Date.now() + LOCK_WAIT_MS, () => outsideTransactions(() => adapter.queryRaw(query)));
  const executeRaw = (query: SqlQuery) => untilNotBusy(Date.now() + LOCK_WAIT_MS, () => outsideTransactions(() => adapter.executeRaw(query)));
  const startTransaction = async (...args: Parameters<SqlDriverAdapter['startTransaction']>): Promise<Transaction> => {
    // Waiting for this process's earlier transactions counts against the same deadline.
    const deadline = Date.now() + LOCK_WAIT_MS;
    const previous = queue;
    let done!: () => void;
    queue = new Promise((resolve) => (done = resolve));
    await previous;
    close();
    let transaction: Transaction;
    try {
      transaction = await adapter.startTransaction(...args);
    } catch (error) {
      reopen();
      done();
      throw error;
    }
    try {
      try {
        await transaction.executeRaw({ sql: 'ROLLBACK', ...NO_ARGS });
      } finally {
        reopen();
      }
      await untilNotBusy(deadline, async () => {
        close();
        try {
          await transaction.executeRaw({ sql: 'BEGIN IMMEDIATE', ...NO_ARGS });
        } catch (error) {
          reopen();
          throw error;
        }
      });
    } catch (error) {
      try {
        await transaction.rollback(); // releases the adapter's transaction mutex; nothing is open
      } finally {
        done();
      }
      throw error;
    }
    let ended = false;
    const end = (finish: () => Promise<void>) => async () => {
      try {
        await finish();
      } finally {
        // Once, should both be called.
        if (!ended) {
          ended = true;
          reopen();
          done();
        }
      }
    };
    const rollback = async () => {
      // SQLite keeps a transaction open when its COMMIT fails (a deferred foreign key, a full
      // disk), and Prisma then only calls this, sending no ROLLBACK: it is sent here, or the
      // connection would stay inside it for every statement after.
      if (connection.inTransaction) await transaction.executeRaw({ sql: 'ROLLBACK', ...NO_ARGS }).catch(() => {});
      await transaction.rollback();
    };
    return Object.assign(Object.create(transaction) as Transaction, { commit: end(() => transaction.commit()), rollback: end(rollback) });
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
