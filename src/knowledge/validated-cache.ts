/**
 * @module validated-cache
 * Data files as they were when last validated, for the bundled CLI only: validating the treaties and
 * overlays with zod was a fifth of every command's start. A file's validated value is kept under a
 * hash of its text, of the schema it was checked against, and of the build — a hash of every source
 * file, written into the bundle when it is made (scripts/bundle-cli.ts) — so a changed file, schema
 * or rule of any kind is validated afresh. Run from the sources or dist/cli (no build hash), nothing
 * is cached and every load validates.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { cacheDir, writeAtomically } from './base-layer-cache.js';
import { survivesJson } from './yaml-cache.js';

// Replaced by the bundler with the build's hash; undeclared (typeof 'undefined') anywhere else.
declare const CASUS_BUILD_ID: string | undefined;

const build: string | undefined = typeof CASUS_BUILD_ID === 'string' ? CASUS_BUILD_ID : undefined;
const fingerprints = new WeakMap<z.ZodType, string>();

function fingerprint(schema: z.ZodType): string {
  let f = fingerprints.get(schema);
  if (f === undefined) {
    f = createHash('sha1').update(JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any' }))).digest('hex');
    fingerprints.set(schema, f);
  }
  return f;
}

function cacheFile(text: string, schema: z.ZodType, id: string): string {
  const hash = createHash('sha1').update(`${id}:${fingerprint(schema)}:`).update(text).digest('hex');
  return join(cacheDir(), 'validated', `${hash.slice(0, 24)}.json`);
}

/** The value `text` gave when it last passed `schema` in this build; undefined if unknown. */
export function readValidated(text: string, schema: z.ZodType): { value: unknown } | undefined {
  if (build === undefined) return undefined;
  try {
    return { value: JSON.parse(readFileSync(cacheFile(text, schema, build), 'utf8')) as unknown };
  } catch {
    return undefined;
  }
}

/** Keeps the validated value of `text` (when JSON gives it back unchanged and the cache is writable). */
export function writeValidated(text: string, schema: z.ZodType, value: unknown): void {
  if (build === undefined || !survivesJson(value)) return;
  try {
    writeAtomically(cacheFile(text, schema, build), JSON.stringify(value));
  } catch {
    // Read-only: every start validates, only slower.
  }
}
