// The yardstick: an Express 5 route answering a constant, nothing else.
import express from 'express';

const app = express();
app.get('/constant', (_req, res) => {
  res.json({ ok: true });
});
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}` }));
});
