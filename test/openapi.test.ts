// openapi.json is generated from the routers and committed: it must match them.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../src/server/openapi.ts';
import { startTestServer, type TestServer } from './support/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

it('the committed openapi.json is what `npm run openapi` writes now', () => {
  const committed = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8'));
  expect(committed, 'openapi.json is stale: run `npm run openapi` and commit it').toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
});

it('documents every REST route, both security schemes, the error body and the DELETE /two-factor body', () => {
  const document = buildOpenApiDocument();
  const routes = Object.entries(document.paths ?? {}).flatMap(([path, item]) => Object.keys(item as object).map((method) => `${method.toUpperCase()} ${path}`));
  expect(routes.sort()).toEqual(
    [
      'POST /auth/login',
      'POST /auth/login/checkpoint',
      'POST /auth/password/forgot',
      'POST /auth/password/reset',
      'GET /client/account',
      'PATCH /client/account',
      'POST /client/account/password',
      'POST /client/account/logout',
      'GET /client/account/api-keys',
      'POST /client/account/api-keys',
      'DELETE /client/account/api-keys/{api_key}',
      'PATCH /client/account/api-keys/{api_key}',
      'POST /client/account/api-keys/{api_key}/recreate',
      'PUT /client/account/email',
      'GET /client/account/ssh-keys',
      'POST /client/account/ssh-keys',
      'PATCH /client/account/ssh-keys/{ssh_key}',
      'DELETE /client/account/ssh-keys/{ssh_key}',
      'GET /client/account/two-factor',
      'POST /client/account/two-factor',
      'DELETE /client/account/two-factor',
      'POST /client/account/two-factor/recovery-codes',
      'GET /client/account/sessions',
      'DELETE /client/account/sessions',
      'DELETE /client/account/sessions/{session}',
      'GET /client/permissions',
      'GET /client/account/activity',
      'GET /auth/login/security-key',
      'POST /auth/login/security-key',
      'GET /client/account/security-keys',
      'POST /client/account/security-keys',
      'POST /client/account/security-keys/{security_key}/challenge',
      'PATCH /client/account/security-keys/{security_key}',
      'DELETE /client/account/security-keys/{security_key}',
    ].sort(),
  );
  expect(Object.keys(document.components?.securitySchemes ?? {}).sort()).toEqual(['bearerAuth', 'sessionCookie']);
  const disable = (document.paths?.['/client/account/two-factor'] as Record<string, any>).delete;
  expect(disable.requestBody.content['application/json'].schema.required).toEqual(['code', 'password']);
  expect(disable.parameters).toEqual([]);
  expect(disable.responses.default.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Errors' });
});

it('is served at GET /api/openapi.json', async () => {
  const res = await server.client().get('/api/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  expect(res.body.paths['/client/account']).toBeDefined();
});

it('lists each operation\'s error statuses with the error body, and formats timestamps and identifiers', () => {
  const document = buildOpenApiDocument();
  const errorBody = { $ref: '#/components/schemas/Errors' };
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item as Record<string, any>)) {
      const statuses = Object.keys(operation.responses).filter((status) => status !== '200' && status !== 'default');
      const expected = ['400', ...(operation.security ? ['401', '403'] : [])];
      expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(expected));
      for (const status of [...statuses, 'default']) expect(operation.responses[status].content['application/json'].schema).toEqual(errorBody);
    }
  }
  const statusesOf = (path: string, method: string) => Object.keys((document.paths?.[path] as Record<string, any>)[method].responses);
  expect(statusesOf('/auth/login', 'post')).toContain('429');
  expect(statusesOf('/client/account', 'patch')).toContain('409');
  expect(statusesOf('/client/account/api-keys/{api_key}', 'delete')).toContain('404');
  expect(statusesOf('/client/account/sessions/{session}', 'delete')).toContain('404');

  const schemas = document.components?.schemas as Record<string, any>;
  for (const name of ['User', 'ApiKey', 'Session']) expect(schemas[name].properties.uuid.format, name).toBe('uuid');
  expect(schemas.User.properties.created.format).toBe('date-time');
  expect(schemas.ApiKey.properties.expires.anyOf).toContainEqual({ type: 'string', format: 'date-time' });
  expect(schemas.Session.properties.last_used.format).toBe('date-time');
  const parameter = (document.paths?.['/client/account/api-keys/{api_key}'] as Record<string, any>).delete.parameters[0];
  expect(parameter.schema.format).toBe('uuid');
});
