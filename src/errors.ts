/**
 * An error a client is meant to see: an HTTP status and the contract's messages.
 * Everything else that escapes a handler is a 500 and stays in the log.
 */
export class AppError extends Error {
  readonly messages: string[];

  constructor(
    readonly status: number,
    messages: string | string[],
    /** Extra response headers, such as Retry-After on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    const list = Array.isArray(messages) ? messages : [messages];
    super(list.join('; '));
    this.name = 'AppError';
    this.messages = list;
  }
}

export const badRequest = (message: string | string[]) => new AppError(400, message);
export const unauthorized = (message: string) => new AppError(401, message);
export const forbidden = (message: string) => new AppError(403, message);
export const notFound = (message: string) => new AppError(404, message);
export const conflict = (message: string) => new AppError(409, message);
