/**
 * @module case-verdict
 * One line that says how a case went: "applied within 3 days; assistance agreed the same day;
 * peacekeeping assistance delivered within 1 day; withdrawn".
 */
import { daysBetween } from '../dates/index.js';
import type { Outcome } from './case-event.js';
import { caseCompliance } from './case-compliance.js';
import type { CaseFile } from './case-file.js';
import { caseLatencies } from './case-latencies.js';
import { stateLabel } from './procedure-schema.js';

const OUTCOME_WORDS: Readonly<Record<Outcome, string>> = {
  assistance: 'assistance agreed',
  mission: 'mission agreed',
  statement: 'statement only',
  consultations: 'consultations only',
  declined: 'request declined',
  deferred: 'decision deferred',
  other: 'decision taken',
};

/** "the same day", "within 1 day", "within 12 days". */
export function within(days: number): string {
  return days === 0 ? 'the same day' : `within ${days} day${days === 1 ? '' : 's'}`;
}

/**
 * The verdict line, optionally prefixed by what the assessment said ("triggered on every reading").
 * @example caseVerdict(armenia2022, 'triggered on every reading')
 *   === 'triggered on every reading; applied the same day; mission agreed within 15 days; mission only, no assistance'
 */
export function caseVerdict(file: CaseFile, triggered?: string): string {
  const c = caseCompliance(file);
  const l = caseLatencies(file);
  const parts: string[] = triggered ? [triggered] : [];
  if (c.applied && l.afterIncident.application !== undefined) parts.push(`applied ${within(l.afterIncident.application)}`);
  else parts.push('no application');
  if (!c.applied && c.consulted) parts.push('consultations held');
  // The first decision is what the latency measures; a later, different one is said with its own date.
  const firstDecision = c.decisions[0];
  const lastDecision = c.decisions.at(-1);
  if (firstDecision && l.dates.decision) {
    // Counted from the application, unless the first decision came before it (then from the incident).
    const afterApplication = l.dates.application !== undefined && l.dates.application <= l.dates.decision;
    const from = afterApplication ? l.dates.application : l.dates.incident;
    const days = daysBetween(from, l.dates.decision);
    const before = c.applied && !afterApplication ? ' (before the application)' : '';
    parts.push(`${OUTCOME_WORDS[firstDecision.outcome]} ${within(days)}${before}`);
    if (lastDecision && lastDecision !== firstDecision && lastDecision.outcome !== firstDecision.outcome)
      parts.push(`then ${OUTCOME_WORDS[lastDecision.outcome]} on ${lastDecision.date}`);
  } else if (c.applied) parts.push('no decision recorded');
  if (c.delivered === 'assistance') {
    const kinds = [...new Set(c.assistance.map((a) => a.kind))].join(' and ');
    const days = l.afterIncident.delivery;
    parts.push(`${kinds} assistance delivered${days === undefined ? '' : ` ${within(days)} of the incident`}`);
  } else if (c.delivered === 'mission') parts.push('mission only, no assistance');
  else if (c.applied) parts.push('nothing delivered');
  if (c.assistanceWithdrawn) parts.push(`assistance withdrawn ${c.assistanceWithdrawn}`);
  if (c.applicationWithdrawn) parts.push(`application withdrawn ${c.applicationWithdrawn}`);
  if (!file.procedure.states[file.state]?.final) parts.push(`open (${stateLabel(file.procedure, file.state)})`);
  return parts.join('; ');
}
