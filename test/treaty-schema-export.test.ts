/** The committed JSON Schema of the treaty format is the one the zod schema generates today. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { treatyJsonSchema } from '../src/domain/treaty/index.js';

it('schema/treaty.schema.json is up to date (regenerate with npm run schema)', () => {
  const committed = JSON.parse(readFileSync(resolve(import.meta.dirname, '../schema/treaty.schema.json'), 'utf8')) as unknown;
  expect(committed).toEqual(JSON.parse(JSON.stringify(treatyJsonSchema())));
});
