/**
 * @module base-layer
 * The base layer (territory, sea mask, Natural Earth), read once per process from the territory index.
 */
import { cachedBaseLayer, type BaseLayer, type GeometryRead } from './base-layer-cache.js';

let layer: BaseLayer | undefined;

/**
 * The base layer; builds the territory index first if it is missing (saying so on stderr). The first
 * call decides how the index is read; a layer read on demand answers every later lookup too.
 */
export function loadBaseLayer(read: GeometryRead = 'whole'): BaseLayer {
  layer ??= cachedBaseLayer((why) => process.stderr.write(`casus: building the territory index once (about 5 s; ${why})…\n`), read);
  return layer;
}
