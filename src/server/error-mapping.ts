// The one place where any failure becomes the contract's error: an AppError with a
// status and messages. Both adapters (/trpc and REST) and the Express fallbacks use it.
import { TRPCError } from '@trpc/server';
import { z, type core } from 'zod';
import { AppError } from '../errors.ts';

// Messages for the checks schemas do not word themselves (types, missing and unknown fields).
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type') return issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}`;
    if (issue.code === 'unrecognized_keys') return 'unknown field';
    return undefined;
  },
});

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/** One `"<field>: <problem>"` string per problem (unknown fields: one per field). */
export function validationMessages(issues: readonly core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${path ? `${path}.` : ''}${key}: ${issue.message}`);
    if (!path) return issue.code === 'invalid_type' ? ['body: must be a JSON object'] : [`body: ${issue.message}`];
    return [`${path}: ${issue.message}`];
  });
}

// Driver and Prisma signals that the database cannot be reached (as opposed to a bad query).
const UNREACHABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P03']);
const UNREACHABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'TooManyConnections', 'TlsConnectionError', 'DatabaseDoesNotExist', 'DatabaseAccessDenied']);

// What node-postgres says when the server goes away in the middle of a connection's life.
const UNREACHABLE_MESSAGES = /Connection terminated|Can't reach database server|terminating connection due to administrator command|the database system is (starting up|shutting down)|is not queryable/i;

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

const BY_TRPC_CODE: Partial<Record<TRPCError['code'], [number, string]>> = {
  PARSE_ERROR: [400, 'invalid payload'],
  NOT_FOUND: [404, 'not found'],
  METHOD_NOT_SUPPORTED: [405, 'method not allowed'],
  PAYLOAD_TOO_LARGE: [413, 'request body too large'],
  UNSUPPORTED_MEDIA_TYPE: [415, 'unsupported content type: send application/json'],
  BAD_REQUEST: [400, 'invalid request'],
};

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof TRPCError) {
    const { cause } = error;
    if (cause instanceof AppError) return cause;
    if (error.code === 'BAD_REQUEST' && cause instanceof z.ZodError) return new AppError(400, validationMessages(cause.issues));
    const known = BY_TRPC_CODE[error.code];
    if (known) return new AppError(known[0], known[1]);
    if (isDatabaseUnavailable(cause)) return new AppError(503, 'database unavailable');
    return new AppError(500, 'internal server error');
  }
  if (isDatabaseUnavailable(error)) return new AppError(503, 'database unavailable');
  return new AppError(500, 'internal server error');
}

/** The response status and headers of a failed call, for both adapters' responseMeta. */
export function errorResponseMeta({ errors: [error] }: { errors: readonly unknown[] }) {
  if (!error) return {};
  const appError = toAppError(error);
  return { status: appError.status, headers: appError.headers };
}
