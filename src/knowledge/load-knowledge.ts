/**
 * @module load-knowledge
 * Reads the knowledge base under data/ (treaties, overlays, regions, borders, base tables), validates
 * every file, and builds the dated territory map. All problems of all files are reported together.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { CasusError, type Issue } from '../domain/errors.js';
import {
  borderSchema,
  buildTerritoryMap,
  overlaySchema,
  regionSchema,
  sovereigntySchema,
  type BorderFile,
  type OverlayFile,
  type RegionFile,
  type SovereigntyFile,
  type TerritoryMap,
} from '../domain/territory/index.js';
import { compileTreaty, treatySchema, type Treaty } from '../domain/treaty/index.js';
import { dataDir, displayPath } from './data-dir.js';
import { loadBaseLayer } from './base-layer.js';
import { cachedBorderGeometry, cachedPointGrid, type GeometryRead } from './base-layer-cache.js';
import { parseYamlFile } from './yaml-file.js';
import { withinScalars } from './scalar-position.js';
// Directly, not through record/index.ts: that door also opens the database loader (Kysely, pg).
import { readRecord } from './record/read-record.js';
import { checkPlacesFile } from './check-places.js';

/** The loaded knowledge base. */
export interface Knowledge {
  readonly treaties: readonly Treaty[];
  readonly map: TerritoryMap;
  readonly files: number;
}

/** Result of checking every data file. */
export interface KnowledgeCheck {
  readonly files: readonly string[];
  readonly issues: readonly Issue[];
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
}


interface Parsed {
  treaties: Treaty[];
  overlays: OverlayFile[];
  regions: RegionFile[];
  borders: BorderFile[];
  sovereignty: SovereigntyFile;
  files: string[];
  issues: Issue[];
}

function parseAll(root: string): Parsed {
  const out: Parsed = { treaties: [], overlays: [], regions: [], borders: [], sovereignty: { dependencies: [] }, files: [], issues: [] };
  const read = <S extends z.ZodType>(file: string, schema: S, id?: string): z.infer<S> | undefined => {
    out.files.push(file);
    const name = displayPath(file);
    const result = parseYamlFile(readFileSync(file, 'utf8'), name, schema);
    if (!result.ok) {
      out.issues.push(...result.issues);
      return undefined;
    }
    const value = result.value as { id?: unknown };
    if (id !== undefined && value.id !== id)
      out.issues.push({ code: 'invalid-id', path: ['id'], message: `id "${String(value.id)}" must match the file name "${id}"`, at: result.locate(['id']) });
    return result.value;
  };
  const base = (f: string) => f.split('/').pop()!.replace(/\.ya?ml$/, '');

  // A treaty's id is its file name, as for overlays and regions: a copied file cannot load twice
  // under one id and double every finding.
  const treatyFiles = new Map<string, string>();
  for (const file of yamlFiles(join(root, 'treaties'))) {
    const text = readFileSync(file, 'utf8');
    const parsed = parseYamlFile(text, displayPath(file), treatySchema);
    out.files.push(file);
    if (!parsed.ok) {
      out.issues.push(...parsed.issues);
      continue;
    }
    const id = parsed.value.id;
    if (id !== base(file)) {
      out.issues.push({ code: 'invalid-id', path: ['id'], message: `treaty id "${id}" must match the file name "${base(file)}"`, expected: `id: ${base(file)} (or rename the file to ${id}.yaml)`, received: id, at: parsed.locate(['id']) });
      continue;
    }
    const first = treatyFiles.get(id);
    if (first !== undefined) {
      out.issues.push({ code: 'duplicate', path: ['id'], message: `treaty id "${id}" is already defined by ${first}`, expected: 'one file per treaty id', received: id, at: parsed.locate(['id']) });
      continue;
    }
    treatyFiles.set(id, displayPath(file));
    const compiled = compileTreaty(parsed.value, displayPath(file), withinScalars(text, parsed.locate));
    if (compiled.ok) out.treaties.push(compiled.treaty);
    else out.issues.push(...compiled.issues);
  }
  for (const file of yamlFiles(join(root, 'overlays'))) {
    const v = read(file, overlaySchema, base(file));
    if (v) out.overlays.push(v);
  }
  for (const file of yamlFiles(join(root, 'regions'))) {
    const v = read(file, regionSchema, base(file));
    if (v) out.regions.push(v);
  }
  for (const file of yamlFiles(join(root, 'borders'))) {
    const v = read(file, borderSchema, base(file));
    if (v) out.borders.push(v);
  }
  const sovereigntyFile = join(root, 'base', 'sovereignty.yaml');
  if (existsSync(sovereigntyFile)) {
    const v = read(sovereigntyFile, sovereigntySchema);
    if (v) out.sovereignty = v;
  }
  return out;
}

/** Validates every data file without building anything heavy. */
export function checkKnowledge(root = dataDir()): KnowledgeCheck {
  const parsed = parseAll(root);
  const issues = [...parsed.issues];
  if (issues.length === 0) {
    try {
      buildTerritoryMap({ ...baseInput(), sovereignty: parsed.sovereignty, overlays: parsed.overlays, regions: parsed.regions, borders: parsed.borders });
    } catch (error) {
      issues.push({ code: 'invalid-reference', path: [], message: error instanceof Error ? error.message : String(error) });
    }
  }
  const record = readRecord({ recordDir: join(root, 'record'), treatiesDir: join(root, 'treaties') });
  issues.push(...record.issues);
  const recordFiles = yamlFiles(join(root, 'record'));
  const places = checkPlacesFile(root, new Set(parsed.overlays.map((o) => o.id)));
  issues.push(...places.issues);
  return { files: [...parsed.files, ...recordFiles, ...(places.file ? [places.file] : [])].map(displayPath), issues };
}

/** The base layer's part of the map's input (territory, sea mask, Natural Earth), from the index. */
function baseInput(read: GeometryRead = 'whole') {
  const layer = loadBaseLayer(read);
  return { base: layer.features, baseGrid: layer.grid, sea: layer.sea, naturalEarth: layer.naturalEarth, gridBuilder: cachedPointGrid, borderGeometry: cachedBorderGeometry };
}

let cached: { root: string; knowledge: Knowledge } | undefined;

/**
 * Loads (once per process) and returns the knowledge base; throws a CasusError listing every issue.
 * `geometry: 'on-demand'` suits a command that answers a few points (see GeometryRead).
 */
export function loadKnowledge(root = dataDir(), options: { geometry?: GeometryRead } = {}): Knowledge {
  if (cached?.root === root) return cached.knowledge;
  const parsed = parseAll(root);
  if (parsed.issues.length > 0)
    throw new CasusError('invalid-input', `the knowledge base under ${displayPath(root)} has ${parsed.issues.length} problem(s); run "casus check"`, { issues: parsed.issues });
  const map = buildTerritoryMap({ ...baseInput(options.geometry), sovereignty: parsed.sovereignty, overlays: parsed.overlays, regions: parsed.regions, borders: parsed.borders });
  const knowledge = { treaties: parsed.treaties, map, files: parsed.files.length };
  cached = { root, knowledge };
  return knowledge;
}
