// What a failed call says, in the contract's words: the HTTP status and the messages
// ("field: problem" for validation) that REST and tRPC errors both carry.
import { TRPCClientError } from '@trpc/client';

export interface Failure {
  /** The HTTP status; 0 when no answer came from the server. */
  status: number;
  messages: string[];
}

/** A failure on the browser's side (a security key that gave no answer, say), in words for people. */
export class BrowserFailure extends Error {}

export function failureOf(error: unknown): Failure {
  if (error instanceof BrowserFailure) return { status: 0, messages: [error.message] };
  if (error instanceof TRPCClientError) {
    const data = error.data as { httpStatus?: number; errors?: string[] } | null | undefined;
    if (data?.httpStatus) return { status: data.httpStatus, messages: data.errors?.length ? data.errors : [error.message] };
    // An answer that is not the API's (a proxy's error page, say) still has a status.
    const status = (error.meta?.response as Response | undefined)?.status;
    if (status) return { status, messages: [`the server answered ${status}; try again in a moment`] };
  }
  return { status: 0, messages: ['the server could not be reached; check the connection and try again'] };
}

export interface SortedMessages {
  /** Messages about a field of the form, by field name. */
  fields: Record<string, string[]>;
  /** Everything else, shown above the form. */
  general: string[];
}

/**
 * Puts each "<field>: <problem>" message next to the input it names. For the field itself
 * the problem is enough (the label names it); for an item of a list field ("allowed_ips.2")
 * the whole message stays, so the item is named. Any other message is general.
 */
export function sortMessages(messages: readonly string[], fields: readonly string[]): SortedMessages {
  const sorted: SortedMessages = { fields: {}, general: [] };
  for (const message of messages) {
    const match = /^([A-Za-z0-9_.-]+): (.+)$/s.exec(message);
    const path = match?.[1];
    const field = path && fields.find((name) => path === name || path.startsWith(`${name}.`));
    if (!match || !path || !field) {
      sorted.general.push(message);
      continue;
    }
    (sorted.fields[field] ??= []).push(path === field ? match[2]! : message);
  }
  return sorted;
}
