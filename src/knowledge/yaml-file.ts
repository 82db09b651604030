/**
 * @module yaml-file
 * Parses a YAML data file and validates it with a zod schema, reporting every problem at once with
 * its path and its line and column in the file (STYLE rules 5 and 7).
 */
import type { z } from 'zod';
import type { Issue } from '../domain/errors.js';
import { readValidated, writeValidated } from './validated-cache.js';
import { parseLocatedYaml } from './yaml-locate.js';

/** Where something is in a file. */
export type SourcePosition = NonNullable<Issue['at']>;

/** Parsed file: the value, or every issue found. Keeps a locator to cite lines later. */
export type YamlResult<T> =
  | { readonly ok: true; readonly value: T; readonly locate: (path: readonly (string | number)[]) => SourcePosition }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Parses `text` (from `file`, through the YAML cache: yaml-locate.ts) and validates it against
 * `schema`; in the bundled CLI a value this build has validated before is read back instead
 * (validated-cache.ts).
 */
export function parseYamlFile<S extends z.ZodType>(text: string, file: string, schema: S): YamlResult<z.infer<S>> {
  const validated = readValidated(text, schema);
  if (validated) {
    // Positions are wanted only to cite a line in an explanation or a later error: found then.
    let parsed: ReturnType<typeof parseLocatedYaml> | undefined;
    const locate = (path: readonly (string | number)[]): SourcePosition => {
      parsed ??= parseLocatedYaml(text, file);
      return parsed.ok ? parsed.locate(path) : { file, line: 1, column: 1 };
    };
    return { ok: true, value: validated.value as z.infer<S>, locate };
  }
  const result = parseChecked(text, file, schema);
  if (result.ok) writeValidated(text, schema, result.value);
  return result;
}

function parseChecked<S extends z.ZodType>(text: string, file: string, schema: S): YamlResult<z.infer<S>> {
  const parsed = parseLocatedYaml(text, file);
  if (!parsed.ok) return parsed;
  const checked = schema.safeParse(parsed.value);
  if (checked.success) return { ok: true, value: checked.data, locate: parsed.locate };
  return {
    ok: false,
    issues: checked.error.issues.map((i) => {
      const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
      return { code: i.code, path, message: describeZodIssue(i), at: parsed.locate(path) };
    }),
  };
}

function describeZodIssue(i: z.core.$ZodIssue): string {
  if (i.code === 'unrecognized_keys') return `unknown key${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
  if (i.code === 'invalid_value') return `expected one of ${i.values.map(String).join(', ')}`;
  if (i.code === 'invalid_type' && /received undefined$/.test(i.message)) return `missing: expected ${i.expected === 'object' ? 'a mapping' : i.expected}`;
  if (i.code === 'invalid_type') return i.message.replace(/^Invalid input: /, '');
  return i.message;
}
