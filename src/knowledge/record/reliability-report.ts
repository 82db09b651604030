/**
 * @module reliability-report
 * The reliability report over the case files in the database: list them, replay each through its
 * treaty's procedure, compute. One function for `casus reliability` and the API's /v1/reliability.
 */
import type { Kysely } from 'kysely';
import {
  computeReliability,
  replayCaseOrThrow,
  type AssessIncident,
  type CaseOrigin,
  type Procedure,
  type ReliabilityReport,
} from '../../domain/casefile/index.js';
import { listCaseLogs, type Database } from '../../storage/index.js';
import { assertTreatyWithProcedure, loadProcedure } from './read-procedure.js';
import { defaultRecordPaths } from './record-paths.js';

/** What {@link reliabilityReport} covers. */
export interface ReliabilityOptions {
  /** Only this treaty; an id without a case-file procedure is `invalid-input` naming `treatyField`. */
  readonly treaty?: string | undefined;
  /** Which case files (default `record`). */
  readonly origin?: CaseOrigin | 'all' | undefined;
  /** Where the treaty files are (default: data/treaties or $CASUS_DATA/treaties). */
  readonly treatiesDir?: string | undefined;
  /** The assessment engine; without it "triggered" says "assessment unavailable". */
  readonly assess?: AssessIncident | undefined;
  /** The name the caller's user typed for the treaty filter (`--treaty`, `treaty`). */
  readonly treatyField?: string | undefined;
}

/**
 * The reliability report for the case files in `db`.
 * @example const report = await reliabilityReport(db, { treaty: 'csto', assess: assessCaseIncident })
 */
export async function reliabilityReport(db: Kysely<Database>, options: ReliabilityOptions = {}): Promise<ReliabilityReport> {
  const treatiesDir = options.treatiesDir ?? defaultRecordPaths().treatiesDir;
  if (options.treaty !== undefined) assertTreatyWithProcedure(options.treaty, treatiesDir, options.treatyField ?? 'treaty');
  const origin = options.origin ?? 'record';
  const logs = await listCaseLogs(db, { treaty: options.treaty, origin: origin === 'all' ? undefined : origin });
  const procedures = new Map<string, Procedure>();
  const procedureOf = (treaty: string): Procedure => {
    let p = procedures.get(treaty);
    if (!p) procedures.set(treaty, (p = loadProcedure(treaty, treatiesDir)));
    return p;
  };
  return computeReliability(
    logs.map((log) => replayCaseOrThrow(log, procedureOf(log.treaty))),
    { assess: options.assess },
  );
}
