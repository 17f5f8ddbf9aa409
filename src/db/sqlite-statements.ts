// Prepared statements kept for reuse on SQLite's connection. Prisma's adapter prepares each
// query's statement anew every time, and compiling SQL to SQLite's bytecode cost more than half
// as much CPU as running it (a profile of PATCH /account, bench/RESULTS.md).
// A schema change (a migration, from this process or another) empties the store: SQLite would
// compile a kept statement again when it next runs, but the adapter reads its columns before.
import type BetterSqlite3 from 'better-sqlite3';

type Statement = BetterSqlite3.Statement<unknown[]>;

/** How many statements are kept, the least recently used dropped first: every query the panel makes, with room. */
export const KEPT_STATEMENTS = 200;

const EXECUTIONS = new Set<PropertyKey>(['run', 'get', 'all', 'iterate']);
const MODES = new Set<PropertyKey>(['raw', 'pluck', 'expand', 'safeIntegers']);

const passedThrough = (statement: Statement, property: PropertyKey) => {
  const value = Reflect.get(statement, property, statement);
  return typeof value === 'function' ? value.bind(statement) : value;
};

/**
 * The statement with `parameters` given to every execution. The adapter binds a fresh
 * statement for good (`prepare(sql).bind(args)`), which a kept one allows only once.
 */
function withParameters(statement: Statement, parameters: unknown[]): Statement {
  const view: Statement = new Proxy(statement, {
    get(target, property) {
      if (property === 'bind')
        return () => {
          throw new TypeError('The bind() method can only be invoked once per statement object');
        };
      if (EXECUTIONS.has(property)) return () => (target[property as 'run'] as (...p: unknown[]) => unknown)(...parameters);
      if (MODES.has(property))
        return (...toggle: unknown[]) => {
          (target[property as 'raw'] as (...t: unknown[]) => unknown)(...toggle);
          return view;
        };
      return passedThrough(target, property);
    },
  });
  return view;
}

/** Makes `connection.prepare` hand out kept statements, preparing only SQL it has not kept. */
export function keepStatements(connection: BetterSqlite3.Database): void {
  const prepare = connection.prepare.bind(connection) as (sql: string) => Statement;
  const kept = new Map<string, Statement>();
  const schemaVersion = prepare('PRAGMA schema_version').pluck();
  let keptAt = schemaVersion.get();
  connection.prepare = ((sql: string) => {
    const version = schemaVersion.get();
    if (version !== keptAt) {
      kept.clear();
      keptAt = version;
    }
    const statement = kept.get(sql) ?? prepare(sql);
    // Each use sets the modes it reads rows in; none is left from the last.
    if (statement.reader) statement.raw(false).pluck(false).expand(false);
    // A Map iterates in insertion order: moving the statement to the end keeps the least recently used first.
    kept.delete(sql);
    kept.set(sql, statement);
    if (kept.size > KEPT_STATEMENTS) kept.delete(kept.keys().next().value!);
    return new Proxy(statement, {
      get: (target, property) => (property === 'bind' ? (...parameters: unknown[]) => withParameters(target, parameters) : passedThrough(target, property)),
    });
  }) as typeof connection.prepare;
}
