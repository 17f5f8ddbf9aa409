// SQLite statements kept for reuse (src/db/sqlite-statements.ts): each SQL is compiled once,
// and a kept statement answers each use with that use's own parameters, as the adapter uses it.
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { KEPT_STATEMENTS, keepStatements } from '../src/db/sqlite-statements.ts';
import { DATABASE } from './support/harness.ts';

/** An in-memory connection with its statements kept, counting what it compiles. */
function connection() {
  const db = new BetterSqlite3(':memory:');
  const compiled: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    compiled.push(sql);
    return prepare(sql);
  }) as typeof db.prepare;
  keepStatements(db);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
  return { db, compiled };
}

describe.runIf(DATABASE === 'sqlite')('kept SQLite statements', () => {
  it('compile each SQL once and run each use with its own parameters, as the adapter binds them', () => {
    const { db, compiled } = connection();
    for (const [id, name] of [[1, 'one'], [2, 'two'], [3, 'three']] as const) {
      expect(db.prepare('INSERT INTO t (id, name) VALUES (?, ?)').bind([id, name]).run()).toMatchObject({ changes: 1 });
    }
    const read = (id: number) => db.prepare('SELECT id, name FROM t WHERE id = ?').bind([id]).raw().all();
    expect(read(2)).toEqual([[2, 'two']]);
    expect(read(3)).toEqual([[3, 'three']]);
    expect(db.prepare('SELECT id, name FROM t WHERE id = ?').bind([1]).reader).toBe(true);
    db.prepare('BEGIN').run();
    db.prepare('DELETE FROM t WHERE id = ?').bind([1]).run();
    db.prepare('ROLLBACK').run();
    expect(read(1)).toEqual([[1, 'one']]);
    expect(compiled.filter((sql) => sql.startsWith('INSERT'))).toHaveLength(1);
    expect(compiled.filter((sql) => sql.startsWith('SELECT'))).toHaveLength(1);
    db.close();
  });

  it('keep at most KEPT_STATEMENTS, dropping the least recently used, and follow a schema change', () => {
    const { db, compiled } = connection();
    const sqlOf = (n: number) => `SELECT ${n} AS n`;
    for (let n = 0; n <= KEPT_STATEMENTS; n++) db.prepare(sqlOf(n)).bind([]).get();
    // The first was the least recently used, and was dropped for the last: it is compiled again.
    db.prepare(sqlOf(0)).bind([]).get();
    expect(compiled.filter((sql) => sql === sqlOf(0))).toHaveLength(2);
    // Still kept: used once since, not compiled again.
    db.prepare(sqlOf(KEPT_STATEMENTS)).bind([]).get();
    expect(compiled.filter((sql) => sql === sqlOf(KEPT_STATEMENTS))).toHaveLength(1);

    // The adapter reads a statement's columns before it runs it, so a schema change must not leave them behind.
    const select = 'SELECT * FROM t';
    expect(db.prepare(select).bind([]).raw().all()).toEqual([]);
    db.exec("ALTER TABLE t ADD COLUMN note TEXT DEFAULT 'n'; INSERT INTO t (id, name) VALUES (1, 'one')");
    const after = db.prepare(select).bind([]);
    expect(after.columns().map((column) => column.name)).toEqual(['id', 'name', 'note']);
    expect(after.raw().all()).toEqual([[1, 'one', 'n']]);
    db.close();
  });

  it('leave no mode from one use to the next, and cannot be bound for good', () => {
    const { db } = connection();
    db.prepare('INSERT INTO t (id, name) VALUES (?, ?)').bind([1, 'one']).run();
    const select = 'SELECT id, name FROM t WHERE id = ?';
    expect(db.prepare(select).bind([1]).raw().all()).toEqual([[1, 'one']]);
    expect(db.prepare(select).bind([1]).pluck().all()).toEqual([1]);
    expect(db.prepare(select).all(1)).toEqual([{ id: 1, name: 'one' }]);
    expect(() => db.prepare(select).bind([1]).bind([2])).toThrow(/only be invoked once/);
    expect(db.prepare(select).bind([1]).get()).toEqual({ id: 1, name: 'one' });
    db.close();
  });
});
