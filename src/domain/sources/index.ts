export type { Source } from './source.js';
export { sourceSchema } from './source.js';
