// Names for PostgreSQL's statements, so that each connection parses a query's SQL once and can
// reuse its plan instead of parsing and planning it at every use: node-postgres prepares a
// named statement on a connection the first time it meets the name, and Prisma's adapter names
// none unless given names. Named, the PATCH /account and activity page rows went up by about
// a fifth (bench/RESULTS.md).
// A name stands for one SQL text for the life of the process, as node-postgres requires. Only
// the first NAMED_STATEMENTS texts get one, and none with more than NAMED_PARAMETERS values (a
// list in an IN, whose text changes with its length, as the cleanup's batches do): those run
// unnamed as before, so no connection holds more than that many and one-off texts take no names.
import type { SqlQuery } from '@prisma/driver-adapter-utils';

/** How many SQL texts are named: every query the panel makes, with room. */
export const NAMED_STATEMENTS = 500;

/** The most values a named statement takes: more than any single-row query of the panel. */
export const NAMED_PARAMETERS = 64;

/** Prisma's `statementNameGenerator`: a name per SQL text, or none for the texts above. */
export function statementNames(): (query: SqlQuery) => string {
  const names = new Map<string, string>();
  return ({ sql, args }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < NAMED_STATEMENTS && args.length <= NAMED_PARAMETERS) names.set(sql, (name = `panel_${names.size}`));
    // node-postgres runs a query without a name unnamed, as Prisma's adapter does by default.
    return name as string;
  };
}
