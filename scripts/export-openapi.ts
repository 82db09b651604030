// Writes docs/openapi.json from the routes' zod schemas (npm run api:openapi); npm run check:api fails when it is stale.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openApiDocument } from '../src/api/index.js';

const file = resolve(import.meta.dirname, '../docs/openapi.json');
writeFileSync(file, JSON.stringify(openApiDocument(), null, 2) + '\n');
process.stdout.write(`wrote ${file}\n`);
