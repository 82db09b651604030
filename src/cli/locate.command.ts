/**
 * @module locate.command
 * `casus locate`: where a point lies at a date, under every reading; or a whole CSV of points.
 */
import { Command } from 'commander';
import { invalidInput } from '../domain/errors.js';
import { today } from '../domain/dates/index.js';
import { locate, type Location } from '../domain/territory/index.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import { parseAt, parseDate } from './arguments.js';
import { locateBatch } from './locate-batch.js';
import { runCommand } from './run-command.js';

/** Human-readable lines for a location. */
export function renderLocation(at: readonly [number, number], date: string, loc: Location): string {
  const list = (xs: readonly string[]) => (xs.length === 0 ? '—' : xs.join(', '));
  const lines = [
    `${at[0]},${at[1]} on ${date}`,
    `  recognized    ${list(loc.recognized)}`,
    `  administered  ${list(loc.administered)}`,
    `  claimed       ${list(loc.claimed)}`,
    `  delimited     ${loc.undetermined.includes('delimited') ? 'unknown' : list(loc.delimited)}`,
    `  surface       ${loc.surface}`,
    `  regions       ${list(loc.regions)}`,
  ];
  if (loc.overlays.length > 0) lines.push(`  overlays      ${loc.overlays.join(', ')}`);
  for (const note of loc.notes) lines.push(`  note: ${note}`);
  return lines.join('\n') + '\n';
}

/** The `locate` command. */
export function locateCommand(): Command {
  return new Command('locate')
    .description('where a point lies on a date: recognized, administered, claimed and delimited territory, and regions')
    .option('--at <LAT,LON>', 'the point, decimal degrees, latitude first (e.g. 39.82,46.75)')
    .option('--date <YYYY-MM-DD>', 'the date (default: today; with --input, for rows without their own date)')
    .option('--input <file.csv>', 'locate every row of a CSV: lat,lon[,date] (header optional; - for stdin)')
    .option('--output <file>', 'with --input: write answers here instead of stdout')
    .option('--json', 'print JSON (one object; JSON Lines with --input)')
    .option('--workers <n>', 'with --input: worker threads for a file over 4 MiB (default 1: this thread only; e.g. 2 on an idle 2-core machine)')
    .addHelpText(
      'after',
      `
Examples:
  casus locate --at 39.82,46.75 --date 2019-06-01          Stepanakert under the de-facto entity
  casus locate --at 39.82,46.75 --date 2024-06-01 --json   …and after September 2023
  casus locate --input points.csv --date 2022-09-13 --output answers.csv

Readings: recognized (sovereign under prevailing recognition), administered (de-facto control),
claimed (every claimant), delimited (the sovereign only where the border is settled by agreement;
"unknown" within the stated distance of an undelimited border, see data/borders/).`,
    )
    .action(
      runCommand(async (opts: { at?: string; date?: string; input?: string; output?: string; json?: boolean; workers?: string }) => {
        if (opts.input !== undefined) {
          if (opts.at !== undefined) throw invalidInput('--at', 'no --at together with --input (use one or the other)', opts.at);
          const workers = opts.workers === undefined ? undefined : Number(opts.workers);
          if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 64)) throw invalidInput('--workers', 'a whole number from 1 to 64', opts.workers);
          await locateBatch({ input: opts.input, output: opts.output, date: opts.date === undefined ? undefined : parseDate(opts.date), json: opts.json === true, ...(workers !== undefined ? { workers } : {}) });
          return;
        }
        if (opts.at === undefined) throw invalidInput('--at', 'LAT,LON in decimal degrees (or --input FILE for a batch)', 'nothing');
        const at = parseAt(opts.at);
        const date = opts.date === undefined ? today() : parseDate(opts.date);
        const knowledge = loadKnowledge(undefined, { geometry: 'on-demand' });
        const loc = locate(knowledge.map, at[0], at[1], date);
        if (opts.json) {
          process.stdout.write(JSON.stringify({ at, date, ...loc }) + '\n');
        } else {
          process.stdout.write(renderLocation(at, date, loc));
        }
      }),
    );
}
