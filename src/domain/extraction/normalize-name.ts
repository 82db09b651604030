/**
 * @module normalize-name
 * The one normalization place names and actor words share, so that a gazetteer key and a word of
 * the report compare equal: case, diacritics, apostrophes and hyphens do not matter.
 */

/** `"Nagorno-Karabakh"` → `"nagorno karabakh"`, `"Bakı"` → `"baki"`, `"Armenia’s"` → `"armenia's"`. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}
