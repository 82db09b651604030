/**
 * @module arguments
 * Parsing of the arguments several commands share. Each failure names the argument and the form
 * expected, and becomes exit code 2.
 */
import { invalidInput } from '../domain/errors.js';
import { isIsoDate } from '../domain/dates/index.js';
import { isPolityId } from '../domain/polity/index.js';
import { isReading, READINGS, type Reading } from '../domain/territory/index.js';

/** `--at LAT,LON` in decimal degrees. */
export function parseAt(value: string, name = '--at'): [number, number] {
  const parts = value.split(',').map((s) => s.trim());
  const [lat, lon] = parts.map(Number);
  if (parts.length !== 2 || lat === undefined || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon) || parts.some((p) => p === ''))
    throw invalidInput(name, 'LAT,LON in decimal degrees, e.g. 40.93,45.42', value);
  if (lat < -90 || lat > 90) throw invalidInput(name, 'a latitude between -90 and 90 (LAT,LON order)', value);
  if (lon < -180 || lon > 180) throw invalidInput(name, 'a longitude between -180 and 180 (LAT,LON order)', value);
  return [lat, lon];
}

/** `--date YYYY-MM-DD`, a real calendar date not before 1945-01-01. */
export function parseDate(value: string, name = '--date'): string {
  if (!isIsoDate(value)) throw invalidInput(name, 'a date YYYY-MM-DD, e.g. 2020-07-12', value);
  if (value < '1945-01-01') throw invalidInput(name, 'a date on or after 1945-01-01 (Casus covers the UN Charter era)', value);
  return value;
}

/** A polity id argument. */
export function parsePolity(value: string, name: string): string {
  if (!isPolityId(value)) throw invalidInput(name, 'a polity id: ISO 3166-1 alpha-3 (ARM), XKX, non-state:<slug> or entity:<slug>', value);
  return value;
}

/** `--reading R|all`. */
export function parseReadings(value: string | undefined): readonly Reading[] {
  if (value === undefined || value === 'all') return READINGS;
  const list = value.split(',').map((s) => s.trim());
  for (const r of list) if (!isReading(r)) throw invalidInput('--reading', `one of ${READINGS.join(', ')} or all`, r);
  return list as Reading[];
}

/** A value from a closed list. */
export function parseChoice<T extends string>(value: string, name: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) throw invalidInput(name, `one of ${choices.join(', ')}`, value);
  return value as T;
}
