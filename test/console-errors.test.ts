// How the account console puts the API's messages next to the fields they name.
import { TRPCClientError } from '@trpc/client';
import { expect, it } from 'vitest';
import { failureOf, sortMessages } from '../console/src/errors.ts';

it('reads the status and messages a tRPC error carries, and words the failures that carry none', () => {
  const api = new TRPCClientError('x', { result: { error: { code: -32600, message: 'x', data: { httpStatus: 409, errors: ['api key with name already exists'] } } } });
  expect(failureOf(api)).toEqual({ status: 409, messages: ['api key with name already exists'] });
  const proxy = new TRPCClientError('Unexpected token <', { meta: { response: new Response('<html>', { status: 502 }) } });
  expect(failureOf(proxy)).toEqual({ status: 502, messages: ['the server answered 502; try again in a moment'] });
  expect(failureOf(new TypeError('Failed to fetch')).status).toBe(0);
});

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
