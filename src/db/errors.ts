// Recognising the database errors that handlers turn into answers.

/**
 * A unique constraint refused the write, through either adapter: P2002 from Prisma's own
 * queries, P2010 with the driver's error of that kind from SQL written by hand, and SQLite's
 * own code from SQL run beside Prisma (`writeAtOnce`).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, meta } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
  return (
    code === 'P2002' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    (code === 'P2010' && meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation')
  );
}

// The codes and kinds by which Prisma and the drivers say the database cannot be reached.
const UNREACHABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P03']);
// SQLite's driver: another process kept the write lock past the wait for it (SQLITE_BUSY and its extended codes).
const LOCKED_OUT = /^SQLITE_BUSY/;
const UNREACHABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'TooManyConnections', 'TlsConnectionError', 'DatabaseDoesNotExist', 'DatabaseAccessDenied']);

// What node-postgres says when the server goes away in the middle of a connection's life, and
// what Prisma says (P2028) when no connection came free for a transaction within its wait.
const UNREACHABLE_MESSAGES =
  /Connection terminated|Can't reach database server|terminating connection due to administrator command|the database system is (starting up|shutting down)|is not queryable|Unable to start a transaction in the given time/i;

/** Whether a failure means the database cannot be reached (as opposed to a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 8; depth++) {
    const record = e as { name?: string; code?: unknown; kind?: unknown; message?: unknown; meta?: { driverAdapterError?: unknown }; cause?: unknown };
    if (record.name === 'PrismaClientInitializationError') return true;
    if (typeof record.code === 'string' && (UNREACHABLE_CODES.has(record.code) || LOCKED_OUT.test(record.code))) return true;
    if (typeof record.kind === 'string' && UNREACHABLE_KINDS.has(record.kind)) return true;
    if (typeof record.message === 'string' && UNREACHABLE_MESSAGES.test(record.message)) return true;
    e = record.meta?.driverAdapterError ?? record.cause;
  }
  return false;
}

/**
 * What a log keeps of a Prisma error: its class, code, model and operation, and the reason in
 * Prisma's words with every quoted value cut out. The rest stays out: Prisma's message dumps the
 * call's arguments (a validation error prints them all: a password hash, a token digest, an
 * email), and its `meta` carries the driver's error, whose detail may quote the failing row.
 * Undefined when no Prisma error is found along the error's causes.
 */
export function describePrismaError(error: unknown): Record<string, string> | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 8; depth++) {
    const record = e as { name?: unknown; code?: unknown; message?: unknown; meta?: { modelName?: unknown }; cause?: unknown };
    if (typeof record.name === 'string' && record.name.startsWith('PrismaClient')) {
      const message = typeof record.message === 'string' ? record.message : '';
      // "Invalid `prisma.session.create()` invocation" names the operation.
      const operation = /Invalid `\w+\.([\w$]+(?:\.[\w$]+)?)\(\)` invocation/.exec(message)?.[1];
      const lines = message.split('\n').map((line) => line.trim()).filter(Boolean);
      const reason = lines.length > 1 ? lines[lines.length - 1]! : '';
      return {
        type: record.name,
        // Not `code`: the log redacts every field of that name (a second-factor code).
        ...(typeof record.code === 'string' && { errorCode: record.code }),
        ...(typeof record.meta?.modelName === 'string' && { model: record.meta.modelName }),
        ...(operation && { operation }),
        message: reason.replace(/"[^"]*"|'[^']*'/g, '"…"').slice(0, 300),
      };
    }
    e = record.cause;
  }
  return undefined;
}
