/**
 * @module polity-colors
 * A stable, distinguishable fill colour for each polity id, so the same state has the same colour
 * under every reading and on every date; "contested" and "undetermined" get their own patterns.
 */

// A soft categorical palette: territories stay readable under the outlines and zones drawn on top.
const PALETTE = [
  '#c9dd9f', // green
  '#f6c992', // orange
  '#c9bde8', // violet
  '#f3b6c2', // pink
  '#9fd6cc', // teal
  '#efe08a', // yellow
  '#a9c6ef', // blue
  '#d9b48f', // tan
  '#d7a9d9', // mauve
  '#b4d7a8', // sage
]

/** No polity: sea, or a place no state holds. */
export const NONE_COLOR = '#eef1f4';

/**
 * Colours for the polities of a map such that no two neighbours share one: greedy colouring of the
 * polity adjacency graph, most-connected first (16 colours are far more than a world map needs).
 */
export function assignColors(polities: readonly (string | null)[], neighbours: readonly (readonly number[])[]): Map<string, string> {
  const adjacent = new Map<string, Set<string>>();
  polities.forEach((p, i) => {
    if (!p) return;
    const set = adjacent.get(p) ?? new Set<string>();
    for (const j of neighbours[i] ?? []) {
      const q = polities[j];
      if (q && q !== p) set.add(q);
    }
    adjacent.set(p, set);
  });
  const order = [...adjacent.keys()].sort((a, b) => adjacent.get(b)!.size - adjacent.get(a)!.size || a.localeCompare(b));
  const colour = new Map<string, number>();
  for (const p of order) {
    const taken = new Set([...adjacent.get(p)!].map((q) => colour.get(q)));
    // Start from the polity's own hashed colour, so the choice is stable and varied.
    const start = hashIndex(p);
    let k = 0;
    while (k < PALETTE.length && taken.has((start + k) % PALETTE.length)) k++;
    colour.set(p, (start + k) % PALETTE.length);
  }
  return new Map([...colour].map(([p, k]) => [p, PALETTE[k]!]));
}

function hashIndex(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % PALETTE.length;
}

/** Colour of one polity id (ISO alpha-3, entity:…, non-state:…): its assigned colour, else a hashed one. */
export function polityColor(id: string | undefined | null, assigned?: ReadonlyMap<string, string>): string {
  if (!id) return NONE_COLOR;
  const a = assigned?.get(id);
  if (a) return a;
  return PALETTE[hashIndex(id)]!;
}
