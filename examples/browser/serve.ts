// Serves the example frontend (app.ts, bundled with esbuild) as a dev server would, on
// another origin than the panel's:
//   CORS_ORIGINS=http://localhost:5173 npm start
//   PANEL_URL=http://localhost:3000 PORT=5173 npx tsx examples/browser/serve.ts
// then open http://localhost:5173.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Starts the frontend's server; resolves with its URL and a way to stop it. */
export async function serveFrontend({ panelUrl, port = 0, host = '127.0.0.1' }: { panelUrl: string; port?: number; host?: string }) {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('app.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    minify: true,
    logLevel: 'warning',
  });
  const script = bundle.outputFiles[0]!.text;
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Panel frontend example</title>
<meta name="panel-url" content="${panelUrl.replace(/"/g, '&quot;')}"></head>
<body><div id="root"></div><script type="module" src="/app.js"></script></body></html>`;

  const server: Server = createServer((req, res) => {
    if (req.url === '/app.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    if (req.url === '/') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await serveFrontend({ panelUrl: process.env.PANEL_URL ?? 'http://localhost:3000', port: Number(process.env.PORT ?? 5173), host: 'localhost' });
  console.log(`frontend at ${url}`);
}
