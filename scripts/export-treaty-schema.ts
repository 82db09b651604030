// Writes schema/treaty.schema.json from the zod schema (npm run schema); a test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { treatyJsonSchema } from '../src/domain/treaty/index.js';

const file = resolve(import.meta.dirname, '../schema/treaty.schema.json');
writeFileSync(file, JSON.stringify(treatyJsonSchema(), null, 2) + '\n');
process.stdout.write(`wrote ${file}\n`);
