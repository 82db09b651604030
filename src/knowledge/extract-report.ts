/**
 * @module extract-report
 * Extraction with the knowledge base: drafts read from a report, each place located at the draft's
 * date under every reading, and (on request) each draft assessed. CLI, API and bench share it.
 */
import type { Assessment, AssessOptions, Incident } from '../domain/assessment/index.js';
import { draftIncident, extractDrafts, type DraftIncident, type Extraction, type ExtractOptions } from '../domain/extraction/index.js';
import { locate, type Location } from '../domain/territory/index.js';
import { assessIncident } from './assess-incident.js';
import { loadExtractionTables } from './load-gazetteer.js';
import { loadKnowledge, type Knowledge } from './load-knowledge.js';

/** A draft with the territory its place lies in at its date, and the incident to assess. */
export interface LocatedDraft extends DraftIncident {
  /** Where the place lies, per reading, at the draft's date (null without place or date). */
  readonly location: Location | null;
  /** The incident the draft describes (null without a date), ready for `casus assess`. */
  readonly incident: Incident | null;
  readonly assessment?: Assessment;
}

/** A report's extraction, drafts located (and assessed when asked). */
export interface ReportExtraction extends Omit<Extraction, 'drafts'> {
  readonly drafts: readonly LocatedDraft[];
}

/**
 * Reads drafts in `text`, locates their places; with `assess`, assesses each dated draft.
 * @example extractReport('Azerbaijani forces shelled Jermuk on 13 September 2022.').drafts[0]?.location?.recognized // ['ARM']
 */
export function extractReport(text: string, options: ExtractOptions & { assess?: AssessOptions | boolean; knowledge?: Knowledge } = {}): ReportExtraction {
  const extraction = extractDrafts(text, loadExtractionTables(), options);
  const knowledge = extraction.drafts.length > 0 ? (options.knowledge ?? loadKnowledge()) : undefined;
  const drafts = extraction.drafts.map((d): LocatedDraft => {
    const incident = draftIncident(d) ?? null;
    const location = knowledge && incident?.at ? locate(knowledge.map, incident.at[0], incident.at[1], incident.date) : null;
    const assess = options.assess;
    if (!assess || incident === null || knowledge === undefined) return { ...d, location, incident };
    return { ...d, location, incident, assessment: assessIncident(incident, assess === true ? {} : assess, knowledge) };
  });
  return { ...extraction, drafts };
}
