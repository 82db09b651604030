/**
 * @module check-places
 * `casus check` of data/gazetteer/places.yaml, apart from the gazetteer itself: checking the knowledge
 * base must not load the date parser and the country names that building the gazetteer needs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../domain/errors.js';
import { placesFileSchema } from '../domain/extraction/places-schema.js';
import { displayPath } from './data-dir.js';
import { parseYamlFile } from './yaml-file.js';

/** Validates data/gazetteer/places.yaml (for `casus check`): schema, and that each overlay it names exists. */
export function checkPlacesFile(root: string, overlayIds: ReadonlySet<string>): { file?: string; issues: Issue[] } {
  const file = join(root, 'gazetteer', 'places.yaml');
  if (!existsSync(file)) return { issues: [] };
  const parsed = parseYamlFile(readFileSync(file, 'utf8'), displayPath(file), placesFileSchema);
  if (!parsed.ok) return { file, issues: [...parsed.issues] };
  const issues: Issue[] = [];
  parsed.value.places.forEach((p, i) => {
    if ('overlay' in p && !overlayIds.has(p.overlay))
      issues.push({ code: 'unknown-overlay', path: ['places', i, 'overlay'], message: `no overlay "${p.overlay}" in data/overlays`, expected: 'the id of an overlay file', received: p.overlay, at: parsed.locate(['places', i, 'overlay']) });
  });
  return { file, issues };
}
