// PostgreSQL going away under load: clear 503s, no crash, and recovery without a restart.
import { describe, expect, it } from 'vitest';
import { startPostgres } from '../scripts/throwaway-postgres.ts';
import { DATABASE, startTestServer, temporaryDirectory } from './support/harness.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(DATABASE === 'postgresql')('database outage', () => {
  it('answers 503 database unavailable while PostgreSQL is down and recovers by itself', async () => {
    const postgres = await startPostgres();
    const server = await startTestServer({}, { reuse: { databaseUrl: postgres.url(), dataDir: temporaryDirectory('panel-fault-') } });
    try {
      const { http } = await server.signedIn();
      const created = await http.post('/api/client/account/api-keys', { name: 'outage', allowed_ips: [], user_permissions: ['account.infos'], admin_permissions: [], server_permissions: [] });
      const key = server.client().withKey(created.body.key);

      // Load from 8 clients for a bounded time; the database stops in the middle of it.
      const statuses: { status: number; body: unknown }[] = [];
      const deadline = Date.now() + 3000;
      const clients = Array.from({ length: 8 }, async () => {
        while (Date.now() < deadline) {
          const res = await key.get('/api/client/account');
          statuses.push({ status: res.status, body: res.body });
        }
      });
      await sleep(800);
      postgres.pause();
      await Promise.all(clients);

      expect(statuses.filter((s) => s.status === 200).length).toBeGreaterThan(0);
      const failures = statuses.filter((s) => s.status !== 200);
      expect(failures.length).toBeGreaterThan(0);
      for (const failure of failures) expect(failure).toEqual({ status: 503, body: { errors: ['database unavailable'] } });
      const health = await server.client().get('/api/health');
      expect(health.status).toBe(503);
      expect(health.body).toEqual({ errors: ['database unavailable'] });
      expect((await http.get('/api/client/account')).status).toBe(503);

      postgres.resume();
      let status = 0;
      for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
        await sleep(200);
        status = (await key.get('/api/client/account')).status;
      }
      expect(status).toBe(200);
      expect((await http.get('/api/client/account')).status).toBe(200);
    } finally {
      await server.close().catch(() => {});
      postgres.stop();
    }
  }, 60_000);

  it('replaces a connection the database server drops, without failing a request', async () => {
    const server = await startTestServer();
    try {
      const { http } = await server.signedIn();
      // Reads from 8 clients for a bounded time, while every other connection of the panel's,
      // the authentication reads' among them, is ended by the server as an administrator or a
      // failover would end it.
      const statuses: number[] = [];
      const deadline = Date.now() + 1500;
      const clients = Array.from({ length: 8 }, async () => {
        while (Date.now() < deadline) statuses.push((await http.get('/api/client/account')).status);
      });
      let ended = 0;
      for (let drop = 0; drop < 3; drop++) {
        await sleep(300);
        const rows = await server.services.db.$queryRawUnsafe<{ ended: boolean }[]>(
          'SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        );
        ended += rows.filter((row) => row.ended).length;
      }
      await Promise.all(clients);
      expect(ended).toBeGreaterThan(0);
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
