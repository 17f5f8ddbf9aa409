// The REST face of the same procedures: trpc-to-openapi mounts each at the path in its
// meta. Three things it does not do are done here: the contract's {"errors": [...]}
// body, a JSON body on the DELETEs that take one, and a bodiless POST without a
// content type (nothing to parse is not an unsupported media type).
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { createOpenApiNodeHttpHandler } from 'trpc-to-openapi';
import { appRouter } from '../routers/index.ts';
import { errorResponseMeta, toAppError } from './error-mapping.ts';
import type { Services } from './services.ts';
import { contextFactory, type Meta } from './trpc.ts';

interface Route {
  method: string;
  /** The path as the meta writes it, under /api: `/client/account/api-keys/{api_key}`. */
  path: string;
  pattern: RegExp;
  jsonBody: boolean;
  /** The procedure's input schema. */
  input: unknown;
  /** The error statuses the procedure answers with besides 400, 401 and 403, for the document. */
  errorResponses: Record<number, string>;
}

/** Every REST route, from the procedures' meta. */
export function restRoutes(): Route[] {
  return Object.values(appRouter._def.procedures).flatMap((procedure) => {
    const { meta, inputs } = (procedure as unknown as { _def: { meta?: Meta; inputs: unknown[] } })._def;
    if (!meta?.openapi) return [];
    const { method, path } = meta.openapi;
    const source = path.replace(/\{[^}]+\}/g, '[^/]+');
    const errorResponses = Array.isArray(meta.openapi.errorResponses) ? {} : (meta.openapi.errorResponses ?? {});
    return [{ method, path, pattern: new RegExp(`^${source}/?$`, 'i'), jsonBody: meta.jsonBody === true, input: inputs[0], errorResponses }];
  });
}

const hasBody = (req: IncomingMessage) =>
  req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0';

export function restAdapter(services: Services, bodyLimitBytes: number) {
  const routes = restRoutes();
  const jsonBodyDeletes = routes.filter((route) => route.method === 'DELETE' && route.jsonBody);
  const createContext = contextFactory(services);
  const handler = createOpenApiNodeHttpHandler({
    router: appRouter,
    createContext: ({ req, res }) => createContext({ req: req as IncomingMessage, res: res as ServerResponse }),
    onError: ({ error, req }) => {
      const appError = toAppError(error);
      if (appError.status >= 500) services.log.error({ err: error.cause ?? error, path: req.url?.split('?')[0] }, 'request failed');
      // The handler writes its own error body next; the contract's goes out in its place.
      const res = (req as Request).res!;
      const end = res.end.bind(res) as (chunk: string) => Response;
      res.end = (() => end(JSON.stringify({ errors: appError.messages }))) as Response['end'];
    },
    responseMeta: errorResponseMeta,
  });

  /**
   * The JSON parser, for a request that has a body. A bodiless one skips it (its checks
   * alone were a fiftieth of the authenticated read); unless it is a GET, which the
   * handler reads no body for, it is marked as read and, without a content type, passed
   * on as JSON, which the handler wants even when there is nothing to read.
   */
  const parseJson = express.json({ limit: bodyLimitBytes });
  const body = (req: Request, res: Response, next: NextFunction) => {
    if (hasBody(req)) return parseJson(req, res, next);
    if (req.method !== 'GET') {
      req.body = undefined;
      req.headers['content-type'] ??= 'application/json';
    }
    next();
  };

  const handle = (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'DELETE' && jsonBodyDeletes.some((route) => route.pattern.test(req.path))) {
      // The handler reads DELETE input from req.query; here that input is the JSON body.
      Object.defineProperty(req, 'query', { value: req.body ?? {}, configurable: true, enumerable: true });
    }
    return handler(req, res, next);
  };

  /** After the handler found no procedure: 405 when the path exists with other methods, else 404. */
  const unmatched = (req: Request, res: Response) => {
    const allowed = routes.filter((r) => r.pattern.test(req.path)).map((r) => r.method);
    if (allowed.length > 0) {
      res.status(405).set('Allow', [...new Set(allowed)].join(', ')).json({ errors: ['method not allowed'] });
    } else {
      res.status(404).json({ errors: ['not found'] });
    }
  };

  return { body, handle, unmatched };
}
