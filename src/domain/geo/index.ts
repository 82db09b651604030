export type { Ring, RingSet } from './ring.js';
export { normalizeRings, ringsContain, ringSetArea } from './ring.js';
export type { GridFeature, PointGrid } from './point-grid.js';
export { buildPointGrid, gridLookup, gridLookupAll } from './point-grid.js';
