// The OpenAPI document of the REST face, generated from the routers. Two things the
// generator cannot say are added here: the {"errors": [...]} error body, and the JSON
// body of the DELETEs that take one.
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

type Operation = { parameters?: { in: string }[]; requestBody?: unknown; responses?: Record<string, unknown> };

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
  const errorRef = { description: 'An error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } } };

  const bodies = jsonBodyDeletes();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      if (!operation || typeof operation !== 'object' || !operation.responses) continue;
      for (const status of Object.keys(operation.responses)) {
        if (status === 'default' || Number(status) >= 400) delete operation.responses[status];
      }
      operation.responses.default = errorRef;
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
