// SSH keys (SPEC §11): accepted types, fingerprints as ssh-keygen prints them, the rules and
// messages of every route, the per-account limit under racing creates, and the activity entries.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/harness.ts';

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'panel-ssh-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

let generated = 0;
/** A fresh key pair made by ssh-keygen; answers the public key line. */
function keygen(...args: string[]): string {
  const file = join(dir, `key${++generated}`);
  execFileSync('ssh-keygen', ['-q', '-N', '', '-C', `someone@host ${generated}`, '-f', file, ...args]);
  return readFileSync(`${file}.pub`, 'utf8');
}

/** What `ssh-keygen -lf` prints as the fingerprint of a public key line. */
function keygenFingerprint(line: string): string {
  const file = join(dir, `check${++generated}.pub`);
  writeFileSync(file, line);
  return execFileSync('ssh-keygen', ['-lf', file], { encoding: 'utf8' }).split(' ')[1]!;
}

// Security-key (FIDO) public keys cannot be made without the hardware; these lines are in
// the format such keys have (PROTOCOL.u2f), with the application "ssh:".
const SK_ED25519 = 'sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAAAIC4GGtq9OI+VCiDgWmCWrZvIuW0YZTZuidj61QffmScBAAAABHNzaDo= yubikey';
const SK_ECDSA =
  'sk-ecdsa-sha2-nistp256@openssh.com AAAAInNrLWVjZHNhLXNoYTItbmlzdHAyNTZAb3BlbnNzaC5jb20AAAAIbmlzdHAyNTYAAABBBO1sEfIRfyUpsKKlrC8OQLqJhlGAfsQbN+lFNzo3QMspVyPmB/ooNecVgVZPowpF8VFqJBAWyuRDzvj3pc91XekAAAAEc3NoOg== yubikey';

const withoutComment = (line: string) => line.trim().split(/\s+/).slice(0, 2).join(' ');

describe('POST /api/client/account/ssh-keys', () => {
  it.each([
    ['ed25519', ['-t', 'ed25519']],
    ['ecdsa 256', ['-t', 'ecdsa', '-b', '256']],
    ['ecdsa 384', ['-t', 'ecdsa', '-b', '384']],
    ['ecdsa 521', ['-t', 'ecdsa', '-b', '521']],
    ['rsa 2048', ['-t', 'rsa', '-b', '2048']],
    ['rsa 4096', ['-t', 'rsa', '-b', '4096']],
  ])('accepts %s with the fingerprint ssh-keygen prints, and keeps the key without its comment', async (_, args) => {
    const line = keygen(...args);
    const { http } = await server.signedIn();
    const res = await http.post('/api/client/account/ssh-keys', { name: 'laptop', public_key: `  \n${line}\n ` });
    expect(res.status).toBe(200);
    expect(res.body.ssh_key).toEqual({ uuid: expect.any(String), name: 'laptop', fingerprint: keygenFingerprint(line), public_key: withoutComment(line), created: expect.any(String) });
  });

  it.each([
    ['sk-ssh-ed25519', SK_ED25519],
    ['sk-ecdsa-sha2-nistp256', SK_ECDSA],
  ])('accepts a %s security key with the fingerprint ssh-keygen prints', async (_, line) => {
    const { http } = await server.signedIn();
    const res = await http.post('/api/client/account/ssh-keys', { name: 'token', public_key: line });
    expect(res.status).toBe(200);
    expect(res.body.ssh_key.fingerprint).toBe(keygenFingerprint(line));
    expect(res.body.ssh_key.public_key).toBe(withoutComment(line));
  });

  it('accepts a key line without a comment', async () => {
    const line = withoutComment(keygen('-t', 'ed25519'));
    const { http } = await server.signedIn();
    expect((await http.post('/api/client/account/ssh-keys', { name: 'bare', public_key: line })).body.ssh_key.public_key).toBe(line);
  });

  it('refuses rsa under 2048 bits and dsa', async () => {
    const { http } = await server.signedIn();
    const small = await http.post('/api/client/account/ssh-keys', { name: 'old', public_key: keygen('-t', 'rsa', '-b', '1024') });
    expect(small.status).toBe(400);
    expect(small.body).toEqual({ errors: ['public_key: rsa keys must be at least 2048 bits'] });
    const dss = keygen('-t', 'dsa');
    const refused = await http.post('/api/client/account/ssh-keys', { name: 'dsa', public_key: dss });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ errors: ['public_key: unsupported key type'] });
  });

  it.each([
    ['not a key at all', 'public_key: invalid public key'],
    ['ssh-ed25519', 'public_key: invalid public key'],
    ['ssh-ed25519 AAAA', 'public_key: invalid public key'],
    ['ssh-ed25519 !!!notbase64', 'public_key: invalid public key'],
    // The blob names another type than the line.
    ['ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIC4GGtq9OI+VCiDgWmCWrZvIuW0YZTZuidj61QffmScB', 'public_key: invalid public key'],
    // An ed25519 key of 31 bytes, and one with bytes after it.
    ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAHy4GGtq9OI+VCiDgWmCWrZvIuW0YZTZuidj61QffmSc=', 'public_key: invalid public key'],
    ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC4GGtq9OI+VCiDgWmCWrZvIuW0YZTZuidj61QffmScBAAAAAUE=', 'public_key: invalid public key'],
    // A P-256 point that is not on the curve (the last byte changed), plain and as a security key.
    ['ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBO1sEfIRfyUpsKKlrC8OQLqJhlGAfsQbN+lFNzo3QMspVyPmB/ooNecVgVZPowpF8VFqJBAWyuRDzvj3pc91Xeg=', 'public_key: invalid public key'],
    ['sk-ecdsa-sha2-nistp256@openssh.com AAAAInNrLWVjZHNhLXNoYTItbmlzdHAyNTZAb3BlbnNzaC5jb20AAAAIbmlzdHAyNTYAAABBBO1sEfIRfyUpsKKlrC8OQLqJhlGAfsQbN+lFNzo3QMspVyPmB/ooNecVgVZPowpF8VFqJBAWyuRDzvj3pc91XegAAAAEc3NoOg==', 'public_key: invalid public key'],
    // A security key without its application string.
    ['sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAAAIC4GGtq9OI+VCiDgWmCWrZvIuW0YZTZuidj61QffmScB', 'public_key: invalid public key'],
    ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC4GGtq9OI+VCiDgWmCWrZvIuW0YZTZuidj61QffmScB\nssh-ed25519 AAAA', 'public_key: invalid public key'],
    ['ssh-foo AAAAB3NzaC1mb28AAAABQQ==', 'public_key: unsupported key type'],
    ['ssh-foo AAAAC3NzaC1lZDI1NTE5AAAAIC4GGtq9OI+VCiDgWmCWrZvIuW0YZTZuidj61QffmScB', 'public_key: invalid public key'],
    ['x'.repeat(8193), 'public_key: must be at most 8192 characters'],
  ])('refuses %j', async (publicKey, message) => {
    const { http } = await server.signedIn();
    const res = await http.post('/api/client/account/ssh-keys', { name: 'bad', public_key: publicKey });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errors: [message] });
  });

  it.each([
    [{ name: 'ab' }, 'name: must be 3-31 characters'],
    [{ name: 'x'.repeat(32) }, 'name: must be 3-31 characters'],
    [{ name: 5 }, 'name: must be a string'],
    [{ extra: true }, 'extra: unknown field'],
  ])('refuses %j', async (overrides, message) => {
    const { http } = await server.signedIn();
    const res = await http.post('/api/client/account/ssh-keys', { name: 'fine name', public_key: SK_ED25519, ...overrides });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContain(message);
  });

  it('answers 409 for a name or a key the account already has, but not for another account', async () => {
    const { http } = await server.signedIn();
    const line = keygen('-t', 'ed25519');
    expect((await http.post('/api/client/account/ssh-keys', { name: 'first', public_key: line })).status).toBe(200);
    for (const body of [{ name: 'first', public_key: SK_ED25519 }, { name: 'second', public_key: withoutComment(line) + ' another comment' }]) {
      const res = await http.post('/api/client/account/ssh-keys', body);
      expect(res.status).toBe(409);
      expect(res.body).toEqual({ errors: ['ssh key with name or fingerprint already exists'] });
    }
    const { http: other } = await server.signedIn();
    expect((await other.post('/api/client/account/ssh-keys', { name: 'first', public_key: line })).status).toBe(200);
  });

  it('keeps the per-account limit, exactly, when creates race', async () => {
    const limited = await startTestServer({ SSH_KEY_LIMIT: '3' });
    try {
      const { http } = await limited.signedIn();
      const lines = Array.from({ length: 8 }, () => keygen('-t', 'ed25519'));
      for (let i = 0; i < 2; i++) expect((await http.post('/api/client/account/ssh-keys', { name: `key-${i}`, public_key: lines[i] })).status).toBe(200);
      const race = await Promise.all(lines.slice(2).map((line, i) => http.post('/api/client/account/ssh-keys', { name: `race-${i}`, public_key: line })));
      expect(race.filter((r) => r.status === 200)).toHaveLength(1);
      for (const lost of race.filter((r) => r.status !== 200)) {
        expect(lost.status).toBe(409);
        expect(lost.body).toEqual({ errors: ['maximum number of ssh keys reached'] });
      }
      expect((await http.get('/api/client/account/ssh-keys')).body.ssh_keys.total).toBe(3);
    } finally {
      await limited.close();
    }
  });

  it('needs ssh-keys.create when a key makes the call', async () => {
    const { http } = await server.signedIn();
    const made = await http.post('/api/client/account/api-keys', { name: 'reader', allowed_ips: [], user_permissions: ['ssh-keys.read'], admin_permissions: [], server_permissions: [] });
    const res = await http.withKey(made.body.key).post('/api/client/account/ssh-keys', { name: 'laptop', public_key: SK_ED25519 });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ errors: ['you do not have permission to perform this action: ssh-keys.create'] });
    expect((await http.withKey(made.body.key).get('/api/client/account/ssh-keys')).status).toBe(200);
  });
});

describe('GET /api/client/account/ssh-keys', () => {
  it('pages oldest first and searches by name or fingerprint', async () => {
    const { http } = await server.signedIn();
    const made = [];
    for (const name of ['alpha-one', 'beta-two', 'alpha-three', 'gamma-four']) {
      const res = await http.post('/api/client/account/ssh-keys', { name, public_key: keygen('-t', 'ed25519') });
      made.push(res.body.ssh_key);
    }
    const first = await http.get('/api/client/account/ssh-keys?per_page=3');
    expect(first.body.ssh_keys).toMatchObject({ total: 4, per_page: 3, page: 1 });
    expect(first.body.ssh_keys.data.map((k: { name: string }) => k.name)).toEqual(['alpha-one', 'beta-two', 'alpha-three']);
    const second = await http.get('/api/client/account/ssh-keys?per_page=3&page=2');
    expect(second.body.ssh_keys.data.map((k: { name: string }) => k.name)).toEqual(['gamma-four']);
    const byName = await http.get('/api/client/account/ssh-keys?search=alpha');
    expect(byName.body.ssh_keys.data.map((k: { name: string }) => k.name)).toEqual(['alpha-one', 'alpha-three']);
    const byFingerprint = await http.get(`/api/client/account/ssh-keys?search=${encodeURIComponent(made[3].fingerprint)}`);
    expect(byFingerprint.body.ssh_keys.data).toEqual([made[3]]);
    const { http: other } = await server.signedIn();
    expect((await other.get('/api/client/account/ssh-keys')).body.ssh_keys).toEqual({ total: 0, per_page: 10, page: 1, data: [] });
  });
});

describe('PATCH and DELETE /api/client/account/ssh-keys/{ssh_key}', () => {
  it('renames, refuses a taken name, and deletes', async () => {
    const { http } = await server.signedIn();
    const key = (await http.post('/api/client/account/ssh-keys', { name: 'laptop', public_key: SK_ED25519 })).body.ssh_key;
    await http.post('/api/client/account/ssh-keys', { name: 'desktop', public_key: SK_ECDSA });
    const renamed = await http.patch(`/api/client/account/ssh-keys/${key.uuid}`, { name: ' work laptop ' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.ssh_key).toEqual({ ...key, name: 'work laptop' });
    const taken = await http.patch(`/api/client/account/ssh-keys/${key.uuid}`, { name: 'desktop' });
    expect(taken.status).toBe(409);
    expect(taken.body).toEqual({ errors: ['ssh key with name or fingerprint already exists'] });
    expect((await http.patch(`/api/client/account/ssh-keys/${key.uuid}`, { name: 'x' })).body).toEqual({ errors: ['name: must be 3-31 characters'] });
    const removed = await http.delete(`/api/client/account/ssh-keys/${key.uuid}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({});
    expect((await http.get('/api/client/account/ssh-keys')).body.ssh_keys.data.map((k: { name: string }) => k.name)).toEqual(['desktop']);
  });

  it("answers 404 for another account's key, an unknown one and a malformed id", async () => {
    const { http: owner } = await server.signedIn();
    const key = (await owner.post('/api/client/account/ssh-keys', { name: 'laptop', public_key: SK_ED25519 })).body.ssh_key;
    const { http: stranger } = await server.signedIn();
    for (const id of [key.uuid, '00000000-0000-0000-0000-000000000000', 'not-a-uuid']) {
      for (const res of [await stranger.patch(`/api/client/account/ssh-keys/${id}`, { name: 'mine now' }), await stranger.delete(`/api/client/account/ssh-keys/${id}`)]) {
        expect(res.status).toBe(404);
        expect(res.body).toEqual({ errors: ['ssh key not found'] });
      }
    }
    expect((await owner.get('/api/client/account/ssh-keys')).body.ssh_keys.data).toEqual([key]);
  });

  it('writes one activity entry per change, naming the key', async () => {
    const { user, http } = await server.signedIn();
    const key = (await http.post('/api/client/account/ssh-keys', { name: 'laptop', public_key: SK_ED25519 })).body.ssh_key;
    await http.patch(`/api/client/account/ssh-keys/${key.uuid}`, { name: 'renamed' });
    await http.post('/api/client/account/ssh-keys', { name: 'renamed', public_key: SK_ECDSA }); // refused: no entry
    await http.delete(`/api/client/account/ssh-keys/${key.uuid}`);
    const rows = await server.services.db.activity.findMany({ where: { userId: user.id, event: { startsWith: 'ssh-key:' } }, orderBy: { event: 'asc' } });
    expect(rows.map((row) => [row.event, row.data])).toEqual([
      ['ssh-key:create', { uuid: key.uuid, fingerprint: key.fingerprint, name: 'laptop' }],
      ['ssh-key:delete', { uuid: key.uuid, fingerprint: key.fingerprint, name: 'renamed' }],
      ['ssh-key:update', { uuid: key.uuid, fingerprint: key.fingerprint, name: 'renamed' }],
    ]);
  });
});
