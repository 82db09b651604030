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
import { locateIssues, parseLocatedYaml } from './yaml-locate.js';

/** What reading the record found. */
export interface RecordRead {
  readonly files: number;
  readonly cases: readonly CaseLog[];
  readonly issues: readonly Issue[];
  /** The procedure of every treaty that has record cases (and declares one). */
  readonly procedures: ReadonlyMap<string, Procedure>;
}

/**
 * Reads the whole record. Files come in a stable order (treaty, then file name).
 * @example const { cases, issues } = readRecord(defaultRecordPaths())
 */
export function readRecord(paths: RecordPaths): RecordRead {
  const cases: CaseLog[] = [];
  const issues: Issue[] = [];
  const procedures = new Map<string, Procedure>();
  let files = 0;
  if (!existsSync(paths.recordDir)) return { files, cases, issues, procedures };
  for (const treaty of readdirSync(paths.recordDir).sort()) {
    const dir = join(paths.recordDir, treaty);
    if (!statSync(dir).isDirectory()) continue;
    const read = readProcedure(treaty, paths.treatiesDir);
    if (read.kind === 'procedure') procedures.set(treaty, read.procedure);
    else if (read.kind === 'invalid') issues.push(...read.issues);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort()) {
      files++;
      const file = join(dir, name);
      const parsed = parseLocatedYaml(readFileSync(file, 'utf8'), file);
      if (!parsed.ok) {
        issues.push(...parsed.issues);
        continue;
      }
      const checked = checkRecordCase(parsed.value, procedures.get(treaty), {
        id: basename(name).replace(/\.ya?ml$/, ''),
        treaty,
      });
      if (checked.ok) cases.push(checked.log);
      else issues.push(...locateIssues(checked.issues, parsed.locate));
    }
  }
  return { files, cases, issues, procedures };
}
