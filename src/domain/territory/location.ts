/**
 * @module location
 * The answer to "where is this point, at this date": one list of polities per reading, plus regions.
 */
import type { Reading } from './reading.js';

/** BRIEF's `location` object. Lists are sorted; empty at sea. */
export interface Location {
  readonly recognized: readonly string[];
  readonly administered: readonly string[];
  readonly claimed: readonly string[];
  readonly delimited: readonly string[];
  readonly regions: readonly string[];
  /** Ids of the status overlays in force at the point (the one that decided first). */
  readonly overlays: readonly string[];
  /** Readings whose answer is unknown here (`delimited` near an undelimited border). */
  readonly undetermined: readonly Reading[];
  /** One-line notes explaining overlays, undelimited borders and dependent territories. */
  readonly notes: readonly string[];
}

/** The polities a reading gives, or `undefined` where that reading's answer is unknown. */
export function territoryFor(location: Location, reading: Reading): readonly string[] | undefined {
  return location.undetermined.includes(reading) ? undefined : location[reading];
}
