// The activity log (SPEC §10): each event with its data, written in the transaction of the
// change it describes; the newest-first page and its search; retention; several instances.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityPage, forgetOldActivities, recordActivity, type Actor } from '../src/db/activity-log.ts';
import { changeProfile } from '../src/db/profile.ts';
import { cleanUp } from '../src/server/start.ts';
import { DATABASE, startTestServer, type TestServer } from './support/harness.ts';
import type { HttpClient } from './support/http.ts';
import { totpCode } from './support/totp.ts';

const ACTIVITY = '/api/client/account/activity';
const DAY = 24 * 3600 * 1000;

let server: TestServer;
/** Every secret a test here sends or receives: none may ever be found in an activity row. */
const secrets = new Set<string>();
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const keep = <T extends string>(secret: T) => (secrets.add(secret), secret);

async function signedIn() {
  const signed = await server.signedIn();
  keep(signed.user.password);
  keep(signed.http.cookie!.split('=')[1]!);
  return signed;
}

/** The account's entries as the API lists them, newest first (at most 100). */
async function events(http: HttpClient) {
  const res = await http.get(`${ACTIVITY}?per_page=100`);
  expect(res.status).toBe(200);
  return res.body.activities.data as { uuid: string; event: string; ip: string; user_agent: string; is_api: boolean; api_key: unknown; data: unknown; created: string }[];
}

const rowCount = (userId: string) => server.services.db.activity.count({ where: { userId } });

async function createKey(http: HttpClient, name: string, permissions = ['account.infos', 'activity.read', 'api-keys.delete']) {
  const res = await http.post('/api/client/account/api-keys', { name, allowed_ips: [], user_permissions: permissions, admin_permissions: [], server_permissions: [] });
  expect(res.status).toBe(200);
  return { uuid: res.body.api_key.uuid as string, keyStart: res.body.api_key.key_start as string, key: keep(res.body.key as string) };
}

describe('events and their data', () => {
  it('sign-in: success with its method, failure for a wrong password, nothing for an unknown account', async () => {
    const { user, http } = await signedIn();
    expect(await events(http)).toMatchObject([{ event: 'auth:success', data: { method: 'password' }, is_api: false, api_key: null, ip: '127.0.0.1' }]);
    const wrong = await server.client({ 'user-agent': 'guesser/1.0' }).post('/api/auth/login', { user: user.username, password: keep('not the password') });
    expect(wrong.status).toBe(400);
    const [failure] = await events(http);
    expect(failure).toMatchObject({ event: 'auth:failure', data: { method: 'password', reason: 'password' }, user_agent: 'guesser/1.0' });
    const before = await server.services.db.activity.count();
    expect((await server.client().post('/api/auth/login', { user: 'nobody-at-all', password: 'whatever password' })).status).toBe(400);
    expect(await server.services.db.activity.count()).toBe(before);
  });

  it('account:update holds only the fields that changed, in the API names; a PATCH that changes nothing writes nothing', async () => {
    const { user, http } = await signedIn();
    const res = await http.patch('/api/client/account', { username: user.username, name_first: 'Ada', toast_position: 'top_left', start_on_grouped_servers: false });
    expect(res.status).toBe(200);
    const [entry] = await events(http);
    expect(entry).toMatchObject({ event: 'account:update', data: { changed: { name_first: 'Ada', toast_position: 'top_left', start_on_grouped_servers: false } } });
    expect(Object.keys((entry!.data as { changed: object }).changed).sort()).toEqual(['name_first', 'start_on_grouped_servers', 'toast_position']);
    const count = await rowCount(user.id);
    expect((await http.patch('/api/client/account', { name_first: 'Ada' })).status).toBe(200);
    expect(await rowCount(user.id)).toBe(count);
  });

  it('password change, api keys, sessions', async () => {
    const { user, http } = await signedIn();
    const password = keep('a brand new password');
    expect((await http.post('/api/client/account/password', { current_password: user.password, password, password_confirmation: password })).status).toBe(200);
    const key = await createKey(http, 'deploy');
    expect((await http.delete(`/api/client/account/api-keys/${key.uuid}`)).status).toBe(200);
    const other = server.client();
    await other.post('/api/auth/login', { user: user.username, password });
    keep(other.cookie!.split('=')[1]!);
    const [session] = (await http.get('/api/client/account/sessions')).body.sessions.data.filter((s: { is_using: boolean }) => !s.is_using);
    expect((await http.delete(`/api/client/account/sessions/${session.uuid}`)).status).toBe(200);
    await server.client().post('/api/auth/login', { user: user.username, password });
    await server.client().post('/api/auth/login', { user: user.username, password });
    expect((await http.delete('/api/client/account/sessions')).body).toEqual({ deleted: 2 });
    // With nothing left to end, nothing is written.
    expect((await http.delete('/api/client/account/sessions')).body).toEqual({ deleted: 0 });

    const list = (await events(http)).reverse().map(({ event, data }) => ({ event, data }));
    expect(list).toEqual([
      { event: 'auth:success', data: { method: 'password' } },
      { event: 'account:password-changed', data: {} },
      { event: 'api-key:create', data: { uuid: key.uuid, identifier: key.keyStart, name: 'deploy' } },
      { event: 'api-key:delete', data: { uuid: key.uuid, identifier: key.keyStart, name: 'deploy' } },
      { event: 'auth:success', data: { method: 'password' } },
      { event: 'session:delete', data: { uuid: session.uuid } },
      { event: 'auth:success', data: { method: 'password' } },
      { event: 'auth:success', data: { method: 'password' } },
      { event: 'session:delete-all', data: { deleted: 2 } },
    ]);
  });

  it('two-factor: enable, checkpoint failures and successes by method, disable', async () => {
    const { user, http } = await signedIn();
    const secret = keep((await http.get('/api/client/account/two-factor')).body.secret as string);
    const enableCode = keep(await totpCode(secret));
    const enabled = await http.post('/api/client/account/two-factor', { code: enableCode, password: user.password });
    expect(enabled.status).toBe(200);
    const recoveryCodes = (enabled.body.recovery_codes as string[]).map(keep);

    const token = async () => keep((await server.client().post('/api/auth/login', { user: user.username, password: user.password })).body.token as string);
    const wrongCode = keep(String((Number(enableCode) + 1) % 1_000_000).padStart(6, '0'));
    expect((await server.client().post('/api/auth/login/checkpoint', { confirmation_token: await token(), code: wrongCode })).status).toBe(400);
    expect((await server.client().post('/api/auth/login/checkpoint', { confirmation_token: await token(), code: keep('zzzzzzzzzz') })).status).toBe(400);
    const nextCode = keep(await totpCode(secret, Date.now(), 1));
    const viaTotp = server.client();
    expect((await viaTotp.post('/api/auth/login/checkpoint', { confirmation_token: await token(), code: nextCode })).status).toBe(200);
    keep(viaTotp.cookie!.split('=')[1]!);
    expect((await server.client().post('/api/auth/login/checkpoint', { confirmation_token: await token(), code: recoveryCodes[0] })).status).toBe(200);
    expect((await http.delete('/api/client/account/two-factor', { code: recoveryCodes[1], password: user.password })).status).toBe(200);

    const list = (await events(http)).reverse().map(({ event, data }) => ({ event, data }));
    expect(list).toEqual([
      { event: 'auth:success', data: { method: 'password' } },
      { event: 'account:two-factor.enable', data: {} },
      { event: 'auth:failure', data: { method: 'two_factor', reason: 'code' } },
      { event: 'auth:failure', data: { method: 'recovery_code', reason: 'code' } },
      { event: 'auth:success', data: { method: 'two_factor' } },
      { event: 'auth:success', data: { method: 'recovery_code' } },
      { event: 'account:two-factor.disable', data: {} },
    ]);
  });
});

describe('attribution to an API key', () => {
  it('names the key that made a change, also after the key is deleted', async () => {
    const { http } = await signedIn();
    const key = await createKey(http, 'robot');
    const robot = http.withKey(key.key);
    expect((await robot.patch('/api/client/account', { name_last: 'Lovelace' })).status).toBe(200);
    expect((await robot.delete(`/api/client/account/api-keys/${key.uuid}`)).status).toBe(200);
    const [deleted, updated, created] = await events(http);
    const byKey = { is_api: true, api_key: { uuid: key.uuid, name: 'robot', key_start: key.keyStart } };
    expect(updated).toMatchObject({ event: 'account:update', ...byKey });
    expect(deleted).toMatchObject({ event: 'api-key:delete', ...byKey });
    expect(created).toMatchObject({ event: 'api-key:create', is_api: false, api_key: null });
  });

  it('reading needs activity.read, and reading writes nothing', async () => {
    const { user, http } = await signedIn();
    const key = await createKey(http, 'reader', ['account.infos']);
    expect((await http.withKey(key.key).get(ACTIVITY)).body).toEqual({ errors: ['you do not have permission to perform this action: activity.read'] });
    const count = await rowCount(user.id);
    await http.get(ACTIVITY);
    await http.get('/api/client/account');
    await http.get('/api/client/account/api-keys');
    expect(await rowCount(user.id)).toBe(count);
  });
});

describe('nothing half-written', () => {
  it('refused requests write nothing', async () => {
    const { user, http } = await signedIn();
    const taken = await server.createUser();
    const count = await rowCount(user.id);
    const refused = [
      await http.patch('/api/client/account', { name_first: 'x' }),
      await http.patch('/api/client/account', { username: taken.username }),
      await http.post('/api/client/account/password', { current_password: keep('wrong password!'), password: 'another password', password_confirmation: 'another password' }),
      await http.delete('/api/client/account/api-keys/00000000-0000-4000-8000-000000000000'),
      await http.delete('/api/client/account/sessions/00000000-0000-4000-8000-000000000000'),
      await http.post('/api/client/account/two-factor', { code: '123456', password: user.password }),
      await http.delete('/api/client/account/two-factor', { code: '123456', password: user.password }),
      await http.post('/api/client/account/api-keys', { name: 'bad', allowed_ips: [], user_permissions: ['no.such'], admin_permissions: [], server_permissions: [] }),
    ];
    for (const res of refused) expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await rowCount(user.id)).toBe(count);
  });

  it('a change and its entry commit or roll back together', async () => {
    const { user, http } = await signedIn();
    const db = server.services.db;
    // The entry is written; then its account's counter refuses, and the transaction must undo both.
    const guard = DATABASE === 'sqlite'
      ? [
          `CREATE TRIGGER refuse_count BEFORE UPDATE ON activity_counts WHEN NEW.user_id = '${user.id}' BEGIN SELECT RAISE(ABORT, 'refused by test'); END`,
        ]
      : [
          `CREATE FUNCTION refuse_count() RETURNS trigger AS $$ BEGIN IF NEW.user_id = '${user.id}' THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
          'CREATE TRIGGER refuse_count BEFORE UPDATE ON activity_counts FOR EACH ROW EXECUTE FUNCTION refuse_count()',
        ];
    for (const statement of guard) await db.$executeRawUnsafe(statement);
    try {
      const count = await rowCount(user.id);
      const res = await http.patch('/api/client/account', { name_first: 'Rolled' });
      expect(res.status).toBe(500);
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).nameFirst).not.toBe('Rolled');
      expect((await http.post('/api/client/account/api-keys', { name: 'rolled', allowed_ips: [], user_permissions: [], admin_permissions: [], server_permissions: [] })).status).toBe(500);
      expect(await db.apiKey.count({ where: { userId: user.id } })).toBe(0);
      // A failed sign-in's entry and its count are one transaction too.
      expect((await server.client().post('/api/auth/login', { user: user.username, password: 'wrong password' })).status).toBe(500);
      expect(await rowCount(user.id)).toBe(count);
    } finally {
      await db.$executeRawUnsafe(DATABASE === 'sqlite' ? 'DROP TRIGGER refuse_count' : 'DROP TRIGGER refuse_count ON activity_counts');
      if (DATABASE === 'postgresql') await db.$executeRawUnsafe('DROP FUNCTION refuse_count');
    }
    expect((await http.patch('/api/client/account', { name_first: 'Rolled' })).status).toBe(200);
  });

  it('account:update names what a change replaced when another request changed the account since it was read', async () => {
    const { user } = await signedIn();
    const db = server.services.db;
    const actor: Actor = { userId: user.id, ip: '127.0.0.1', userAgent: 'test', apiKey: null };
    const entries = async () => (await db.activity.findMany({ where: { userId: user.id, event: 'account:update' }, orderBy: { created: 'asc' } })).map((row) => row.data);
    const found = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    // Another request replaces both names after this one read the account.
    await db.user.update({ where: { id: user.id }, data: { nameFirst: 'Other', nameLast: 'Other' } });
    // Sending the values it read puts them back: a change, though it differs from nothing it read.
    await changeProfile(db, DATABASE, actor, found, { name_first: found.nameFirst });
    // One new value and one it read: both replace what the row holds.
    await changeProfile(db, DATABASE, actor, found, { name_first: 'Mine', name_last: found.nameLast });
    // Values the row holds replace nothing.
    await changeProfile(db, DATABASE, actor, { ...found, nameFirst: 'Stale' }, { name_first: 'Mine' });
    expect(await entries()).toEqual([{ changed: { name_first: found.nameFirst } }, { changed: { name_first: 'Mine', name_last: found.nameLast } }]);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ nameFirst: 'Mine', nameLast: found.nameLast });
  });

  it('account:update is written once when many requests make the same change at once, each having read the old value', async () => {
    const { user } = await signedIn();
    const db = server.services.db;
    const actor: Actor = { userId: user.id, ip: '127.0.0.1', userAgent: 'test', apiKey: null };
    const found = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    // Each replaces the name it read, unless another has already: only the first to write does.
    const rows = await Promise.all(Array.from({ length: 16 }, () => changeProfile(db, DATABASE, actor, found, { name_first: 'Same', name_last: found.nameLast })));
    for (const row of rows) expect(row).toMatchObject({ nameFirst: 'Same', nameLast: found.nameLast });
    const entries = await db.activity.findMany({ where: { userId: user.id, event: 'account:update' } });
    expect(entries.map((entry) => entry.data)).toEqual([{ changed: { name_first: 'Same' } }]);
    expect(await db.activityCount.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ count: await rowCount(user.id) });
  });

  it('account:update names its own value for each of many different changes made at once from one read', async () => {
    const { user } = await signedIn();
    const db = server.services.db;
    const actor: Actor = { userId: user.id, ip: '127.0.0.1', userAgent: 'test', apiKey: null };
    const found = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    // Each replaces whatever name another has just written, and leaves the last name as it is.
    const names = Array.from({ length: 16 }, (_, i) => `Name ${i}`);
    await Promise.all(names.map((name) => changeProfile(db, DATABASE, actor, found, { name_first: name, name_last: found.nameLast })));
    const entries = await db.activity.findMany({ where: { userId: user.id, event: 'account:update' } });
    expect(entries.map((entry) => entry.data)).toEqual(expect.arrayContaining(names.map((name) => ({ changed: { name_first: name } }))));
    expect(entries).toHaveLength(names.length);
    expect(names).toContain((await db.user.findUniqueOrThrow({ where: { id: user.id } })).nameFirst);
    expect(await db.activityCount.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ count: await rowCount(user.id) });
  });

  it('answers the account as the database has it after the change, with an entry stored as Prisma stores one', async () => {
    const { user } = await signedIn();
    const db = server.services.db;
    const actor: Actor = { userId: user.id, ip: '203.0.113.9', userAgent: 'test', apiKey: { id: randomUUID(), name: 'deploy', keyStart: 'abcdef0123456789' } };
    const found = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    // Another request changed a field this change leaves alone.
    await db.user.update({ where: { id: user.id }, data: { nameLast: 'Other' } });
    const before = new Date();
    const changed = await changeProfile(db, DATABASE, actor, found, { name_first: 'Mine', start_on_grouped_servers: !found.startOnGroupedServers });
    expect(changed).toEqual(await db.user.findUniqueOrThrow({ where: { id: user.id } }));
    expect(changed).toMatchObject({ nameFirst: 'Mine', nameLast: 'Other' });
    const entry = await db.activity.findFirstOrThrow({ where: { userId: user.id, event: 'account:update' } });
    expect(entry).toMatchObject({
      ip: '203.0.113.9',
      userAgent: 'test',
      apiKeyId: actor.apiKey!.id,
      apiKeyName: 'deploy',
      apiKeyStart: 'abcdef0123456789',
      data: { changed: { name_first: 'Mine', start_on_grouped_servers: !found.startOnGroupedServers } },
    });
    expect(entry.created).toBeInstanceOf(Date);
    expect(entry.created.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(entry.created.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await db.activityCount.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ count: await rowCount(user.id) });
    // The boolean's other value reads back alike.
    const back = await changeProfile(db, DATABASE, actor, changed!, { start_on_grouped_servers: found.startOnGroupedServers });
    expect(back).toEqual(await db.user.findUniqueOrThrow({ where: { id: user.id } }));
  });

  it('answers null when the account is gone, whether or not the change replaces anything', async () => {
    const { user } = await signedIn();
    const db = server.services.db;
    const actor: Actor = { userId: user.id, ip: '127.0.0.1', userAgent: 'test', apiKey: null };
    const found = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    await db.user.delete({ where: { id: user.id } });
    expect(await changeProfile(db, DATABASE, actor, found, { name_first: 'Gone' })).toBeNull();
    expect(await changeProfile(db, DATABASE, actor, found, { name_first: found.nameFirst })).toBeNull();
    expect(await rowCount(user.id)).toBe(0);
  });

  it.runIf(DATABASE === 'postgresql')('a change of other fields does not wait for a sign-in holding a key-share lock on the account, first try or again under the lock', async () => {
    const { user } = await signedIn();
    const db = server.services.db;
    const actor: Actor = { userId: user.id, ip: '127.0.0.1', userAgent: 'test', apiKey: null };
    const found = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    // A sign-in's session insert holds this lock (its foreign-key check) until it commits: were
    // the change to wait for it, the transaction would wait for the change and time out.
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "users" WHERE "id" = ${user.id} FOR KEY SHARE`;
      expect(await changeProfile(db, 'postgresql', actor, found, { name_first: 'Free', toast_position: 'top_left' })).toMatchObject({ nameFirst: 'Free' });
      // Nor does one made again under the row's lock, its read of the last name being stale.
      expect(await changeProfile(db, 'postgresql', actor, { ...found, nameLast: 'Stale' }, { name_last: 'Stale' })).toMatchObject({ nameLast: 'Stale' });
    });
    const entries = await db.activity.findMany({ where: { userId: user.id, event: 'account:update' } });
    expect(entries.map((entry) => entry.data)).toEqual(
      expect.arrayContaining([{ changed: { name_first: 'Free', toast_position: 'top_left' } }, { changed: { name_last: 'Stale' } }]),
    );
    expect(entries).toHaveLength(2);
  });

  // Read as it is, the change is written at once; read with the first name already 'Mine', it
  // is made again under the row's lock.
  it.runIf(DATABASE === 'postgresql').each([
    ['first try', {}],
    ['again under the lock', { nameFirst: 'Mine' }],
  ])('a username change waits for a sign-in holding a key-share lock on the account, without a deadlock (%s)', async (_, stale) => {
    const { user } = await signedIn();
    const db = server.services.db;
    const actor: Actor = { userId: user.id, ip: '127.0.0.1', userAgent: 'test', apiKey: null };
    const found = { ...(await db.user.findUniqueOrThrow({ where: { id: user.id } })), ...stale };
    const renamed = `re_${randomBytes(6).toString('hex')}`;
    let change: Promise<unknown> = Promise.resolve();
    // A transaction that writes an entry, whose foreign-key check holds a key-share lock on the
    // account's row, and then writes that row, while the change waits for the row.
    await db.$transaction(async (tx) => {
      await recordActivity(tx, actor, 'auth:success', { method: 'password' });
      change = changeProfile(db, 'postgresql', actor, found, { username: renamed, name_first: 'Mine' });
      let waiting = 0;
      for (let tries = 0; tries < 250 && waiting === 0; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        [{ waiting }] = await db.$queryRaw<[{ waiting: number }]>`
          SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%"users"%'`;
      }
      expect(waiting).toBe(1);
      await tx.user.update({ where: { id: user.id }, data: { nameLast: 'Signed' } });
    });
    await change;
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ username: renamed, nameFirst: 'Mine', nameLast: 'Signed' });
    const entry = await db.activity.findFirstOrThrow({ where: { userId: user.id, event: 'account:update' } });
    expect(entry.data).toEqual({ changed: { username: renamed, name_first: 'Mine' } });
  });
});

/** Writes entries straight through the one writer, as procedures do, `minutes` apart going back from now. */
async function backfill(on: TestServer, userId: string, entries: { event: 'auth:success'; ip: string }[], start = Date.now()) {
  for (const [i, { event, ip }] of entries.entries()) {
    const actor: Actor = { userId, ip, userAgent: 'backfill', apiKey: null };
    await on.services.db.$transaction((tx) => recordActivity(tx, actor, event, { method: 'password' }, new Date(start - (entries.length - i) * 60_000)));
  }
}

describe('the page', () => {
  it('is newest first, pages without overlap, and totals the account', async () => {
    const { user, http } = await signedIn();
    await backfill(server, user.id, Array.from({ length: 24 }, (_, i) => ({ event: 'auth:success' as const, ip: `10.0.${i}.1` })));
    const first = (await http.get(`${ACTIVITY}?per_page=10`)).body.activities;
    expect(first).toMatchObject({ total: 25, per_page: 10, page: 1 });
    expect(first.data[0].ip).toBe('127.0.0.1');
    expect(first.data[1].ip).toBe('10.0.23.1');
    const third = (await http.get(`${ACTIVITY}?per_page=10&page=3`)).body.activities;
    expect(third.data.map((a: { ip: string }) => a.ip)).toEqual(['10.0.4.1', '10.0.3.1', '10.0.2.1', '10.0.1.1', '10.0.0.1']);
    const all = await events(http);
    expect(new Set(all.map((a) => a.uuid)).size).toBe(25);
    expect([...all].sort((a, b) => b.created.localeCompare(a.created))).toEqual(all);
    // tRPC: a query callable with no argument.
    const trpc = await http.get('/trpc/activity.list');
    expect(trpc.status).toBe(200);
    expect(trpc.body.result.data.json.activities.total).toBe(25);
  });

  it('gives each entry a UUIDv7 of its own time, later entries greater ones, so a new key goes to the end of its index', async () => {
    const { http } = await signedIn();
    for (const name of ['Ada', 'Grace', 'Edsger']) expect((await http.patch('/api/client/account', { name_first: name })).status).toBe(200);
    const entries = await events(http);
    const ids = entries.map((a) => a.uuid);
    expect(ids).toHaveLength(4);
    for (const { uuid, created } of entries) {
      expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(parseInt(uuid.replaceAll('-', '').slice(0, 12), 16)).toBe(Date.parse(created));
    }
    expect(new Set(ids).size).toBe(4);
    expect([...ids].sort().reverse()).toEqual(ids);
  });

  it('searches a literal prefix of the event name or the address', async () => {
    const { user, http } = await signedIn();
    await backfill(server, user.id, [
      { event: 'auth:success', ip: '10.1.2.3' },
      { event: 'auth:success', ip: '10.12.0.1' },
      { event: 'auth:success', ip: '2001:db8::1' },
    ]);
    await createKey(http, 'searched');
    const search = async (term: string) => {
      const res = await http.get(`${ACTIVITY}?search=${encodeURIComponent(term)}`);
      expect(res.status).toBe(200);
      return res.body.activities as { total: number; data: { event: string; ip: string }[] };
    };
    expect((await search('10.1.')).data.map((a) => a.ip)).toEqual(['10.1.2.3']);
    expect((await search('10.1')).total).toBe(2);
    expect((await search('2001:DB8')).data.map((a) => a.ip)).toEqual(['2001:db8::1']);
    expect((await search('api-key:')).data.map((a) => a.event)).toEqual(['api-key:create']);
    expect((await search('auth:')).total).toBe(4);
    expect((await search('1.2.3')).total).toBe(0); // a prefix, not a substring
    for (const wildcard of ['%', '_', '10_1', '10.%', '\\', 'auth%']) expect((await search(wildcard)).total, wildcard).toBe(0);
    expect((await http.get(`${ACTIVITY}?search=${'x'.repeat(129)}`)).body).toEqual({ errors: ['search: must be 1-128 characters'] });
  });
});

describe('retention', () => {
  // On a database of its own: a cleanup months ahead ends every session and entry in it.
  let own: TestServer;
  beforeAll(async () => {
    own = await startTestServer();
  });
  afterAll(() => own.close());
  const page = (userId: string) => activityPage(own.services.db, userId, { page: 1, perPage: 100 });

  it('the cleanup job deletes entries past ACTIVITY_RETENTION_DAYS and keeps the totals true', async () => {
    const { user } = await own.signedIn();
    await backfill(own, user.id, [{ event: 'auth:success', ip: '10.9.9.9' }], Date.now() - 100 * DAY);
    expect((await page(user.id)).total).toBe(2);
    await cleanUp(own.services);
    const after = await page(user.id);
    expect(after.total).toBe(1);
    expect(after.rows.map((row) => row.ip)).toEqual(['127.0.0.1']);
    // Ninety-one days on, the sign-in is past retention too.
    await cleanUp(own.services, Date.now() + 91 * DAY);
    expect(await page(user.id)).toEqual({ total: 0, rows: [] });
  });

  it('follows ACTIVITY_RETENTION_DAYS and deletes in batches, also from two instances at once, until nothing old is left', async () => {
    const short = await startTestServer({ ACTIVITY_RETENTION_DAYS: '1' }, { reuse: { databaseUrl: own.databaseUrl, dataDir: own.dataDir } });
    try {
      const { user } = await own.signedIn();
      await backfill(own, user.id, Array.from({ length: 23 }, (_, i) => ({ event: 'auth:success' as const, ip: `10.2.${i}.1` })), Date.now() - DAY);
      // Two instances cleaning up over the same old entries: each takes off the counter only what it
      // deleted. On SQLite they go one after the other, as its single writer makes them (two
      // clients in one process would wait for each other's lock on the one event loop).
      const cutoff = new Date(Date.now() - DAY / 2);
      const cleanups = [own, short].map((instance) => () => forgetOldActivities(instance.services.db, cutoff, 5));
      if (DATABASE === 'postgresql') await Promise.all(cleanups.map((cleanup) => cleanup()));
      else for (const cleanup of cleanups) await cleanup();
      expect((await page(user.id)).total).toBe(1);
      expect((await page(user.id)).rows.map((row) => row.ip)).toEqual(['127.0.0.1']);
      await backfill(own, user.id, [{ event: 'auth:success', ip: '10.3.0.1' }], Date.now() - 2 * DAY);
      await cleanUp(own.services);
      expect((await page(user.id)).total).toBe(2);
      await cleanUp(short.services);
      expect(await page(user.id)).toMatchObject({ total: 1, rows: [{ ip: '127.0.0.1' }] });
    } finally {
      await short.close();
    }
  });
});

it('two instances writing to one account at once lose no entry and no count', async () => {
  const shared = { SESSION_SECRET: 'a shared secret of at least thirty-two characters' };
  const one = await startTestServer(shared);
  const two = await startTestServer(shared, { reuse: { databaseUrl: one.databaseUrl, dataDir: one.dataDir } });
  try {
    const { user, http } = await one.signedIn();
    const onTwo = two.client({ cookie: http.cookie! });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? http : onTwo).patch('/api/client/account', { name_last: `Name ${i}` })),
    );
    for (const res of results) expect(res.status).toBe(200);
    const failures = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? one : two).client().post('/api/auth/login', { user: user.username, password: 'wrong password' })));
    for (const res of failures) expect(res.status).toBe(400);
    const rows = await one.services.db.activity.findMany({ where: { userId: user.id } });
    expect(rows.filter((row) => row.event === 'account:update')).toHaveLength(20);
    expect(rows.filter((row) => row.event === 'auth:failure')).toHaveLength(10);
    expect((await onTwo.get(ACTIVITY)).body.activities.total).toBe(rows.length);
  } finally {
    await one.close();
    await two.close();
  }
});

it('no activity row holds any secret a test here used', async () => {
  expect(secrets.size).toBeGreaterThan(20);
  const rows = await server.services.db.activity.findMany();
  expect(rows.length).toBeGreaterThan(50);
  // Identifiers and times are masked: a six-digit code could turn up inside one by chance.
  const text = JSON.stringify(rows)
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, '<time>')
    .toLowerCase();
  for (const secret of secrets) expect(text.includes(secret.toLowerCase()), `a row holds ${secret}`).toBe(false);
});
