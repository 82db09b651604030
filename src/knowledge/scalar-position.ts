/**
 * @module scalar-position
 * Positions inside a YAML string value (a CEL error at character 17 of `expr:`), for values whose
 * characters map one to one onto the file: single-line plain, single-quoted or double-quoted scalars
 * without escapes. Anything else (block scalars, folded lines, escapes) keeps the value's start.
 */
import type { SourcePosition } from './yaml-file.js';

type Path = readonly (string | number)[];

/** Where a character of a string value lies, given where the value starts. */
export type LocateWithin = (path: Path, within?: { readonly value: string; readonly offset: number }) => SourcePosition;

/**
 * Extends `locate` (the value's start) to characters inside single-line scalars of `text`.
 * @example withinScalars("expr: a == b\n", locate)(['expr'], { value: 'a == b', offset: 5 }) // { line: 1, column: 12 }
 */
export function withinScalars(text: string, locate: (path: Path) => SourcePosition): LocateWithin {
  let lines: string[] | undefined;
  return (path, within) => {
    const at = locate(path);
    if (!within) return at;
    lines ??= text.split(/\r?\n/);
    const rest = lines[at.line - 1]?.slice(at.column - 1) ?? '';
    const shift = valueShift(rest, within.value);
    if (shift === undefined || within.offset < 0 || within.offset > within.value.length) return at;
    return { ...at, column: at.column + shift + within.offset };
  };
}

/** 0 for a plain scalar, 1 for a quoted one, undefined when the source is not the value verbatim. */
function valueShift(rest: string, value: string): number | undefined {
  if (rest.startsWith(value) && /^(\s|#|,|\}|\]|$)/.test(rest.slice(value.length))) return 0;
  const quote = rest[0];
  if ((quote === "'" || quote === '"') && rest.startsWith(value, 1) && rest[value.length + 1] === quote) return 1;
  return undefined;
}
