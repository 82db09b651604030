/**
 * @module condition-context
 * The CEL environment conditions are compiled in: the only names and functions a treaty file can use.
 * CEL has no I/O and no side effects, so a condition cannot run code or read files; it can still be
 * slow (cel-js has no cost limit), so check-treaty also holds every condition to the whitelist of
 * condition-grammar.ts, which bounds its cost by the size of the expression and of the context lists.
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
  requestedBy: 'list<string>',
} as const;

/** The names a condition can read, with their CEL types and meaning (docs/treaty-format.md lists the same). */
export const CONTEXT_VARIABLES = {
  incident: { type: 'Incident', description: 'the incident being assessed; absent facts are absent keys' },
  territory: { type: 'list<string>', description: 'polities the evaluated reading gives at the location' },
  regions: { type: 'list<string>', description: 'regions containing the location' },
  reading: { type: 'string', description: 'the reading being evaluated' },
  parties: { type: 'list<string>', description: 'parties on the incident date (members and frozen)' },
} as const;

/** Helper functions Casus adds to CEL. */
export const HELPER_FUNCTIONS = ['isState'] as const;

/** Builds the environment every condition is type-checked and evaluated in. */
export function conditionEnvironment(): Environment {
  let env = new Environment({ limits: { maxAstNodes: 2000, maxDepth: 50, maxListElements: 200, maxMapEntries: 100, maxCallArguments: 8 } }).registerType('Incident', {
    fields: { ...INCIDENT_FIELDS },
  });
  for (const [name, v] of Object.entries(CONTEXT_VARIABLES)) env = env.registerVariable(name, v.type, { description: v.description });
  return env.registerFunction('isState(string): bool', (id: string) => isState(id));
}
