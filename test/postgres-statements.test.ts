// PostgreSQL statements named for reuse (src/db/postgres-statements.ts): each SQL text has one
// name for the life of the process, so a connection prepares it once, up to a bound.
import { describe, expect, it } from 'vitest';
import { NAMED_PARAMETERS, NAMED_STATEMENTS, statementNames } from '../src/db/postgres-statements.ts';
import { DATABASE, startTestServer } from './support/harness.ts';

const query = (sql: string, args: unknown[] = []) => ({ sql, args, argTypes: [] });

describe('named PostgreSQL statements', () => {
  it('give one SQL text one name, another text another, and none to long lists or past the bound', () => {
    const nameOf = statementNames();
    const first = nameOf(query('SELECT 1'));
    expect(first).toEqual(expect.any(String));
    expect(nameOf(query('SELECT 1'))).toBe(first);
    expect(nameOf(query('SELECT 2'))).not.toBe(first);
    const list = Array.from({ length: NAMED_PARAMETERS + 1 }, (_, i) => i);
    expect(nameOf(query(`SELECT ${list.map((i) => `$${i + 1}`).join(', ')}`, list))).toBeUndefined();
    for (let i = 3; i <= NAMED_STATEMENTS; i++) nameOf(query(`SELECT ${i}`));
    expect(nameOf(query('SELECT -1'))).toBeUndefined();
    expect(nameOf(query('SELECT 1'))).toBe(first);
  });

  it.runIf(DATABASE === 'postgresql')("are prepared once on the connection that runs Prisma's queries, and reused", async () => {
    const server = await startTestServer();
    try {
      const { db } = server.services;
      const runs = await db.$transaction(async (tx) => {
        // One connection: the same statement twice, then what it has prepared.
        for (let i = 0; i < 2; i++) await tx.$queryRaw`SELECT count(*) FROM "users" WHERE "id" = ${'none'}`;
        return tx.$queryRaw<{ statement: string; runs: number }[]>`
          SELECT statement, (generic_plans + custom_plans)::int AS runs FROM pg_prepared_statements`;
      });
      expect(runs).toContainEqual({ statement: 'SELECT count(*) FROM "users" WHERE "id" = $1', runs: 2 });
    } finally {
      await server.close();
    }
  });
});
