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
      'GET /client/account',
      'PATCH /client/account',
      'POST /client/account/password',
      'POST /client/account/logout',
      'GET /client/account/api-keys',
      'POST /client/account/api-keys',
      'DELETE /client/account/api-keys/{api_key}',
      'GET /client/account/two-factor',
      'POST /client/account/two-factor',
      'DELETE /client/account/two-factor',
      'GET /client/account/sessions',
      'DELETE /client/account/sessions',
      'DELETE /client/account/sessions/{session}',
      'GET /client/permissions',
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
