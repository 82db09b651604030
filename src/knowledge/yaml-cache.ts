/**
 * @module yaml-cache
 * A file cache of parsed YAML: the plain value of a document and the line and column of every node
 * outside flow collections, keyed by a hash of the text. Parsing the overlays' coordinate lists with
 * the `yaml` library is most of a cold start; reading the same value back as JSON takes a few
 * milliseconds. It holds parses, not validations: a value read from it is validated like a fresh one
 * (validated-cache.ts keeps validated values, per build).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCollection, isMap, isSeq, type Document, type LineCounter, type Node as YamlNode } from 'yaml';
import { cacheDir, writeAtomically } from './base-layer-cache.js';

/** What the cache keeps of one parsed document. */
export interface CachedYaml {
  readonly value: unknown;
  /** `JSON.stringify(path)` → [line, column], for nodes outside flow collections. */
  readonly positions: Readonly<Record<string, readonly [number, number]>>;
}

// Bump when the cached shape changes; the yaml version is part of the key because its output is.
const FORMAT = 1;
const YAML_VERSION = '2.9';

function cacheFile(text: string): string {
  const hash = createHash('sha1').update(`v${FORMAT}:${YAML_VERSION}:`).update(text).digest('hex');
  return join(cacheDir(), 'yaml', `${hash.slice(0, 24)}.json`);
}

/** The cached parse of `text`, or undefined when it is not cached (or the cache is unreadable). */
export function readCachedYaml(text: string): CachedYaml | undefined {
  try {
    return JSON.parse(readFileSync(cacheFile(text), 'utf8')) as CachedYaml;
  } catch {
    return undefined;
  }
}

/** Records node positions (block nodes only) from a parsed document. */
function positionsOf(doc: Document, lineCounter: LineCounter): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  const visit = (node: unknown, path: (string | number)[]) => {
    const n = node as YamlNode | null;
    if (n?.range) {
      const { line, col } = lineCounter.linePos(n.range[0]);
      out[JSON.stringify(path)] = [line, col];
    }
    // Flow collections are coordinate lists: their items are never cited, and there are many.
    if (!isCollection(n) || n.flow) return;
    if (isMap(n)) {
      for (const pair of n.items) {
        const key = (pair.key as { value?: unknown } | null)?.value;
        if (typeof key !== 'string' && typeof key !== 'number') continue;
        visit(pair.value ?? pair.key, [...path, key]);
      }
    } else if (isSeq(n)) n.items.forEach((item, i) => visit(item, [...path, i]));
  };
  visit(doc.contents, []);
  return out;
}

/** True when JSON gives back exactly this value (plain objects, arrays, strings, finite numbers). */
export function survivesJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(survivesJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.values(value as Record<string, unknown>).every(survivesJson);
  return false;
}

/**
 * Keeps the parse of `text` for the next process; silently does nothing when the value does not
 * survive JSON (e.g. `.inf`) or the cache directory is read-only.
 */
export function writeCachedYaml(text: string, doc: Document, lineCounter: LineCounter, value: unknown): void {
  try {
    if (!survivesJson(value)) return;
    const entry: CachedYaml = { value, positions: positionsOf(doc, lineCounter) };
    writeAtomically(cacheFile(text), JSON.stringify(entry));
  } catch {
    // Read-only install: every start parses, only slower.
  }
}
