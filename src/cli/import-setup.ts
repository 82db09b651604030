/**
 * @module import-setup
 * The settings of an import that the main thread checks once and every worker rebuilds from: the
 * format, the header, the actor map's text, the output kind. Plain data, so it crosses to workers.
 */
import { CasusError } from '../domain/errors.js';
import { cachedStatuses, planStatuses } from '../domain/assessment/index.js';
import { READINGS, type Reading } from '../domain/territory/index.js';
import type { Knowledge } from '../knowledge/index.js';
import { ACLED, UCDP_GED, fieldIndex, mappedCsv, parseActorMap, type EventField, type SourceFormat } from '../importers/index.js';
import type { PieceContext } from './import-piece.js';

/** The input formats, by --format name. */
export const FORMAT_IDS = ['acled', 'ucdp-ged', 'csv'] as const;
/** One format name. */
export type FormatId = (typeof FORMAT_IDS)[number];

/** What every worker needs to know; also kept in the checkpoint, so a resume runs the same import. */
export interface ImportSetup {
  readonly format: FormatId;
  readonly map: Readonly<Partial<Record<EventField, string>>>;
  readonly header: readonly string[];
  readonly file: string;
  readonly actorsText: string;
  readonly actorsFile: string;
  readonly unknownActorsAsNonState: boolean;
  readonly output: 'csv' | 'jsonl';
  readonly store: boolean;
  readonly readings: readonly Reading[];
}

/** The format object for a setup. */
export function formatOf(setup: Pick<ImportSetup, 'format' | 'map'>): SourceFormat {
  return setup.format === 'acled' ? ACLED : setup.format === 'ucdp-ged' ? UCDP_GED : mappedCsv(setup.map);
}

/** Builds a worker's context; throws invalid-input for a bad header or actor map. */
export function pieceContext(setup: ImportSetup, knowledge: Knowledge): PieceContext {
  const format = formatOf(setup);
  const index = fieldIndex(setup.header, format, setup.file);
  const actors = parseActorMap(setup.actorsText, setup.actorsFile);
  if (!actors.ok) throw new CasusError('invalid-input', `--actors: ${setup.actorsFile} has ${actors.issues.length} problem(s)`, { issues: actors.issues });
  const plan = planStatuses(knowledge.treaties, setup.readings.length > 0 ? setup.readings : READINGS);
  return {
    rules: { format, index, columns: setup.header.length, actors: actors.map, unknownActorsAsNonState: setup.unknownActorsAsNonState },
    knowledge,
    plan,
    statusesOf: cachedStatuses(plan),
    labels: plan.slots.map((s) => `${s.treaty}:${s.provision}:${s.reading}`),
    readingColumn: plan.readings.map((r) => READINGS.indexOf(r)),
    output: setup.output,
    store: setup.store,
  };
}
