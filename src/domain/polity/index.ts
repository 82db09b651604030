export type { PolityId } from './polity-id.js';
export { isState, isPolityId, polityName, alpha3FromNumeric } from './polity-id.js';
