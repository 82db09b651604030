/**
 * @module event-rules
 * Kind of incident and object attacked from the event types of ACLED and UCDP GED (docs/import.md
 * lists them with reasons). A type that is not in the table is a reject, never a guess.
 */
import type { ATTACKED_OBJECTS, INCIDENT_KINDS } from '../domain/assessment/index.js';

/** The incident kinds (docs/json.md#incident). */
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
/** The objects attacked (docs/json.md#incident). */
export type AttackedObject = (typeof ATTACKED_OBJECTS)[number];

interface Rule {
  readonly kind: IncidentKind;
  readonly against: AttackedObject;
}

/**
 * ACLED's six event types (ACLED Codebook, "Event types and sub-event types"). Political violence by
 * armed actors reads as an armed attack on territory; demonstrations as internal unrest; strategic
 * developments (agreements, arrests, bases established, …) as a threat at most.
 */
const ACLED_EVENT_TYPES: Readonly<Record<string, Rule>> = {
  Battles: { kind: 'armed-attack', against: 'forces' },
  'Explosions/Remote violence': { kind: 'armed-attack', against: 'territory' },
  'Violence against civilians': { kind: 'armed-attack', against: 'territory' },
  Protests: { kind: 'internal-unrest', against: 'territory' },
  Riots: { kind: 'internal-unrest', against: 'territory' },
  'Strategic developments': { kind: 'threat', against: 'territory' },
};

/**
 * Sub-event types that say more than their event type: taking territory is an attack on territory
 * (not on forces); a suicide bombing or a remote explosive is how terrorist attacks are coded; a
 * non-violent transfer of territory is an incursion.
 */
const ACLED_SUB_EVENT_TYPES: Readonly<Record<string, Partial<Rule>>> = {
  'Armed clash': { against: 'forces' },
  'Government regains territory': { against: 'territory' },
  'Non-state actor overtakes territory': { against: 'territory' },
  'Suicide bomb': { kind: 'terrorist-attack' },
  'Remote explosive/landmine/IED': { kind: 'terrorist-attack' },
  'Non-violent transfer of territory': { kind: 'incursion' },
};

/** ACLED: the event type's rule, refined by the sub-event type. */
export function classifyAcled(eventType: string, subEventType: string): Rule | undefined {
  const base = ACLED_EVENT_TYPES[eventType];
  if (!base) return undefined;
  const sub = ACLED_SUB_EVENT_TYPES[subEventType];
  return sub ? { ...base, ...sub } : base;
}

/**
 * UCDP GED's type_of_violence: 1 state-based conflict (fighting between armed forces), 2 non-state
 * conflict, 3 one-sided violence against civilians (UCDP GED codebook, "type_of_violence").
 */
const UCDP_TYPES: Readonly<Record<string, Rule>> = {
  '1': { kind: 'armed-attack', against: 'forces' },
  '2': { kind: 'armed-attack', against: 'territory' },
  '3': { kind: 'armed-attack', against: 'territory' },
};

/** UCDP GED: by type_of_violence (there is no sub-event type). */
export function classifyUcdp(typeOfViolence: string): Rule | undefined {
  return UCDP_TYPES[typeOfViolence.trim()];
}
