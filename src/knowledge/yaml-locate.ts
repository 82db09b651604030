/**
 * @module yaml-locate
 * Parses YAML (through the YAML cache) and keeps a locator from a path (`['events', 3, 'date']`) to
 * its line and column, so that issues found after parsing can cite the file position. Data files
 * (yaml-file.ts) and the record and procedures (record/) all parse here.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Issue } from '../domain/errors.js';
import { readCachedYaml, writeCachedYaml } from './yaml-cache.js';

type At = NonNullable<Issue['at']>;

/** The parsed value and a locator, or the YAML syntax errors as issues. */
export type LocatedYaml =
  | { readonly ok: true; readonly value: unknown; readonly locate: (path: readonly (string | number)[]) => At }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Parses `text` read from `file`, through the YAML cache (yaml-cache.ts) when the same text was parsed
 * before: `casus cases list` read ten treaty files this way, 0.4 s of parsing on every run.
 */
export function parseLocatedYaml(text: string, file: string): LocatedYaml {
  const cached = readCachedYaml(text);
  if (!cached) return parseFresh(text, file, true);
  let fresh: LocatedYaml | undefined;
  const locate = (path: readonly (string | number)[]): At => {
    const hit = cached.positions[JSON.stringify(path)];
    if (hit) return { file, line: hit[0], column: hit[1] };
    fresh ??= parseFresh(text, file, false);
    return fresh.ok ? fresh.locate(path) : { file, line: 1, column: 1 };
  };
  return { ok: true, value: cached.value, locate };
}

function parseFresh(text: string, file: string, keep: boolean): LocatedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number): At => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  if (doc.errors.length > 0)
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        code: 'invalid-yaml',
        path: [],
        message: e.message.split('\n')[0] ?? e.message,
        at: position(e.pos[0]),
      })),
    };
  const locate = (path: readonly (string | number)[]): At => {
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
  const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
  if (keep) writeCachedYaml(text, doc, lineCounter, value);
  return { ok: true, value, locate };
}

/** Adds file positions to issues. */
export function locateIssues(
  issues: readonly Issue[],
  locate: (path: readonly (string | number)[]) => At,
  prefix: readonly (string | number)[] = [],
): Issue[] {
  return issues.map((i) => ({ ...i, at: locate([...prefix, ...i.path]) }));
}
