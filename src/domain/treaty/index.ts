export type { TreatyFile } from './treaty-schema.js';
export { treatySchema } from './treaty-schema.js';
export type { Treaty, Provision, ProvisionVersion, Condition, FilePosition } from './treaty.js';
export { compileTreaty, treatyIssuesError, REASON_PLACEHOLDERS } from './check-treaty.js';
export type { PartiesOn } from './parties-on.js';
export { partiesOn } from './parties-on.js';
export { conditionEnvironment, INCIDENT_FIELDS } from './condition-context.js';
export { treatyJsonSchema } from './treaty-json-schema.js';
export { ConditionError } from './compile-condition.js';
