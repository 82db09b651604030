/** The committed JSON Schemas of the stable objects are the ones the zod schemas generate today. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { contractJsonSchemas } from '../src/api/json-schemas.js';

for (const [name, schema] of Object.entries(contractJsonSchemas())) {
  it(`schema/${name}.schema.json is up to date (regenerate with npm run schema)`, () => {
    const committed = JSON.parse(readFileSync(resolve(import.meta.dirname, `../schema/${name}.schema.json`), 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(schema)));
  });
}
