// The HTTP application: /trpc for the TypeScript frontend, /api for REST callers,
// both over the same procedures and one createContext.
import { createExpressMiddleware } from '@trpc/server/adapters/express';
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
import { contextFactory } from './trpc.ts';

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

type Middleware = (req: Request, res: Response, next: NextFunction) => unknown;

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

export function createApp(services: Services) {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(chain(requestLogger(services.log), securityHeaders(services.config.appUrl.protocol === 'https:')));

  // The REST procedures come first: they take nearly every request, and each layer before
  // them is a path test every request pays for. Paths they do not know fall through.
  const rest = restAdapter(services, BODY_LIMIT_BYTES);
  app.use('/api', chain(rest.body, rest.handle));

  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      createContext: contextFactory(services),
      maxBodySize: BODY_LIMIT_BYTES,
      onError: ({ error, path }) => {
        if (toAppError(error).status >= 500) services.log.error({ err: error.cause ?? error, path }, 'request failed');
      },
      responseMeta: errorResponseMeta,
    }),
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
