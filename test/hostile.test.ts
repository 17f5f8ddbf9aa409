// What a hostile client can do to a running server process (SPEC §9b), tried over HTTP on
// loopback against a child process, as an outside review would: floods stay bounded in
// count and time, and only the process's survival and memory are asserted, not its speed.
import { describe, expect, it } from 'vitest';
import { preparedDatabase, startChildServer } from './support/child-server.ts';

describe('HOST', () => {
  it('127.0.0.1 keeps the server on IPv4 loopback: nothing answers on ::1', async () => {
    const { databaseUrl, dataDir } = await preparedDatabase([]);
    const server = await startChildServer(databaseUrl, dataDir, { HOST: '127.0.0.1' });
    try {
      const { port } = new URL(server.url);
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
      await expect(fetch(`http://[::1]:${port}/api/health`)).rejects.toThrow();
    } finally {
      await server.stop();
    }
  });
});
