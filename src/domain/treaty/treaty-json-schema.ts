/**
 * @module treaty-json-schema
 * The JSON Schema of the treaty file format, generated from the zod schema that validates it, so the
 * editor's completion (schema/treaty.schema.json) can never drift from what `casus check` enforces.
 */
import { z } from 'zod';
import { isoDateSchema } from '../dates/index.js';
import { treatySchema } from './treaty-schema.js';

/** The JSON Schema (draft 2020-12) of a treaty file. */
export function treatyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(treatySchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: (ctx) => {
      // Dates are a string-or-YAML-date union with a transform; in a file they are written YYYY-MM-DD.
      if (ctx.zodSchema === isoDateSchema || (ctx.zodSchema as unknown) === (isoDateSchema as unknown as { in?: unknown }).in) {
        for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[key];
        Object.assign(ctx.jsonSchema, { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
      }
    },
  });
  return {
    ...schema,
    title: 'Casus treaty file',
    description: 'A collective-defence treaty encoded for Casus: dated parties, provisions with verbatim texts and CEL conditions, and the case-file procedure. See docs/treaty-format.md.',
  };
}
