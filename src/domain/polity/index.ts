export type { PolityId } from './polity-id.js';
export { isState, isPolityId, polityName, alpha3FromNumeric } from './polity-id.js';
export type { PartyPeriods, PartiesOn } from './party-standing.js';
export { standingOn, isPairSuspended } from './party-standing.js';
