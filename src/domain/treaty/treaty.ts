/**
 * @module treaty
 * A loaded treaty: the file's data with every condition compiled once, and each item's position
 * in its file so explanations can cite lines.
 */
import type { TreatyFile, ProvisionFile, VersionFile, ConditionFile } from './treaty-schema.js';

/** Position of an item in its treaty file. */
export interface FilePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A compiled condition: `evaluate` returns a ConditionError (not throws) on a missing fact, which the evaluator reads as unknown. */
export interface Condition extends ConditionFile {
  readonly evaluate: (context: object) => unknown;
  readonly evaluateUnknownIf?: (context: object) => unknown;
  readonly at: FilePosition;
}

/** A dated article text with its compiled conditions. */
export interface ProvisionVersion extends Omit<VersionFile, 'conditions'> {
  readonly conditions: readonly Condition[];
  readonly at: FilePosition;
}

/** An article with its versions. */
export interface Provision extends Omit<ProvisionFile, 'versions'> {
  readonly versions: readonly ProvisionVersion[];
}

/** A loaded, checked treaty. */
export interface Treaty extends Omit<TreatyFile, 'provisions'> {
  readonly provisions: readonly Provision[];
  readonly file: string;
}
