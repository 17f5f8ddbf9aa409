// /trpc on Express: tRPC's own request handling (resolveResponse, the function its adapters
// are built on) with a cheaper way of writing the answer.
//
// tRPC's Express adapter pipes every answer through a web WritableStream and writes it in
// chunks without a length, so each JSON answer took a chunked encoding, two socket writes
// and a run of stream promises: about a quarter of the CPU time of the authenticated read
// (bench/RESULTS.md). A JSON answer is complete when resolveResponse returns, so it is
// written here at once, with its length; streamed answers (a jsonl batch, a subscription)
// are still written chunk by chunk as they come.
//
// A GET (every query, the bulk of the traffic) has no body, and resolveResponse reads
// only its method, URL, a few headers and its abort signal; building a fetch Request for
// it (a copy of every header, a parsed URL, an AbortController and listeners) was another
// tenth. It gets a view over the Node request instead. A request with a body still gets a
// real Request, which reads the body within maxBodySize.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnyTRPCRouter } from '@trpc/server';
import { incomingMessageToRequest, internal_exceptionHandler, type NodeHTTPHandlerOptions } from '@trpc/server/adapters/node-http';
import { resolveResponse } from '@trpc/server/http';
import type { NextFunction, Request, Response } from 'express';

type Options<TRouter extends AnyTRPCRouter> = NodeHTTPHandlerOptions<TRouter, IncomingMessage, ServerResponse>;

export function trpcMiddleware<TRouter extends AnyTRPCRouter>(opts: Options<TRouter>) {
  return (req: Request, res: Response, _next: NextFunction) => {
    const path = req.path.slice(req.path.lastIndexOf('/') + 1);
    answer(opts, req, res, path).catch(internal_exceptionHandler({ ...opts, req, res, path }));
  };
}

/** What resolveResponse reads of a header: a value by name, or null. */
class NodeHeaders {
  constructor(private readonly incoming: IncomingMessage['headers']) {}

  get(name: string): string | null {
    const value = this.incoming[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.incoming[name.toLowerCase()] !== undefined;
  }
}

/** A bodiless request as resolveResponse sees it; the signal aborts when the client goes away. */
class BodilessRequest {
  readonly method: string;
  readonly headers: NodeHeaders;
  /** Only the path and query are read, so the host is not taken from the request. */
  readonly url: string;
  #res: ServerResponse;
  #signal: AbortSignal | undefined;

  constructor(req: IncomingMessage, res: ServerResponse) {
    this.method = req.method!;
    this.headers = new NodeHeaders(req.headers);
    this.url = `http://localhost${req.url}`;
    this.#res = res;
  }

  get signal(): AbortSignal {
    if (!this.#signal) {
      const controller = new AbortController();
      const res = this.#res;
      res.once('close', () => {
        if (!res.writableEnded) controller.abort();
      });
      this.#signal = controller.signal;
    }
    return this.#signal;
  }
}

async function answer<TRouter extends AnyTRPCRouter>(opts: Options<TRouter>, req: IncomingMessage, res: ServerResponse, path: string) {
  const request =
    req.method === 'GET' || req.method === 'HEAD'
      ? (new BodilessRequest(req, res) as unknown as globalThis.Request)
      : incomingMessageToRequest(req, res, { maxBodySize: opts.maxBodySize ?? null });
  const response = await resolveResponse({
    ...opts,
    req: request,
    path,
    error: null,
    createContext: async (inner) => opts.createContext?.({ ...opts, req, res, ...inner }),
    onError: (o) => opts.onError?.({ ...o, req }),
  });
  if (res.statusCode === 200) res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);

  if (response.headers.get('content-type')?.startsWith('application/json') || !response.body) {
    res.end(response.body ? await response.text() : undefined);
    return;
  }
  try {
    for await (const chunk of response.body) {
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
      if (res.destroyed) break;
    }
  } finally {
    res.end();
  }
}
