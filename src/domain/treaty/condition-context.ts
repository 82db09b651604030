/**
 * @module condition-context
 * The CEL environment conditions are compiled in: the only names and functions a treaty file can use.
 * CEL has no loops, I/O or side effects, so a user's treaty file cannot run code or hang.
 */
import { Environment } from '@marcbachmann/cel-js';
import { isState } from '../polity/index.js';

/** Incident fields visible to conditions, with their CEL types. */
export const INCIDENT_FIELDS = {
  date: 'string',
  attacker: 'string',
  target: 'string',
  kind: 'string',
  against: 'string',
  flag: 'string',
  fatalities: 'int',
} as const;

/** Builds the environment every condition is type-checked and evaluated in. */
export function conditionEnvironment(): Environment {
  return new Environment({ limits: { maxAstNodes: 2000, maxDepth: 50, maxListElements: 200, maxMapEntries: 100, maxCallArguments: 8 } })
    .registerType('Incident', { fields: { ...INCIDENT_FIELDS } })
    .registerVariable('incident', 'Incident', { description: 'the incident being assessed; absent facts are absent keys' })
    .registerVariable('territory', 'list<string>', { description: 'polities the evaluated reading gives at the location' })
    .registerVariable('regions', 'list<string>', { description: 'regions containing the location' })
    .registerVariable('reading', 'string', { description: 'the reading being evaluated' })
    .registerVariable('parties', 'list<string>', { description: 'parties on the incident date (members and frozen)' })
    .registerFunction('isState(string): bool', (id: string) => isState(id));
}
