// Running it: health check, security headers, logs without secrets, graceful shutdown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectedLog, startTestServer, type TestServer } from './support/harness.ts';
import { preparedDatabase, startChildServer } from './support/child-server.ts';
import { HttpClient } from './support/http.ts';
import { totpCode } from './support/totp.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('GET /api/health', () => {
  it('answers ok after asking the database', async () => {
    const res = await server.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});

describe('security headers', () => {
  it('sends the usual protections, and HSTS only behind https', async () => {
    const res = await server.client().get('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('strict-transport-security')).toBeNull();
    const https = await startTestServer({ APP_URL: 'https://panel.example.com' });
    try {
      expect((await https.client().get('/api/health')).headers.get('strict-transport-security')).toMatch(/max-age=/);
    } finally {
      await https.close();
    }
  });
});

describe('logs', () => {
  it('are JSON lines without the Authorization header, cookies, passwords, codes or keys', async () => {
    const { lines, log } = collectedLog('info');
    const logged = await startTestServer({}, { log });
    try {
      const { user, http } = await logged.signedIn();
      const created = await http.post('/api/client/account/api-keys', { name: 'logged', allowed_ips: [], user_permissions: ['account.infos'], admin_permissions: [], server_permissions: [] });
      await http.withKey(created.body.key).get('/api/client/account');
      const setup = await http.get('/api/client/account/two-factor');
      const code = await totpCode(setup.body.secret);
      const enabled = await http.post('/api/client/account/two-factor', { code, password: user.password });
      await http.request('DELETE', `/api/client/account/two-factor?password=${encodeURIComponent(user.password)}&code=${code}`);
      await http.post('/api/client/account/password', { current_password: user.password, password: 'x', password_confirmation: 'x' });

      expect(lines.length).toBeGreaterThan(5);
      const records = lines.map((line) => JSON.parse(line));
      expect(records.some((r) => r.req?.path === '/api/client/account' && r.res?.statusCode === 200)).toBe(true);
      expect(records.some((r) => r.req?.headers !== undefined)).toBe(false);
      const all = lines.join('\n');
      const cookieValue = http.cookie!.split('=')[1]!;
      for (const secret of [user.password, created.body.key, cookieValue, setup.body.secret, code, ...enabled.body.recovery_codes]) {
        expect(all).not.toContain(secret);
      }
    } finally {
      await logged.close();
    }
  });
});

describe('a database error in the log', () => {
  it('names its code, model and operation, and quotes none of the values of the failed write', async () => {
    const { lines, log } = collectedLog('info');
    const logged = await startTestServer({}, { log });
    try {
      const user = await logged.createUser();
      const { db, provider } = logged.services;
      // The database refuses every new session, quoting the row as PostgreSQL's check constraint
      // report does (its detail: "Failing row contains (...)"), with the secret's digest in it.
      if (provider === 'sqlite') {
        await db.$executeRawUnsafe(`CREATE TRIGGER refuse_sessions BEFORE INSERT ON sessions BEGIN SELECT RAISE(ABORT, 'refused: ' || NEW.secret_hash || ' ' || NEW.user_agent); END`);
      } else {
        await db.$executeRawUnsafe('ALTER TABLE sessions ADD CONSTRAINT refuse_sessions CHECK (false) NOT VALID');
      }
      const marker = 'browser-marker-7f3a9c';
      const res = await logged.client({ 'user-agent': marker }).post('/api/auth/login', { user: user.email, password: user.password });
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ errors: ['internal server error'] });

      const failed = lines.map((line) => JSON.parse(line)).find((record) => record.msg === 'request failed');
      expect(failed.err).toMatchObject({ model: 'Session', operation: 'session.create' });
      expect(failed.err.errorCode).toMatch(/^P\d{4}$/);
      const all = lines.join('\n');
      for (const secret of [marker, user.password, user.email]) expect(all).not.toContain(secret);
      expect(all).not.toMatch(/[0-9a-f]{64}/);
    } finally {
      await logged.close();
    }
  });
});

describe('SIGTERM', () => {
  it('finishes requests in flight, writes pending last-used times, and exits 0', async () => {
    const { databaseUrl, dataDir, user, created } = await preparedDatabase(['account.infos']);

    const { child, exited, url } = await startChildServer(databaseUrl, dataDir);

    const client = new HttpClient(url);
    const before = Date.now();
    expect((await client.withKey(created.body.key).get('/api/client/account')).status).toBe(200);
    // A sign-in runs argon2 for a while: stop the server while it is under way.
    const inFlight = client.post('/api/auth/login', { user: user.username, password: user.password });
    await new Promise((resolve) => setTimeout(resolve, 15));
    child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await exited).toBe(0);

    const after = await startTestServer({}, { reuse: { databaseUrl, dataDir } });
    try {
      const key = await after.services.db.apiKey.findUniqueOrThrow({ where: { id: created.body.api_key.uuid } });
      expect(key.lastUsed!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    } finally {
      await after.close();
    }
  });

  it('under load, loses no write it acknowledged', async () => {
    const { databaseUrl, dataDir, user, created } = await preparedDatabase(['api-keys.create']);

    const { child, exited, url } = await startChildServer(databaseUrl, dataDir, { API_KEY_LIMIT: '100000' });
    const writer = new HttpClient(url).withKey(created.body.key);
    const acknowledged: string[] = [];
    let n = 0;
    let stopped = false;
    // Six writers creating keys for a bounded time; the server is told to stop in the middle.
    const writers = Array.from({ length: 6 }, async () => {
      const deadline = Date.now() + 3000;
      while (!stopped && Date.now() < deadline) {
        const name = `load-${++n}`;
        try {
          const res = await writer.post('/api/client/account/api-keys', { name, allowed_ips: [], user_permissions: [], admin_permissions: [], server_permissions: [] });
          if (res.status === 200) acknowledged.push(name);
        } catch {
          stopped = true; // connection refused: the server has gone
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    child.kill('SIGTERM');
    await Promise.all(writers);
    expect(await exited).toBe(0);
    expect(acknowledged.length).toBeGreaterThan(0);

    const after = await startTestServer({}, { reuse: { databaseUrl, dataDir } });
    try {
      const stored = await after.services.db.apiKey.findMany({ where: { userId: user.id }, select: { name: true } });
      const names = new Set(stored.map((key) => key.name));
      expect(acknowledged.filter((name) => !names.has(name))).toEqual([]);
    } finally {
      await after.close();
    }
  });
});
