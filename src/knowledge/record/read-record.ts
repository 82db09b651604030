/**
 * @module read-record
 * Reads every `<recordDir>/<treaty>/<id>.yaml`, validates it (shape, sources, the treaty's procedure)
 * and returns the valid case logs plus every issue found, each with file, line and path.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { checkRecordCase, type CaseLog, type Procedure } from '../../domain/casefile/index.js';
import type { Issue } from '../../domain/errors.js';
import { readProcedure } from './read-procedure.js';
import type { RecordPaths } from './record-paths.js';
import { locateIssues, parseLocatedYaml } from '../yaml-locate.js';

/** What reading the record found. */
export interface RecordRead {
  readonly files: number;
  readonly cases: readonly CaseLog[];
  readonly issues: readonly Issue[];
  /** The procedure of every treaty that has record cases (and declares one). */
  readonly procedures: ReadonlyMap<string, Procedure>;
}

/** A record file found on disk, named by its folder (treaty) and file name (id), not yet read. */
export interface RecordEntry {
  readonly treaty: string;
  readonly id: string;
  readonly file: string;
}

/**
 * Lists the record files without reading them (a directory listing: cheap enough for every start).
 * @example recordEntries(defaultRecordPaths()).map((e) => e.id).includes('csto-2022-armenia-jermuk')
 */
export function recordEntries(paths: RecordPaths): RecordEntry[] {
  if (!existsSync(paths.recordDir)) return [];
  const out: RecordEntry[] = [];
  for (const treaty of readdirSync(paths.recordDir).sort()) {
    const dir = join(paths.recordDir, treaty);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort())
      out.push({ treaty, id: basename(name).replace(/\.ya?ml$/, ''), file: join(dir, name) });
  }
  return out;
}

/**
 * Reads the whole record, or only the entries `only` accepts. Files come in a stable order (treaty,
 * then file name).
 * @example const { cases, issues } = readRecord(defaultRecordPaths())
 */
export function readRecord(paths: RecordPaths, options: { readonly only?: (entry: RecordEntry) => boolean } = {}): RecordRead {
  const cases: CaseLog[] = [];
  const issues: Issue[] = [];
  const procedures = new Map<string, Procedure>();
  let files = 0;
  const seen = new Set<string>();
  for (const entry of recordEntries(paths)) {
    if (options.only && !options.only(entry)) continue;
    const { treaty, id, file } = entry;
    if (!seen.has(treaty)) {
      seen.add(treaty);
      const read = readProcedure(treaty, paths.treatiesDir);
      if (read.kind === 'procedure') procedures.set(treaty, read.procedure);
      else if (read.kind === 'invalid') issues.push(...read.issues);
    }
    files++;
    const parsed = parseLocatedYaml(readFileSync(file, 'utf8'), file);
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      continue;
    }
    const checked = checkRecordCase(parsed.value, procedures.get(treaty), { id, treaty });
    if (checked.ok) cases.push(checked.log);
    else issues.push(...locateIssues(checked.issues, parsed.locate));
  }
  return { files, cases, issues, procedures };
}
