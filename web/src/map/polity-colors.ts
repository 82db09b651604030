/**
 * @module polity-colors
 * A stable, distinguishable fill colour for each polity id, so the same state has the same colour
 * under every reading and on every date; "contested" and "undetermined" get their own patterns.
 */

// A soft categorical palette: territories stay readable under the outlines and zones drawn on top.
const PALETTE = [
  '#c9d8a8', '#f1d1a6', '#c8c2e0', '#f4c6c6', '#b9dcd6', '#e6d9a2', '#d7c4b0', '#c3d3ea',
  '#e2c2dc', '#cfe3b8', '#f0e0b8', '#bcd0c7', '#dcc9a4', '#c7c9d9', '#e9cfc0', '#b8d6e6',
];

/** No polity: sea, or a place no state holds. */
export const NONE_COLOR = '#eef1f4';

/** Colour of one polity id (ISO alpha-3, entity:…, non-state:…). */
export function polityColor(id: string | undefined | null): string {
  if (!id) return NONE_COLOR;
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return PALETTE[(h >>> 0) % PALETTE.length]!;
}
