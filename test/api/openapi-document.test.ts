/**
 * The checked-in contract: docs/openapi.json must be what the routes generate (npm run check:api;
 * after a deliberate change, npm run api:openapi and review the diff), and it must be valid OpenAPI 3.1
 * with an operationId on every operation.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/api/index.js';

const FILE = resolve(import.meta.dirname, '../../docs/openapi.json');

describe('docs/openapi.json', () => {
  const generated = openApiDocument();

  it('is what the routes generate (regenerate with npm run api:openapi)', () => {
    expect(JSON.parse(readFileSync(FILE, 'utf8'))).toEqual(generated);
  });

  it('is valid OpenAPI 3.1, with a unique operationId on every operation', async () => {
    const result = await new Validator().validate(generated);
    expect(result.errors ?? []).toEqual([]);
    const operations = Object.values(generated.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((p) => Object.values(p));
    const ids = operations.map((o) => o.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
