// The one place where any failure becomes the contract's error: an AppError with a
// status and messages. Both adapters (/trpc and REST) and the Express fallbacks use it.
import { TRPCError } from '@trpc/server';
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
