/**
 * @module base-layer
 * The base layer (territory, sea mask, Natural Earth), read once per process from the territory index.
 */
import { cachedBaseLayer, type BaseLayer } from './base-layer-cache.js';

let layer: BaseLayer | undefined;

/** The base layer; builds the territory index first if it is missing (saying so on stderr). */
export function loadBaseLayer(): BaseLayer {
  layer ??= cachedBaseLayer((why) => process.stderr.write(`casus: building the territory index once (about 5 s; ${why})…\n`));
  return layer;
}
