/**
 * @module yaml-file
 * Parses a YAML data file and validates it with a zod schema, reporting every problem at once with
 * its path and its line and column in the file (STYLE rules 5 and 7).
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { Issue } from '../domain/errors.js';
import { readCachedYaml, writeCachedYaml } from './yaml-cache.js';
import { readValidated, writeValidated } from './validated-cache.js';

/** Where something is in a file. */
export type SourcePosition = NonNullable<Issue['at']>;

/** Parsed file: the value, or every issue found. Keeps a locator to cite lines later. */
export type YamlResult<T> =
  | { readonly ok: true; readonly value: T; readonly locate: (path: readonly (string | number)[]) => SourcePosition }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Parses `text` (from `file`) and validates it against `schema`. A document parsed before is read
 * from the YAML cache (validation still runs), or, in the bundled CLI, from the cache of values this
 * build has validated (validated-cache.ts); any problem is reported from a fresh parse.
 */
export function parseYamlFile<S extends z.ZodType>(text: string, file: string, schema: S): YamlResult<z.infer<S>> {
  const validated = readValidated(text, schema);
  if (validated) {
    // Positions are wanted only to cite a line in an explanation or a later error: found then.
    let parsed: YamlResult<z.infer<S>> | undefined;
    const locate = (path: readonly (string | number)[]): SourcePosition => {
      parsed ??= parseChecked(text, file, schema);
      return parsed.ok ? parsed.locate(path) : { file, line: 1, column: 1 };
    };
    return { ok: true, value: validated.value as z.infer<S>, locate };
  }
  const result = parseChecked(text, file, schema);
  if (result.ok) writeValidated(text, schema, result.value);
  return result;
}

function parseChecked<S extends z.ZodType>(text: string, file: string, schema: S): YamlResult<z.infer<S>> {
  const cached = readCachedYaml(text);
  if (cached) {
    const parsed = schema.safeParse(cached.value);
    if (parsed.success) {
      let fresh: YamlResult<z.infer<S>> | undefined;
      const locate = (path: readonly (string | number)[]): SourcePosition => {
        const hit = cached.positions[JSON.stringify(path)];
        if (hit) return { file, line: hit[0], column: hit[1] };
        fresh ??= parseFresh(text, file, schema, false);
        return fresh.ok ? fresh.locate(path) : { file, line: 1, column: 1 };
      };
      return { ok: true, value: parsed.data, locate };
    }
  }
  return parseFresh(text, file, schema, true);
}

function parseFresh<S extends z.ZodType>(text: string, file: string, schema: S, keep: boolean): YamlResult<z.infer<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        code: 'invalid-yaml',
        path: [],
        message: e.message.split('\n')[0] ?? e.message,
        at: position(e.pos[0]),
      })),
    };
  }
  const locate = (path: readonly (string | number)[]): SourcePosition => {
    let node: unknown = doc.contents;
    let best: YamlNode | undefined = doc.contents ?? undefined;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
        if (!pair) break;
        node = pair.value;
        best = (pair.value as YamlNode | null) ?? (pair.key as YamlNode);
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        if (!node) break;
        best = node as YamlNode;
      } else break;
    }
    return best?.range ? position(best.range[0]) : { file, line: 1, column: 1 };
  };
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  const parsed = schema.safeParse(value);
  if (parsed.success) {
    if (keep) writeCachedYaml(text, doc, lineCounter, value);
    return { ok: true, value: parsed.data, locate };
  }
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => {
      const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
      return { code: i.code, path, message: describeZodIssue(i), at: locate(path) };
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
