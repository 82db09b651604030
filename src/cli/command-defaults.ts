/**
 * @module command-defaults
 * Commander settings that `addCommand` does not pass down from the program: usage errors must throw
 * (so main.ts maps them to exit code 2) instead of exiting with commander's own code 1.
 */
import type { Command } from 'commander';

/** Applies the program's settings to `command` and every subcommand below it; returns `command`. */
export function withProgramDefaults(command: Command): Command {
  command.exitOverride().showHelpAfterError('(run with --help for usage)');
  for (const sub of command.commands) withProgramDefaults(sub);
  return command;
}
