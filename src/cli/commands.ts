/**
 * @module commands
 * The list of `casus` subcommands, in the order `--help` shows them.
 */
import type { Command } from 'commander';
import { availableAssessment } from '../knowledge/index.js';
import { assessCommand } from './assess.command.js';
import { locateCommand } from './locate.command.js';
import { checkCommand } from './check.command.js';
import { zonesCommand } from './zones.command.js';
import { casesCommand } from './cases.command.js';
import { recordCommand } from './record.command.js';
import { reliabilityCommand } from './reliability.command.js';

/** Factories for every subcommand. */
export const COMMANDS: readonly (() => Command)[] = [
  assessCommand,
  locateCommand,
  checkCommand,
  zonesCommand,
  () => casesCommand({ assessWith: availableAssessment }),
  recordCommand,
  () => reliabilityCommand({ assessWith: availableAssessment }),
];
