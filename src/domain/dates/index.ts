export type { IsoDate } from './iso-date.js';
export { isIsoDate, daysBetween, nextDay, today } from './iso-date.js';
export type { Period, AtDate } from './dated.js';
export { isoDateSchema } from './date-schema.js';
export { covers, valueAt, overlappingPeriods } from './dated.js';
export { dateCuts, spanOf } from './date-spans.js';
