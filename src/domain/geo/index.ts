export type { Ring, RingSet } from './ring.js';
export { normalizeRings, ringsContain, ringSetArea } from './ring.js';
export type { GridFeature, PointGrid } from './point-grid.js';
export { buildPointGrid, gridLookup, gridLookupAll, readEdgesOnDemand } from './point-grid.js';
export type { EdgeBuckets } from './edge-buckets.js';
export { bucketEdges, edgesNear } from './edge-buckets.js';
export { sharedEdges } from './shared-edges.js';
