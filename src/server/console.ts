// The account console (console/, bundled into dist/console/ by scripts/console.mjs): its
// files under /assets, and its page at every other address a browser navigates to, so a
// reload of a client-side route (or a link in a mail) opens the console there. /api and
// /trpc are answered before this; requests that do not ask for HTML keep their JSON 404.
import { join } from 'node:path';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { projectRoot } from '../db/migrate.ts';

export function consoleRouter(dir = join(projectRoot(), 'dist', 'console')): Router {
  const page = join(dir, 'index.html');
  const router = Router();
  router.use('/assets', express.static(dir, { index: false }));
  router.use((req: Request, res: Response, next: NextFunction) => {
    const navigation = (req.method === 'GET' || req.method === 'HEAD') && req.headers.accept?.includes('text/html');
    if (!navigation) return next();
    // A new build must reach the browser at once: the page is checked again on every visit.
    res.sendFile(page, { headers: { 'Cache-Control': 'no-cache' } }, (error) => {
      if (error && !res.headersSent) next();
    });
  });
  return router;
}
