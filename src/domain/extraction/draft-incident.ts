/**
 * @module draft-incident
 * A reviewed draft as the Incident the assessment takes: found fields fill it, unknown fields stay
 * absent (so findings that need them are undetermined). Without a date there is nothing to assess.
 */
import type { Incident } from '../assessment/index.js';
import type { DraftIncident } from './draft.js';

/** The incident a draft describes, or undefined when its date is unknown. */
export function draftIncident(d: DraftIncident): Incident | undefined {
  if (d.date.status !== 'found') return undefined;
  return {
    date: d.date.value.value,
    ...(d.place.status === 'found' ? { at: [d.place.value.at[0], d.place.value.at[1]] as [number, number] } : {}),
    ...(d.attacker.status === 'found' ? { attacker: d.attacker.value } : {}),
    ...(d.target.status === 'found' ? { target: d.target.value } : {}),
    kind: d.kind.status === 'found' ? d.kind.value : 'armed-attack',
    against: d.against.status === 'found' ? d.against.value : 'territory',
    ...(d.application.status === 'found' ? { requestedBy: [d.application.value.by] } : {}),
  };
}
