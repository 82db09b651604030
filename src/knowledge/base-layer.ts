/**
 * @module base-layer
 * The Natural Earth base features, read once per process.
 */
import type { BaseFeature } from '../domain/territory/index.js';
import { loadNaturalEarth } from './natural-earth.js';

let features: readonly BaseFeature[] | undefined;

/** The base layer's features, sorted by name (stable across runs and input orders). */
export function loadBaseLayer(): readonly BaseFeature[] {
  features ??= loadNaturalEarth();
  return features;
}
