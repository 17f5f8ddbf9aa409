// The OpenAPI document of the REST face, generated from the routers. Three things the
// generator cannot say are added here: the {"errors": [...]} error body under each error
// status an operation answers with, and the JSON body of the DELETEs that take one.
import type { z } from 'zod';
import { generateOpenApiDocument } from 'trpc-to-openapi';
import { createSchema } from 'zod-openapi';
import { appRouter } from '../routers/index.ts';
import { restRoutes } from './rest.ts';

const errorBody = {
  type: 'object',
  required: ['errors'],
  additionalProperties: false,
  properties: { errors: { type: 'array', minItems: 1, items: { type: 'string' } } },
} as const;

type Operation = { parameters?: { in: string }[]; requestBody?: unknown; responses?: Record<string, unknown>; security?: unknown[] };

/**
 * What each error status means when an operation does not say more. Every operation can
 * answer 400 (its input is a strict object); an authenticated one 401 and 403; the rest
 * (404, 409, 429) come from the procedure's `errorResponses`.
 */
const STATUS_MEANINGS: Record<number, string> = {
  400: 'Invalid input: one "<field>: <problem>" per problem, or a rule the request breaks',
  401: 'Missing, invalid or revoked session cookie or API key',
  403: 'Permission missing, address not allowed for the key, two-factor required, or a cross-site change refused',
};

export function buildOpenApiDocument() {
  const document = generateOpenApiDocument(appRouter, {
    title: 'Game panel account API',
    description:
      'Account service of a game-server panel: sign-in, profile, password, API keys, two-factor authentication and sessions. ' +
      'Every error answers {"errors": ["message", ...]}.',
    version: '1.0.0',
    baseUrl: '/api',
    securitySchemes: {
      bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key: ptlc_ followed by 43 letters and digits' },
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'panel_session', description: 'The session cookie set by POST /api/auth/login' },
    },
  });

  document.components ??= {};
  // The generator's per-code error schemas describe its own error body, which the API never sends.
  const schemas = Object.entries(document.components.schemas ?? {}).filter(([name]) => !name.startsWith('error.'));
  document.components.schemas = { ...Object.fromEntries(schemas), Errors: errorBody as never };
  const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } } });

  const bodies = jsonBodyDeletes();
  const ownErrors = new Map(restRoutes().map((route) => [`${route.method} ${route.path}`, route.errorResponses]));
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      if (!operation || typeof operation !== 'object' || !operation.responses) continue;
      for (const status of Object.keys(operation.responses)) {
        if (status === 'default' || Number(status) >= 400) delete operation.responses[status];
      }
      const statuses: Record<number, string> = { 400: STATUS_MEANINGS[400]! };
      if (operation.security) Object.assign(statuses, { 401: STATUS_MEANINGS[401], 403: STATUS_MEANINGS[403] });
      Object.assign(statuses, ownErrors.get(`${method.toUpperCase()} ${path}`));
      for (const [status, description] of Object.entries(statuses)) operation.responses[status] = errorResponse(description);
      operation.responses.default = errorResponse('Another error: 405, 413, 415, 500, or 503 when the database cannot be reached');
      const body = method === 'delete' ? bodies.get(path) : undefined;
      if (body) {
        operation.parameters = (operation.parameters ?? []).filter((parameter) => parameter.in !== 'query');
        operation.requestBody = { required: true, content: { 'application/json': { schema: body } } };
      }
    }
  }
  return document;
}

/** The DELETE procedures whose input is a JSON body, with that body's schema. */
function jsonBodyDeletes() {
  return new Map(
    restRoutes()
      .filter((route) => route.method === 'DELETE' && route.jsonBody)
      .map((route) => [route.path, createSchema(route.input as z.ZodType).schema]),
  );
}
