// The HTTP application: /trpc for the TypeScript frontend, /api for REST callers,
// both over the same procedures and one createContext.
import cors from 'cors';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { AppError } from '../errors.ts';
import { appRouter } from '../routers/index.ts';
import { consoleRouter } from './console.ts';
import { docsRouter } from './docs.ts';
import { errorResponseMeta, toAppError } from './error-mapping.ts';
import { requestLogger } from './log.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { restAdapter } from './rest.ts';
import type { Services } from './services.ts';
import { contextFactory, sendTrpcError } from './trpc.ts';
import { trpcMiddleware } from './trpc-http.ts';

/** The largest request body either face accepts; larger ones answer 413. */
const BODY_LIMIT_BYTES = 64 * 1024;

/** Body-parser failures, in the contract's words. */
function parserError(error: { type?: string; status?: number }): AppError | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return new AppError(400, 'invalid payload');
    case 'entity.too.large':
      return new AppError(413, 'request body too large');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError(415, 'unsupported content encoding');
    default:
      return error.status === 400 ? new AppError(400, 'invalid payload') : undefined;
  }
}

/**
 * helmet's headers, worked out once: they depend on nothing in the request, and setting
 * them through helmet's chain of a dozen middlewares cost about a tenth of a cheap request.
 * HSTS and upgrading requests to https only make sense when the panel is served over https.
 */
function securityHeaders(https: boolean) {
  const headers = new Map<string, string>();
  const recorder = { setHeader: (name: string, value: string) => headers.set(name, value), removeHeader: () => {} };
  helmet({
    strictTransportSecurity: https,
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: https ? [] : null } },
  })({} as Request, recorder as unknown as Response, () => {});
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeaders(headers);
    next();
  };
}

/**
 * CORS for the frontends listed in CORS_ORIGINS (SPEC §9c): credentialed, with the methods
 * of the REST face and the headers the typed client sends. Any other origin, and a request
 * without one, passes through untouched: no CORS header, and a preflight is not answered.
 * Undefined when no origin is listed, so that the layer costs nothing then.
 */
function corsForFrontends(origins: readonly string[]): Middleware | undefined {
  if (origins.length === 0) return undefined;
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['content-type', 'authorization', 'trpc-accept'],
    exposedHeaders: ['retry-after'],
    maxAge: 600,
  });
}

type Middleware = (req: Request, res: Response, next: NextFunction) => unknown;

/**
 * Answers of the API carry keys, TOTP secrets, recovery codes and account data: no cache
 * (a browser's, a proxy's) may keep any of them (SPEC §9b).
 */
const noStore: Middleware = (req, res, next) => {
  if (req.url.startsWith('/api') || req.url.startsWith('/trpc')) res.setHeader('Cache-Control', 'no-store');
  next();
};

/**
 * Middlewares run in order as one Express layer. Every layer costs every request a path
 * match and a rewrite of req.url; on the authenticated read, three layers fewer were
 * about a twelfth of the request's CPU time (bench/RESULTS.md).
 */
function chain(...steps: Middleware[]): Middleware {
  return (req, res, next) => {
    const run = (index: number) => (error?: unknown) => {
      const step = steps[index];
      if (error || !step) return next(error);
      try {
        const result = step(req, res, run(index + 1));
        if (result instanceof Promise) result.catch(next);
      } catch (thrown) {
        next(thrown);
      }
    };
    run(0)();
  };
}

/**
 * A tRPC batch (`/trpc/a,b,c?batch=1`) holds at most `max` calls: each call is a procedure
 * run and an answer held in memory until the whole batch is written. Counted from the URL,
 * before anything is parsed or run.
 */
function batchLimit(max: number): Middleware {
  return (req, res, next) => {
    const query = req.url.indexOf('?');
    if (query === -1 || new URLSearchParams(req.url.slice(query + 1)).get('batch') !== '1') return next();
    if (req.path.split(',').length <= max) return next();
    sendTrpcError(res, 'BAD_REQUEST', new AppError(400, `batch: must hold at most ${max} calls`));
  };
}

export function createApp(services: Services) {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(chain(requestLogger(services.log), securityHeaders(services.config.appUrl.protocol === 'https:'), noStore));

  // The REST procedures come first: they take nearly every request, and each layer before
  // them is a path test every request pays for. Paths they do not know fall through.
  const frontends = corsForFrontends(services.config.corsOrigins);
  const withCors = (...steps: Middleware[]) => chain(...(frontends ? [frontends, ...steps] : steps));

  const rest = restAdapter(services, BODY_LIMIT_BYTES);
  app.use('/api', withCors(rest.body, rest.handle));

  app.use(
    '/trpc',
    withCors(
      batchLimit(services.config.trpcMaxBatch),
      trpcMiddleware({
      router: appRouter,
      createContext: contextFactory(services),
      maxBodySize: BODY_LIMIT_BYTES,
      onError: ({ error, path }) => {
        if (toAppError(error).status >= 500) services.log.error({ err: error.cause ?? error, path }, 'request failed');
      },
      responseMeta: errorResponseMeta,
      }),
    ),
  );

  app.get('/api/health', async (_req: Request, res: Response) => {
    await services.db.$queryRawUnsafe('SELECT 1');
    res.json({ status: 'ok' });
  });

  const openApiDocument = JSON.stringify(buildOpenApiDocument());
  app.get('/api/openapi.json', (_req: Request, res: Response) => {
    res.type('application/json').send(openApiDocument);
  });
  app.use(docsRouter());

  app.use('/api', rest.unmatched);
  app.use(consoleRouter());

  app.use((_req: Request, res: Response) => {
    res.status(404).json({ errors: ['not found'] });
  });

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const appError = parserError(error as { type?: string }) ?? toAppError(error);
    if (appError.status >= 500) services.log.error({ err: error, path: req.path }, 'request failed');
    if (res.headersSent) return res.end();
    res.status(appError.status).set(appError.headers).json({ errors: appError.messages });
  });

  return app;
}
