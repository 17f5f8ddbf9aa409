// PostgreSQL statements named for reuse (src/db/postgres-statements.ts): each SQL text has one
// name for the life of the process, so a connection prepares it once, up to a bound.
import { describe, expect, it } from 'vitest';
import { NAMED_STATEMENTS, statementNames } from '../src/db/postgres-statements.ts';
import { DATABASE, startTestServer } from './support/harness.ts';

const query = (sql: string) => ({ sql, args: [], argTypes: [] });

describe.runIf(DATABASE === 'postgresql')('named PostgreSQL statements', () => {
  it('give one SQL text one name, another text another, and none past the bound', () => {
    const nameOf = statementNames();
    const first = nameOf(query('SELECT 1'));
    expect(first).toEqual(expect.any(String));
    expect(nameOf(query('SELECT 1'))).toBe(first);
    expect(nameOf(query('SELECT 2'))).not.toBe(first);
    for (let i = 3; i <= NAMED_STATEMENTS; i++) nameOf(query(`SELECT ${i}`));
    expect(nameOf(query('SELECT -1'))).toBeUndefined();
    expect(nameOf(query('SELECT 1'))).toBe(first);
  });

  it("are prepared on the connection that runs Prisma's queries", async () => {
    const server = await startTestServer();
    try {
      const { db } = server.services;
      const prepared = await db.$queryRaw<{ statement: string }[]>`SELECT statement FROM pg_prepared_statements`;
      expect(prepared.map((row) => row.statement)).toContain('SELECT statement FROM pg_prepared_statements');
    } finally {
      await server.close();
    }
  });
});
