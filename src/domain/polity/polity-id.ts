/**
 * @module polity-id
 * Polity ids: ISO 3166-1 alpha-3 for states, `non-state:<slug>` and `entity:<slug>` for the rest.
 */
import countries from 'i18n-iso-countries';

/** A polity id: `ARM`, `XKX`, `non-state:isis-k`, `entity:artsakh`. */
export type PolityId = string;

/** Codes treated as states although ISO 3166-1 has no entry (Kosovo's user-assigned code). */
const EXTRA_STATES: ReadonlySet<string> = new Set(['XKX']);

const SLUG = /^(non-state|entity):[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True when `id` is a state: an assigned ISO 3166-1 alpha-3 code (or XKX). */
export function isState(id: string): boolean {
  return /^[A-Z]{3}$/.test(id) && (EXTRA_STATES.has(id) || countries.isValid(id));
}

/** True when `id` is any well-formed polity id. */
export function isPolityId(id: string): boolean {
  return isState(id) || SLUG.test(id);
}

/** English display name: "Armenia (ARM)", "entity:artsakh". */
export function polityName(id: PolityId): string {
  if (id === 'XKX') return 'Kosovo (XKX)';
  if (!isState(id)) return id;
  const name = countries.getName(id, 'en', { select: 'official' });
  return name ? `${name} (${id})` : id;
}

/** Alpha-3 code for an ISO 3166-1 numeric code ("051" → "ARM"), if assigned. */
export function alpha3FromNumeric(numeric: string): string | undefined {
  return countries.numericToAlpha3(numeric);
}
