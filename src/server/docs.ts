// GET /api/docs: Swagger UI (swagger-ui-dist, served from this server, nothing from a CDN)
// over /api/openapi.json. Its start-up script is a file of ours, so the page runs under
// a Content-Security-Policy without inline scripts.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { Router } from 'express';

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Panel account API</title>
  <link rel="icon" type="image/png" href="/api/docs/assets/favicon-32x32.png">
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/start.js"></script>
</body>
</html>
`;

const START = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  withCredentials: true,
});
`;

export function docsRouter(): Router {
  const assets = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const router = Router();
  router.get('/api/docs', (_req, res) => {
    res.type('html').send(PAGE);
  });
  router.get('/api/docs/start.js', (_req, res) => {
    res.type('text/javascript').send(START);
  });
  // No Cache-Control of its own: everything under /api is no-store.
  router.use('/api/docs/assets', express.static(assets, { index: false, cacheControl: false }));
  return router;
}
