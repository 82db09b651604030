export type { ZonesQuery, ZoneProperties, ZonesKnowledge } from './provision-zones.js';
export { provisionZones } from './provision-zones.js';
