/**
 * @module base-layer
 * The Natural Earth base features and their point grid, read once per process.
 */
import { cachedBaseLayer, type BaseLayer } from './base-layer-cache.js';

let layer: BaseLayer | undefined;

/** The base layer (features sorted by name: stable across runs and input orders) with its grid. */
export function loadBaseLayer(): BaseLayer {
  layer ??= cachedBaseLayer();
  return layer;
}
