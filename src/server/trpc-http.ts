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
//
// A single query over GET (the typed client's every read with httpLink, and any read
// httpBatchLink sends alone) skips resolveResponse altogether: that function builds
// a Headers and a Response, joins three abort signals per call and reads its own
// answer back through a stream, which made the typed read cost about twice the CPU
// time of the same read over REST (bench/RESULTS.md). It is answered here through
// tRPC's exported parts (callTRPCProcedure, getErrorShape, transformTRPCResponse,
// getHTTPStatusCode) in resolveResponse's exact words: the same status, headers and
// body, success and errors alike (test/trpc-http.test.ts holds the two side by side).
// Anything else (a batch, a mutation, a path that names no query, a streaming accept
// header, another content type, any query parameter besides `input`) goes to resolveResponse.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { callTRPCProcedure, getErrorShape, getTRPCErrorFromUnknown, transformTRPCResponse, TRPCError, type AnyTRPCRouter } from '@trpc/server';
import { incomingMessageToRequest, internal_exceptionHandler, type NodeHTTPHandlerOptions } from '@trpc/server/adapters/node-http';
import { getHTTPStatusCode, resolveResponse, type TRPCRequestInfo } from '@trpc/server/http';
import type { NextFunction, Request, Response } from 'express';

type Options<TRouter extends AnyTRPCRouter> = NodeHTTPHandlerOptions<TRouter, IncomingMessage, ServerResponse>;

export function trpcMiddleware<TRouter extends AnyTRPCRouter>(opts: Options<TRouter>) {
  return (req: Request, res: Response, _next: NextFunction) => {
    const path = req.path.slice(req.path.lastIndexOf('/') + 1);
    const query = singleQuery(opts.router, req, path);
    const answered = query ? answerQuery(opts, req, res, path, query.input) : answer(opts, req, res, path);
    answered.catch((cause) => internal_exceptionHandler({ ...opts, req, res, path })(cause));
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
  writeHead(res, response.status, response.headers);

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

/** The status and headers of an answer, set cookies each on their own line. */
function writeHead(res: ServerResponse, status: number, headers: Headers) {
  if (res.statusCode === 200) res.statusCode = status;
  for (const [name, value] of headers) {
    if (name !== 'set-cookie') res.setHeader(name, value);
  }
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
}

/**
 * The raw `input` parameter of a GET that resolveResponse would answer as a single query
 * of the procedure at `path`, or undefined when resolveResponse is to answer it.
 */
function singleQuery(router: AnyTRPCRouter, req: IncomingMessage, path: string): { input: string | null } | undefined {
  if (req.method !== 'GET' || req.headers['trpc-accept'] !== undefined || req.headers.accept?.includes('application/jsonl')) return undefined;
  // resolveResponse reads a GET's input as JSON only when it has no other content type.
  const contentType = req.headers['content-type'];
  if (contentType !== undefined && !contentType.startsWith('application/json')) return undefined;
  // A fragment, which no client sends, is left to the URL parser resolveResponse uses.
  if (req.url!.includes('#')) return undefined;
  const procedures = router._def.procedures as Record<string, { _def: { type: string } }>;
  if (!Object.hasOwn(procedures, path) || procedures[path]!._def.type !== 'query') return undefined;
  const queryStart = req.url!.indexOf('?');
  if (queryStart === -1) return { input: null };
  const params = new URLSearchParams(req.url!.slice(queryStart + 1));
  for (const name of params.keys()) if (name !== 'input') return undefined;
  return { input: params.get('input') };
}

const isPromise = (value: unknown) => typeof (value as Promise<unknown> | undefined)?.then === 'function' && typeof (value as Promise<unknown>).catch === 'function';
const isAsyncIterable = (value: unknown) => typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/** resolveResponse's test for an answer that only a streaming link can carry. */
function isDataStream(value: unknown) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return isAsyncIterable(value) || Object.values(value).some(isPromise) || Object.values(value).some(isAsyncIterable);
}

/** A single GET query, answered as resolveResponse answers it (see the top of this file). */
async function answerQuery<TRouter extends AnyTRPCRouter>(opts: Options<TRouter>, req: IncomingMessage, res: ServerResponse, path: string, rawInput: string | null) {
  const config = opts.router._def._config;
  // The input as the procedure read it, for an error's shape; resolveResponse reads and wraps it so.
  let input: unknown;
  let reading: Promise<unknown> | undefined;
  const getRawInput = () =>
    (reading ??= (async () => (rawInput ? config.transformer.input.deserialize(JSON.parse(rawInput)) : undefined))().then(
      (value) => (input = value),
      (cause) => {
        throw cause instanceof TRPCError ? cause : new TRPCError({ code: 'BAD_REQUEST', message: cause instanceof Error ? cause.message : 'Invalid input', cause });
      },
    ));
  const request = new BodilessRequest(req, res);
  const info: TRPCRequestInfo = {
    isBatchCall: false,
    accept: null,
    calls: [{ path, procedure: opts.router._def.procedures[path], getRawInput, result: () => input, batchIndex: 0 }],
    type: 'query',
    connectionParams: null,
    get signal() {
      return request.signal;
    },
    url: null,
  };

  let ctx: unknown;
  let answer: { result: { data: unknown } } | { error: unknown };
  let error: TRPCError | undefined;
  try {
    ctx = await opts.createContext?.({ req, res, info });
    // No query reads its abort signal: none is made for it.
    const data = await callTRPCProcedure({ router: opts.router, path, getRawInput, ctx, type: 'query', signal: undefined, batchIndex: 0 });
    answer = { result: { data } };
  } catch (cause) {
    error = getTRPCErrorFromUnknown(cause);
    opts.onError?.({ error, path, input, ctx, type: 'query', req });
    answer = { error: getErrorShape({ config, ctx, error, input, path, type: 'query' }) };
  }
  if (!error && isDataStream((answer as { result: { data: unknown } }).result.data)) {
    // resolveResponse refuses this outside the call, and so without its path and input.
    error = new TRPCError({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink' });
    opts.onError?.({ error, path: undefined, input: undefined, ctx, type: 'query', req });
    answer = { error: getErrorShape({ config, ctx, error, input: undefined, path: undefined, type: 'query' }) };
  }

  const errors = error ? [error] : [];
  const meta = opts.responseMeta?.({ ctx: ctx as never, info, paths: [path], data: [answer as never], errors, eagerGeneration: false, type: 'query' }) ?? {};
  const status = meta.status || getHTTPStatusCode([answer as never], errors);
  if (meta.headers) {
    const headers = new Headers([['vary', 'trpc-accept, accept']]);
    headers.set('content-type', 'application/json');
    if (meta.headers instanceof Headers) {
      for (const [name, value] of meta.headers) headers.append(name, value);
    } else {
      for (const [name, value] of Object.entries(meta.headers)) {
        if (Array.isArray(value)) for (const one of value) headers.append(name, one);
        else if (typeof value === 'string') headers.set(name, value);
      }
    }
    writeHead(res, status, headers);
  } else {
    // The two headers resolveResponse sets, in the order its Headers list them.
    if (res.statusCode === 200) res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    res.setHeader('vary', 'trpc-accept, accept');
  }
  res.end(JSON.stringify(transformTRPCResponse(config, answer as never)));
}
