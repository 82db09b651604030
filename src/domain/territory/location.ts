/**
 * @module location
 * The answer to "where is this point, at this date": one list of polities per reading, plus regions.
 */
import type { Reading } from './reading.js';

/** What lies at a point: land, a state's territorial sea (or internal waters), or the sea beyond. */
export type Surface = 'land' | 'territorial-sea' | 'sea';

/** The location object of the JSON answers. Lists are sorted; empty at sea beyond any territorial sea. */
export interface Location {
  readonly recognized: readonly string[];
  readonly administered: readonly string[];
  readonly claimed: readonly string[];
  readonly delimited: readonly string[];
  /** Land, territorial sea (the readings apply there as on land), or sea beyond. */
  readonly surface: Surface;
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
