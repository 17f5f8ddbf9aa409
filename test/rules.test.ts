// The plain rules, alone: IP ranges, permissions and the limit on password hashing.
import { describe, expect, it } from 'vitest';
import { inAnyRange, parseRange } from '../src/rules/ip-ranges.ts';
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
