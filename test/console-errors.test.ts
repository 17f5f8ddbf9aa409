// How the account console puts the API's messages next to the fields they name.
import { expect, it } from 'vitest';
import { sortMessages } from '../console/src/errors.ts';

it('puts a field message next to its field, keeps a list item named, and leaves the rest general', () => {
  const sorted = sortMessages(
    [
      'name: must be 3-31 characters',
      'allowed_ips.2: invalid ip address or cidr range',
      'user_permissions: more permissions than self',
      'you do not have permission to perform this action: api-keys.create',
      'invalid username or password',
      'names: not a field of this form',
    ],
    ['name', 'allowed_ips', 'user_permissions'],
  );
  expect(sorted.fields).toEqual({
    name: ['must be 3-31 characters'],
    allowed_ips: ['allowed_ips.2: invalid ip address or cidr range'],
    user_permissions: ['more permissions than self'],
  });
  expect(sorted.general).toEqual([
    'you do not have permission to perform this action: api-keys.create',
    'invalid username or password',
    'names: not a field of this form',
  ]);
});
