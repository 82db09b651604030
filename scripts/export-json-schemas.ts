// Writes schema/<object>.schema.json for the stable JSON objects (npm run schema); a test fails when one is stale.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { contractJsonSchemas } from '../src/api/json-schemas.js';

for (const [name, schema] of Object.entries(contractJsonSchemas())) {
  const file = resolve(import.meta.dirname, `../schema/${name}.schema.json`);
  writeFileSync(file, JSON.stringify(schema, null, 2) + '\n');
  process.stdout.write(`wrote ${file}\n`);
}
