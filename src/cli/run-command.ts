/**
 * @module run-command
 * Wraps a command action so every failure ends as one readable line on stderr and a mapped exit code.
 */
import { CasusError, formatIssue } from '../domain/errors.js';
import { EXIT_CODES } from './exit-codes.js';

/** Runs `action`; on failure prints `casus: message` (and each issue) and sets the exit code. */
export function runCommand<A extends unknown[]>(
  action: (...args: A) => Promise<void> | void,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      reportError(error);
    }
  };
}

/** Prints an error the way every command does, and sets `process.exitCode`. */
export function reportError(error: unknown): void {
  if (error instanceof CasusError) {
    process.stderr.write(`casus: ${error.message}\n`);
    const only = error.issues.length === 1 ? error.issues[0] : undefined;
    const alreadySaid = only !== undefined && error.message.includes(only.message);
    for (const issue of alreadySaid ? [] : error.issues) process.stderr.write(`  ${formatIssue(issue)}\n`);
    process.exitCode = EXIT_CODES[error.code];
    return;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`casus: internal error: ${message}\n`);
  process.exitCode = EXIT_CODES.internal;
}
