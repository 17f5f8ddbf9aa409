// `npm run openapi`: writes openapi.json at the repository root from the routers.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument } from '../src/server/openapi.ts';

const file = join(import.meta.dirname, '..', 'openapi.json');
writeFileSync(file, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
console.log(`wrote ${file}`);
