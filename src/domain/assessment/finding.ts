/**
 * @module finding
 * The result of assessing one treaty provision under one reading: a status, the three-valued result of
 * every condition with its reason and the words it encodes, and what follows procedurally.
 */
import type { Reading } from '../territory/index.js';

/** Three-valued (Kleene) truth. */
export type Truth = 'true' | 'false' | 'unknown';

/** A finding's status. */
export type FindingStatus = 'triggered' | 'not-triggered' | 'undetermined';

/** One condition's result. */
export interface ConditionResult {
  readonly id: string;
  readonly result: Truth;
  readonly reason: string;
  readonly words: string;
  readonly cites: { readonly file: string; readonly line: number };
  /** The facts that were missing, when `result` is unknown because of them. */
  readonly missing?: readonly string[];
}

/** The finding object (docs/json.md#finding), plus the version of the article that applied. */
export interface Finding {
  readonly treaty: string;
  readonly provision: string;
  readonly reading: Reading;
  readonly status: FindingStatus;
  readonly beneficiary: string | null;
  readonly obliged: readonly string[];
  readonly prerequisites: readonly string[];
  readonly conditions: readonly ConditionResult[];
  readonly version: { readonly label: string; readonly from: string; readonly to: string | null };
  readonly defaultReading: boolean;
  readonly notes: readonly string[];
}
