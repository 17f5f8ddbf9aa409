// The one place where any failure becomes the contract's error: an AppError with a
// status and messages. Both adapters (/trpc and REST) and the Express fallbacks use it.
import { TRPCError } from '@trpc/server';
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { z, type core } from 'zod';
import { isDatabaseUnavailable } from '../db/errors.ts';
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

/** The tRPC code of each status the API answers with (SPEC §8). */
const TRPC_CODE_BY_STATUS: Record<number, TRPC_ERROR_CODE_KEY> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_SUPPORTED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * The error a /trpc client sees: the tRPC code and JSON-RPC number that match the status,
 * the status and the contract's messages. Built field by field so that nothing else (a
 * stack in development, a `stack` key left undefined) reaches the client.
 */
export function trpcErrorShape(shape: { data: { path?: string } }, error: unknown) {
  const appError = toAppError(error);
  const code = TRPC_CODE_BY_STATUS[appError.status] ?? 'INTERNAL_SERVER_ERROR';
  return {
    message: appError.messages[0]!,
    code: TRPC_ERROR_CODES_BY_KEY[code],
    data: { code, httpStatus: appError.status, path: shape.data.path, errors: appError.messages },
  };
}
