/**
 * @module commands
 * The list of `casus` subcommands, in the order `--help` shows them.
 */
import type { Command } from 'commander';

/** Factories for every subcommand. */
export const COMMANDS: readonly (() => Command)[] = [];
