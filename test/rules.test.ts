// The plain rules, alone: IP ranges, permissions, the limit on password hashing, what a key
// inherits from the key that mints it, and text.
import { describe, expect, it } from 'vitest';
import { inheritKeyLimits } from '../src/rules/api-key-inheritance.ts';
import { addressBucket, inAnyRange, parseRange, rangeWithin } from '../src/rules/ip-ranges.ts';
import { CONTROL_CHARACTER, escapeLike, foldCase, likeMatches, LONE_SURROGATE } from '../src/rules/text.ts';
import { concurrencyLimit } from '../src/rules/passwords.ts';
import { accountRights, checkGrant, keyRights } from '../src/rules/permissions.ts';

describe('parseRange', () => {
  it.each([
    ['10.1.2.3/8', '10.0.0.0/8'],
    ['203.0.113.7', '203.0.113.7/32'],
    ['2001:db8::1/32', '2001:db8::/32'],
    ['2001:DB8::1', '2001:db8::1/128'],
    ['::ffff:10.0.0.1', '10.0.0.1/32'],
    ['::ffff:10.0.0.0/104', '10.0.0.0/8'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['::/0', '::/0'],
  ])('%s -> %s', (input, range) => expect(parseRange(input)).toBe(range));

  it.each(['1.2.3.4/33', '::/129', '010.1.1.1', '10.1', 'abc', '1.2.3.4/', '1.2.3.4/08', '1.2.3.4/-1', '', '1.2.3.4/8/8'])('refuses %j', (input) => {
    expect(parseRange(input)).toBeUndefined();
  });

  it('matches mapped clients against IPv4 ranges and keeps the families apart', () => {
    expect(inAnyRange('::ffff:10.1.1.1', ['10.0.0.0/8'])).toBe(true);
    expect(inAnyRange('10.1.1.1', ['::/0'])).toBe(false);
    expect(inAnyRange('2001:db8::5', ['2001:db8::/32'])).toBe(true);
    expect(inAnyRange('203.0.113.8', ['203.0.113.7/32'])).toBe(false);
  });
});

describe('permissions', () => {
  const member = accountRights({ admin: false, roleAdminPermissions: ['users.read', 'not.real'] });
  const admin = accountRights({ admin: true, roleAdminPermissions: [] });

  it('gives a session every user and server permission, and admin ones by role or admin flag', () => {
    expect(member.user_permissions.has('account.infos')).toBe(true);
    expect(member.server_permissions.has('control.start')).toBe(true);
    expect([...member.admin_permissions]).toEqual(['users.read']);
    expect(admin.admin_permissions.has('nodes.delete')).toBe(true);
  });

  it("limits a key to what it lists within its owner's rights", () => {
    const rights = keyRights(member, { user_permissions: ['account.infos'], admin_permissions: ['users.read', 'nodes.delete'], server_permissions: [] });
    expect([...rights.user_permissions]).toEqual(['account.infos']);
    expect([...rights.admin_permissions]).toEqual(['users.read']);
    expect(rights.server_permissions.size).toBe(0);
  });

  it('tells unknown names from names the caller does not hold', () => {
    expect(checkGrant(member, 'admin_permissions', ['users.read', 'nodes.delete', 'made.up'])).toEqual({ unknown: ['made.up'], notHeld: ['nodes.delete'] });
  });
});

describe('concurrencyLimit', () => {
  it('runs at most the limit at once, the rest in arrival order, and frees the slot of a failed task', async () => {
    const limited = concurrencyLimit(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (n: number) => async () => {
      started.push(n);
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      if (n === 1) throw new Error('failed');
      return n;
    };
    const results = await Promise.allSettled([1, 2, 3, 4, 5, 6].map((n) => limited(task(n))));
    expect(most).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5, 6]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual(['failed', 2, 3, 4, 5, 6]);
  });
});

describe('addressBucket', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['::1', '::/64'],
    ['not an address', 'not an address'],
  ])('%s counts as %s', (address, bucket) => expect(addressBucket(address)).toBe(bucket));
});

describe('rangeWithin', () => {
  it.each([
    ['10.1.0.0/16', '10.0.0.0/8', true],
    ['10.0.0.0/8', '10.0.0.0/8', true],
    ['10.0.0.0/7', '10.0.0.0/8', false],
    ['11.0.0.0/16', '10.0.0.0/8', false],
    ['2001:db8:1::/48', '2001:db8::/32', true],
    ['2001:db9::/48', '2001:db8::/32', false],
    ['10.0.0.1/32', '::/0', false],
  ])('%s inside %s: %s', (inner, outer, within) => expect(rangeWithin(inner, outer)).toBe(within));
});

describe('inheritKeyLimits', () => {
  const day = new Date('2030-01-02T00:00:00Z');
  const later = new Date('2030-01-03T00:00:00Z');
  const parent = { allowedIps: ['10.0.0.0/8', '2001:db8::/32'], expires: day };

  it('gives an unlimited request the parent\'s limits', () => {
    expect(inheritKeyLimits({ allowedIps: [], expires: null }, parent)).toEqual({ ok: true, limits: parent });
  });

  it('keeps narrower limits', () => {
    const asked = { allowedIps: ['10.1.2.3/32', '2001:db8:5::/48'], expires: new Date('2030-01-01T00:00:00Z') };
    expect(inheritKeyLimits(asked, parent)).toEqual({ ok: true, limits: asked });
  });

  it('refuses what reaches past the parent, naming each range by its index', () => {
    expect(inheritKeyLimits({ allowedIps: ['10.1.0.0/16', '192.168.0.0/16', '0.0.0.0/0'], expires: later }, parent)).toEqual({
      ok: false,
      problems: [
        'allowed_ips.1: outside the ranges of the api key making the request',
        'allowed_ips.2: outside the ranges of the api key making the request',
        'expires: later than the api key making the request',
      ],
    });
  });

  it('lets a parent without limits hand out any', () => {
    const asked = { allowedIps: ['0.0.0.0/0'], expires: later };
    expect(inheritKeyLimits(asked, { allowedIps: [], expires: null })).toEqual({ ok: true, limits: asked });
  });
});

describe('text', () => {
  it('folds case in ASCII only', () => {
    expect(foldCase('Kate_01@Example.COM')).toBe('kate_01@example.com');
    expect(foldCase('\u212Aate')).toBe('\u212Aate');
    expect(foldCase('\u0130stanbul')).toBe('\u0130stanbul');
  });

  it.each(['\u0000', 'a\tb', '\n', '\u007f', '\u0085', '\u009f'])('finds the control character in %j', (text) => expect(CONTROL_CHARACTER.test(text)).toBe(true));
  it.each(['plain', 'Zoë', '\u202e', '🦀', ' '])('finds no control character in %j', (text) => expect(CONTROL_CHARACTER.test(text)).toBe(false));
  it.each(['\ud800', 'a\udfffb', '🦀'.slice(1)])('finds half a surrogate pair in %j', (text) => expect(LONE_SURROGATE.test(text)).toBe(true));
  it.each(['🦀', 'Zoë', ''])('finds no half of a surrogate pair in %j', (text) => expect(LONE_SURROGATE.test(text)).toBe(false));

  it.each([
    ['50%', 'a 50% cut', true],
    ['50%', 'a 500 cut', false],
    ['a_b', 'xa_by', true],
    ['a_b', 'xacby', false],
    ['\\', 'back\\slash', true],
    ['DEPLOY', 'deploy-bot', true],
    ['.*', 'anything', false],
  ])('a search for %j in %j matches: %s', (term, value, matches) => expect(likeMatches(`%${escapeLike(term)}%`, value)).toBe(matches));

  it('keeps the wildcards of an unescaped pattern, as LIKE does', () => {
    expect(likeMatches('a%c', 'abbbc')).toBe(true);
    expect(likeMatches('a_c', 'abc')).toBe(true);
    expect(likeMatches('a_c', 'abbc')).toBe(false);
  });
});
