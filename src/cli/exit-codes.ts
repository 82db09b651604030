/**
 * @module exit-codes
 * The one table from error code to process exit code (STYLE rule 6).
 */
import type { CasusErrorCode } from '../domain/errors.js';

/** Exit code per error code: 2 is "bad input", as the CLI's contract says (README, docs/json.md). */
export const EXIT_CODES: Readonly<Record<CasusErrorCode, number>> = {
  'invalid-input': 2,
  'not-found': 3,
  conflict: 4,
  'not-in-force': 5,
  unsupported: 6,
  internal: 70,
};
