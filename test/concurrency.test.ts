// Invariants that must hold when requests race.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateApiKey } from '../src/rules/api-keys.ts';
import { startTestServer, type TestServer } from './support/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

it('of parallel password changes from the same password, exactly one wins', async () => {
  const { user, http } = await server.signedIn();
  const candidates = Array.from({ length: 5 }, (_, i) => `new password number ${i}`);
  const results = await Promise.all(
    candidates.map((password) => http.post('/api/client/account/password', { current_password: user.password, password, password_confirmation: password })),
  );
  const winners = results.flatMap((res, i) => (res.status === 200 ? [candidates[i]!] : []));
  expect(winners).toHaveLength(1);
  for (const res of results.filter((r) => r.status !== 200)) expect(res.body).toEqual({ errors: ['current_password: invalid password'] });
  const logins = await Promise.all([user.password, ...candidates].map((password) => server.client().post('/api/auth/login', { user: user.username, password })));
  expect(logins.map((res) => res.status === 200)).toEqual([false, ...candidates.map((c) => c === winners[0])]);
});

it('a session revoked while in use never answers again once the revocation is acknowledged', async () => {
  const { user, http: owner } = await server.signedIn();
  const victim = server.client();
  await victim.post('/api/auth/login', { user: user.username, password: user.password });
  const sessions = await owner.get('/api/client/account/sessions');
  const target = sessions.body.sessions.data.find((s: { is_using: boolean }) => !s.is_using).uuid;

  let revokedAt = Infinity;
  const seen: { sentAt: number; status: number }[] = [];
  const deadline = Date.now() + 1500;
  const hammer = Array.from({ length: 4 }, async () => {
    while (Date.now() < deadline) {
      const sentAt = performance.now();
      const res = await victim.get('/api/client/account');
      seen.push({ sentAt, status: res.status });
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const revoke = await owner.delete(`/api/client/account/sessions/${target}`);
  revokedAt = performance.now();
  expect(revoke.status).toBe(200);
  await Promise.all(hammer);

  const after = seen.filter((s) => s.sentAt > revokedAt);
  expect(after.length).toBeGreaterThan(0);
  expect(after.every((s) => s.status === 401)).toBe(true);
  expect(seen.some((s) => s.status === 200)).toBe(true);
});

it('reads made at once with different credentials each answer for their own account', async () => {
  // The authentication reads of concurrent requests share one pipelined connection on
  // PostgreSQL: every answer must still go back to the request that asked.
  const callers = await Promise.all(
    Array.from({ length: 6 }, async (_, i) => {
      const { user, http: withCookie } = await server.signedIn();
      const key = generateApiKey();
      await server.services.db.apiKey.create({
        data: { id: crypto.randomUUID(), userId: user.id, name: `reader-${i}`, keyStart: key.keyStart, keyHash: key.keyHash, allowedIps: [], userPermissions: ['account.infos'], adminPermissions: [], serverPermissions: [] },
      });
      return [
        { username: user.username, http: withCookie },
        { username: user.username, http: server.client({ authorization: `Bearer ${key.key}` }) },
      ];
    }),
  );
  const reads = callers.flat().flatMap((caller) => Array.from({ length: 5 }, () => caller));
  const answers = await Promise.all(reads.map(({ http }) => http.get('/api/client/account')));
  expect(answers.map((res) => [res.status, res.body.user?.username])).toEqual(reads.map(({ username }) => [200, username]));
});
