/**
 * @module reading
 * The four readings of "whose territory is this?".
 */

/** `recognized`: sovereign under prevailing recognition; `administered`: de-facto control;
 * `claimed`: every claimant; `delimited`: the sovereign only where the border is settled by agreement. */
export type Reading = 'recognized' | 'administered' | 'claimed' | 'delimited';

/** All readings, in the order Casus reports them. */
export const READINGS: readonly Reading[] = ['recognized', 'administered', 'claimed', 'delimited'];

/** True when `s` names a reading. */
export function isReading(s: string): s is Reading {
  return (READINGS as readonly string[]).includes(s);
}
