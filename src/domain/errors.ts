/**
 * @module errors
 * The closed table of Casus error codes. Edges (CLI, API) map codes to exit codes and HTTP statuses;
 * domain code never mentions either.
 */

/** Every way a Casus operation can fail, as seen by a caller. */
export type CasusErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'not-in-force'
  | 'unsupported'
  | 'internal';

/** One problem found in input, with where it was found (Zod-style path, optional file position). */
export interface Issue {
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
  readonly at?: { readonly file: string; readonly line: number; readonly column: number };
}

/** The one exception type Casus throws on purpose. */
export class CasusError extends Error {
  override readonly name = 'CasusError';
  readonly code: CasusErrorCode;
  readonly issues: readonly Issue[];
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: CasusErrorCode,
    message: string,
    options: { issues?: readonly Issue[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
  }
}

/** Shorthand for an `invalid-input` error about one named field. */
export function invalidInput(field: string, expected: string, received: unknown): CasusError {
  const got = typeof received === 'string' ? JSON.stringify(received) : String(received);
  return new CasusError('invalid-input', `${field}: expected ${expected}; got ${got}`, {
    issues: [{ code: 'invalid-input', path: [field], message: `expected ${expected}`, expected, received: got }],
  });
}

/** Formats an issue as one line: `file:line:col path: message; expected …` (unless the message already says it). */
export function formatIssue(issue: Issue): string {
  const where = issue.at ? `${issue.at.file}:${issue.at.line}:${issue.at.column} ` : '';
  const path = issue.path.length > 0 ? `${formatPath(issue.path)}: ` : '';
  const expected = issue.expected !== undefined && !issue.message.includes(issue.expected) ? `; expected ${issue.expected}` : '';
  return `${where}${path}${issue.message}${expected}`;
}

/** Renders a path like `provisions[2].conditions[0].reading`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('');
}
