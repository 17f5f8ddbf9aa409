// Recognising the database errors that handlers turn into answers.

/** A unique constraint refused the write (Prisma P2002, through either adapter). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

// The codes and kinds by which Prisma and the drivers say the database cannot be reached.
const UNREACHABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P03']);
const UNREACHABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'TooManyConnections', 'TlsConnectionError', 'DatabaseDoesNotExist', 'DatabaseAccessDenied']);

// What node-postgres says when the server goes away in the middle of a connection's life.
const UNREACHABLE_MESSAGES = /Connection terminated|Can't reach database server|terminating connection due to administrator command|the database system is (starting up|shutting down)|is not queryable/i;

/** Whether a failure means the database cannot be reached (as opposed to a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 8; depth++) {
    const record = e as { name?: string; code?: unknown; kind?: unknown; message?: unknown; meta?: { driverAdapterError?: unknown }; cause?: unknown };
    if (record.name === 'PrismaClientInitializationError') return true;
    if (typeof record.code === 'string' && UNREACHABLE_CODES.has(record.code)) return true;
    if (typeof record.kind === 'string' && UNREACHABLE_KINDS.has(record.kind)) return true;
    if (typeof record.message === 'string' && UNREACHABLE_MESSAGES.test(record.message)) return true;
    e = record.meta?.driverAdapterError ?? record.cause;
  }
  return false;
}
