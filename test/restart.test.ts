// Data outlives the process: accounts and sessions survive a restart on the same database,
// and the generated session secret is kept (mode 0600) so cookies stay readable.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startTestServer } from './support/harness.ts';

it('keeps users, sessions and keys across a restart', async () => {
  const first = await startTestServer();
  const { user, http } = await first.signedIn({ username: 'survivor' });
  const created = await http.post('/api/client/account/api-keys', { name: 'durable', allowed_ips: [], user_permissions: ['account.infos'], admin_permissions: [], server_permissions: [] });
  await first.close();

  expect(statSync(join(first.dataDir, 'session-secret')).mode & 0o777).toBe(0o600);

  const second = await startTestServer({}, { reuse: { databaseUrl: first.databaseUrl, dataDir: first.dataDir } });
  try {
    const again = second.client({ cookie: http.cookie! });
    const me = await again.get('/api/client/account');
    expect(me.status).toBe(200);
    expect(me.body.user.uuid).toBe(user.id);
    expect((await second.client().withKey(created.body.key).get('/api/client/account')).status).toBe(200);
    expect((await second.client().post('/api/auth/login', { user: 'survivor', password: user.password })).status).toBe(200);
  } finally {
    await second.close();
  }
});

it('writes pending last-used times at shutdown', async () => {
  const server = await startTestServer();
  const { http } = await server.signedIn();
  const created = await http.post('/api/client/account/api-keys', { name: 'touched', allowed_ips: [], user_permissions: ['account.infos'], admin_permissions: [], server_permissions: [] });
  const before = Date.now();
  await http.withKey(created.body.key).get('/api/client/account');
  await server.close();
  const reopened = await startTestServer({}, { reuse: { databaseUrl: server.databaseUrl, dataDir: server.dataDir } });
  try {
    const key = await reopened.services.db.apiKey.findUniqueOrThrow({ where: { id: created.body.api_key.uuid } });
    expect(key.lastUsed?.getTime()).toBeGreaterThanOrEqual(before - 1000);
  } finally {
    await reopened.close();
  }
});
