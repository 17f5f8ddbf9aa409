// Names for PostgreSQL's statements, so that each connection parses and plans a query's SQL
// once instead of at every use: node-postgres prepares a named statement on a connection the
// first time it meets the name, and Prisma's adapter names none unless given names. Named,
// the PATCH /account and activity page rows went up by about a fifth (bench/RESULTS.md).
// A name stands for one SQL text for the life of the process, as node-postgres requires. Only
// the first NAMED_STATEMENTS texts get one: past them (lists of every length, say) a query
// runs unnamed as before, so no connection holds more than that many.
import type { SqlQuery } from '@prisma/driver-adapter-utils';

/** How many SQL texts are named: every query the panel makes, with room. */
export const NAMED_STATEMENTS = 500;

/** Prisma's `statementNameGenerator`: a name per SQL text, or none past NAMED_STATEMENTS. */
export function statementNames(): (query: SqlQuery) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < NAMED_STATEMENTS) names.set(sql, (name = `panel_${names.size}`));
    // node-postgres runs a query without a name unnamed, as Prisma's adapter does by default.
    return name as string;
  };
}
