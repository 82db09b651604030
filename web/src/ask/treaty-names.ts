/**
 * @module treaty-names
 * How the app names treaties and provisions in sentences: "CSTO Art. 4 — Collective defence".
 */
import type { Status, Treaty } from '../api/types.js';

/** "CSTO Art. 4" (the article as the treaty numbers it: US–Japan Art. V). */
export function provisionLabel(treaties: readonly Treaty[], treaty: string, provision: string): string {
  const t = treaties.find((x) => x.id === treaty);
  const p = t?.provisions.find((x) => x.id === provision);
  return `${t?.short ?? treaty} Art. ${p?.article ?? provision.replace(/^art-/, '')}`;
}

/** The provision's title, when the treaty file gives one. */
export function provisionTitle(treaties: readonly Treaty[], treaty: string, provision: string): string | undefined {
  return treaties.find((x) => x.id === treaty)?.provisions.find((x) => x.id === provision)?.title;
}

/** A status in words. */
export const STATUS_WORDS: Record<Status, string> = {
  triggered: 'triggered',
  'not-triggered': 'not triggered',
  undetermined: 'undetermined',
};
