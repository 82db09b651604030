/**
 * @module casefile-fixtures
 * A small procedure and case header for the case-file unit tests (the same table as the fixture file
 * test/fixtures/record/data/treaties/csto.yaml).
 */
import { procedureSchema, type CaseEvent, type CaseHeader, type EventType, type Outcome, type Procedure } from '../../src/domain/casefile/index.js';

export const TEST_PROCEDURE: Procedure = procedureSchema.parse({
  initial: 'recorded',
  states: {
    recorded: { label: 'Incident recorded' },
    applied: { label: 'Application lodged' },
    consulting: { label: 'Consultations under way' },
    decided: { label: 'Decision taken' },
    mission: { label: 'Mission on the ground' },
    assisting: { label: 'Assistance being provided' },
    withdrawn: { label: 'Assistance withdrawn' },
    closed: { label: 'Closed', final: true },
  },
  transitions: [
    { from: 'recorded', on: 'incident-recorded', to: 'recorded' },
    { from: 'recorded', on: 'application-lodged', to: 'applied' },
    { from: ['recorded', 'applied', 'consulting', 'decided'], on: 'consultations-convened', to: 'consulting' },
    { from: ['applied', 'consulting', 'decided', 'mission'], on: 'decision-taken', to: 'decided' },
    { from: ['decided', 'mission'], on: 'mission-dispatched', to: 'mission' },
    { from: ['decided', 'mission', 'assisting'], on: 'assistance-provided', to: 'assisting' },
    { from: 'assisting', on: 'assistance-withdrawn', to: 'withdrawn' },
    { from: ['applied', 'consulting', 'decided'], on: 'application-withdrawn', to: 'closed' },
    { from: ['recorded', 'applied', 'consulting', 'decided', 'mission', 'withdrawn'], on: 'closed', to: 'closed' },
  ],
  source: { title: 'Fixture procedure', url: 'https://example.org/procedure' },
});

export const TEST_HEADER: CaseHeader = {
  id: 'test-case',
  treaty: 'csto',
  title: 'Test case',
  incident: { date: '2022-09-13', at: [39.84, 45.67], attacker: 'AZE', target: 'ARM', kind: 'armed-attack', against: 'territory' },
  origin: 'user',
};

const SOURCE = [{ title: 'T', url: 'https://example.org' }];

/** What varies between suites in a minimal event: who applies, under which provision, what is decided. */
export interface MinimalEventChoices {
  readonly by: string;
  readonly provision?: string;
  readonly outcome: Outcome;
}

/** The smallest valid event of each type, sourced, for procedure tests. */
export function minimalEvent(type: EventType, date: string, choices: MinimalEventChoices): CaseEvent {
  switch (type) {
    case 'application-lodged':
      return { type, date, sources: SOURCE, by: [choices.by], ...(choices.provision ? { provision: choices.provision } : {}), request: 'help' };
    case 'consultations-convened':
      return { type, date, sources: SOURCE, body: 'Council' };
    case 'decision-taken':
      return { type, date, sources: SOURCE, body: 'Council', outcome: choices.outcome };
    case 'mission-dispatched':
      return { type, date, sources: SOURCE, what: 'mission' };
    case 'assistance-provided':
      return { type, date, sources: SOURCE, kind: 'military' };
    case 'closed':
      return { type, date, sources: SOURCE, reason: 'over' };
    default:
      return { type, date, sources: SOURCE };
  }
}
