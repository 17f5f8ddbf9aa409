// SQLite locks without stalling: better-sqlite3 is synchronous, so a busy timeout would hold
// the whole event loop while another process (Studio, a backup, the sqlite3 shell) holds the
// file's write lock. The connection waits for nothing (busy timeout 0); a write refused as
// busy is tried again after a pause, asynchronously, for up to LOCK_WAIT_MS, and then fails
// as the database being unavailable (503). Reads never wait: under WAL they see the last
// commit whoever holds the write lock.
//
// A hot write of several statements can also run at once (`atOnce`): the whole transaction
// within one tick on the connection, beside Prisma rather than through it.
import type BetterSqlite3 from 'better-sqlite3';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';

/** How long a write waits for another process's lock before it answers 503. */
export const LOCK_WAIT_MS = 5000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SQLITE_BUSY (and its extended codes), as the better-sqlite3 adapter reports it or as the driver throws it. */
const isBusy = (error: unknown) => {
  const { cause, code } = (error ?? {}) as { cause?: { kind?: unknown }; code?: unknown };
  return cause?.kind === 'SocketTimeout' || (typeof code === 'string' && code.startsWith('SQLITE_BUSY'));
};

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

/** SQL with `?` placeholders and its values, as `Prisma.sql` builds it. */
interface Statement {
  sql: string;
  values: unknown[];
}

type Row = Record<string, unknown>;

/** Statements run in one transaction at once; the rows each hands back (none for a write without RETURNING). */
type AtOnce = (statements: Statement[]) => Promise<Row[][]>;

/** The same, or undefined when Prisma has no connection open (before its first query, after `$disconnect`). */
export type AtOnceIfConnected = (statements: Statement[]) => Promise<Row[][]> | undefined;

/** A value as the adapter binds it: a date as ISO-8601 text with its zone written out, a boolean as 0 or 1. */
const bound = (value: unknown) => (value instanceof Date ? value.toISOString().replace('Z', '+00:00') : typeof value === 'boolean' ? Number(value) : value);

/**
 * Each declared type a row read at once may hold, decoded as Prisma's raw queries decode it
 * (the adapter reads integers as BigInt; a date is ISO-8601 text, or milliseconds if written so).
 */
const DECODED: Record<string, (value: unknown) => unknown> = {
  TEXT: (value) => value,
  INTEGER: (value) => Number(value),
  DATETIME: (value) => new Date(typeof value === 'string' ? value : Number(value)),
  BOOLEAN: (value) => Number(value) === 1,
};

function decoded(columns: BetterSqlite3.ColumnDefinition[], rows: Row[]): Row[] {
  const decoders = columns.map(({ name, type }) => {
    const decode = DECODED[type?.toUpperCase() ?? ''];
    // JSON, BigInt, bytes and expressions without a declared type come back from Prisma in
    // forms not built here: such a row is read through Prisma.
    if (!decode) throw new TypeError(`a column of type ${type} is not read at once: ${name}`);
    return [name, decode] as const;
  });
  for (const row of rows) for (const [name, decode] of decoders) if (row[name] !== null) row[name] = decode(row[name]);
  return rows;
}

/**
 * The statements between BEGIN IMMEDIATE and COMMIT, synchronously: nothing else on the
 * connection runs between them. SQLITE_BUSY from another process's lock is thrown before
 * anything is written; any failure rolls the whole back.
 */
function runAtOnce(connection: BetterSqlite3.Database, statements: Statement[]): Row[][] {
  connection.prepare('BEGIN IMMEDIATE').run();
  try {
    const results = statements.map(({ sql, values }) => {
      const statement = connection.prepare<unknown[], Row>(sql);
      const args = values.map(bound);
      if (!statement.reader) {
        statement.run(...args);
        return [];
      }
      return decoded(statement.columns(), statement.all(...args));
    });
    connection.prepare('COMMIT').run();
    return results;
  } catch (error) {
    // The error to answer is the statement's: a ROLLBACK that fails too (a lost disk) adds nothing to it.
    if (connection.inTransaction) {
      try {
        connection.exec('ROLLBACK');
      } catch {}
    }
    throw error;
  }
}

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
function waitingAdapter(adapter: SqlDriverAdapter, onDispose: () => void): SqlDriverAdapter & { atOnce: AtOnce } {
  // The adapter keeps its better-sqlite3 connection as `client`.
  const connection = (adapter as unknown as { client: BetterSqlite3.Database }).client;
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

  // At once, the transaction holds the connection for a single tick: it waits for the gate like
  // any statement, never closes it, and costs none of the promise hops of Prisma's transactions.
  const atOnce: AtOnce = (statements) =>
    untilNotBusy(Date.now() + LOCK_WAIT_MS, () => outsideTransactions(async () => runAtOnce(connection, statements)));
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
  return new Proxy(adapter as SqlDriverAdapter & { atOnce: AtOnce }, {
    get(target, property, receiver) {
      if (property === 'atOnce') return atOnce;
      if (property === 'dispose')
        return () => {
          onDispose();
          return target.dispose();
        };
      if (property === 'queryRaw') return queryRaw;
      if (property === 'executeRaw') return executeRaw;
      if (property === 'startTransaction') return startTransaction;
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * The adapter factory with every connection it makes waiting for locks asynchronously, and
 * `atOnce` on the connection of Prisma's queries while it is open.
 */
export function waitingForLocks(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory & { atOnce: AtOnceIfConnected } {
  // The connections made and not yet closed. Prisma's is the first: it connects at its first
  // query, which opening the database makes before migrations open and close theirs.
  const connections: ReturnType<typeof waitingAdapter>[] = [];
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = waitingAdapter(await factory.connect(), () => {
        const index = connections.indexOf(adapter);
        if (index !== -1) connections.splice(index, 1);
      });
      connections.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => waitingAdapter(await factory.connectToShadowDb(), () => {}),
    atOnce: (statements) => connections[0]?.atOnce(statements),
  };
}
