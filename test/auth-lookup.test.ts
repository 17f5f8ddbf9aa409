// The driver-level authentication joins must read exactly what Prisma's include would.
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateApiKey } from '../src/rules/api-keys.ts';
import { startTestServer, type TestServer } from './support/harness.ts';

// A zone far from UTC: a reader that took PostgreSQL's timestamps for local time would be
// hours off from what Prisma reads.
process.env.TZ = 'Pacific/Auckland';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

it('reads a key, its owner and the role as Prisma does', async () => {
  const db = server.services.db;
  const role = await db.role.create({ data: { id: crypto.randomUUID(), name: 'moderators', adminPermissions: ['users.read'], requireTwoFactor: true } });
  const { id } = await server.createUser();
  await db.user.update({ where: { id }, data: { roleId: role.id, totpLastUsed: new Date(), totpLastStep: 123 } });
  const key = generateApiKey();
  await db.apiKey.create({
    data: { id: crypto.randomUUID(), userId: id, name: 'joined', keyStart: key.keyStart, keyHash: key.keyHash, allowedIps: ['10.0.0.0/8'], userPermissions: ['account.infos'], adminPermissions: ['users.read'], serverPermissions: [], expires: new Date(Date.now() + 60_000) },
  });
  const expected = await db.apiKey.findUnique({ where: { keyHash: key.keyHash }, include: { user: { include: { role: true } } } });
  const actual = await server.services.lookup.apiKey(key.keyHash);
  expect(isDeepStrictEqual(actual, expected), JSON.stringify({ actual, expected })).toBe(true);
  expect(await server.services.lookup.apiKey('nothing')).toBeUndefined();
});

it('reads a session and its owner without a role as Prisma does', async () => {
  const db = server.services.db;
  const { id } = await server.createUser();
  // Whole and half seconds: PostgreSQL's JSON drops a timestamp's trailing zeros.
  const session = await db.session.create({
    data: { id: crypto.randomUUID(), userId: id, secretHash: 'digest', ip: '203.0.113.9', userAgent: 'Agent', lastUsed: new Date('2026-01-02T03:04:05.000Z'), created: new Date('2026-01-02T03:04:05.500Z') },
  });
  const expected = await db.session.findUnique({ where: { id: session.id }, include: { user: { include: { role: true } } } });
  const actual = await server.services.lookup.session(session.id);
  expect(isDeepStrictEqual(actual, expected), JSON.stringify({ actual, expected })).toBe(true);
  expect(await server.services.lookup.session(crypto.randomUUID())).toBeUndefined();
});
