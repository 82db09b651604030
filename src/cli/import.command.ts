/**
 * @module import.command
 * `casus import FILE`: assess every event of an ACLED or UCDP GED export (or any CSV with --map)
 * against every encoded treaty; one output row per event, a rejects file, a summary, and a dataset in
 * the store that the API serves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { invalidInput } from '../domain/errors.js';
import { READINGS } from '../domain/territory/index.js';
import { MAPPABLE_FIELDS, parseActorMap, type EventField } from '../importers/index.js';
import { CasusError } from '../domain/errors.js';
import { dataDir } from '../knowledge/data-dir.js';
import { parseChoice, parseReadings } from './arguments.js';
import { FORMAT_IDS } from './import-setup.js';
import { runImport } from './import-run.js';
import { runCommand } from './run-command.js';

interface ImportFlags {
  format?: string;
  map: string[];
  out?: string;
  rejects?: string;
  actors?: string;
  unknownActors: string;
  reading?: string;
  workers?: string;
  name?: string;
  store: boolean;
  resume?: boolean;
  quiet?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `--map column=field` pairs → field → column. */
export function parseMap(pairs: readonly string[]): Partial<Record<EventField, string>> {
  const map: Partial<Record<EventField, string>> = {};
  for (const pair of pairs) {
    const eq = pair.lastIndexOf('=');
    const column = pair.slice(0, eq).trim();
    const field = pair.slice(eq + 1).trim();
    if (eq <= 0 || column === '') throw invalidInput('--map', 'column=field, e.g. --map event_day=date', pair);
    if (!(MAPPABLE_FIELDS as readonly string[]).includes(field)) throw invalidInput('--map', `column=field with field one of ${MAPPABLE_FIELDS.join(', ')}`, pair);
    map[field as EventField] = column;
  }
  return map;
}

/** The `import` command. */
export function importCommand(): Command {
  return new Command('import')
    .description('assess every event of an ACLED or UCDP GED export (or any CSV) against every encoded treaty')
    .argument('<FILE>', 'the export: CSV, or CSV compressed with gzip (.csv.gz)')
    .option('--format <format>', `${FORMAT_IDS.join(' | ')} (required)`)
    .addOption(new Option('--map <column=field>', `with --format csv: which column holds a field (repeatable); fields: ${MAPPABLE_FIELDS.join(', ')}`).argParser(collect).default([], 'each field from the column of its name'))
    .option('--out <file>', 'findings, one row per event: .csv (default) or .jsonl (default: <FILE>.findings.csv in the current directory)')
    .option('--rejects <file>', 'rows that could not be assessed, with line, reason and the raw row (default: <out>.rejects.csv)')
    .option('--actors <file.yaml>', 'actor name → polity map (default: data/import/actors.yaml; copy it to edit)')
    .option('--unknown-actors <how>', 'reject: a row naming an actor the map does not know is rejected; non-state: read it as non-state:<slug of the name>', 'reject')
    .option('--reading <reading>', 'recognized | administered | claimed | delimited | all', 'all')
    .option('--workers <n>', 'worker threads (default: one per core)')
    .option('--name <name>', 'the dataset\'s name in the store (default: the file name)')
    .option('--no-store', 'do not save the import as a dataset in the database')
    .option('--resume', 'continue an interrupted run (Ctrl-C, kill) of the same command from where it stopped')
    .option('--quiet', 'no progress bar and no summary on stderr')
    .addHelpText(
      'after',
      `
Examples:
  casus import acled-2023.csv --format acled --out findings.csv
  casus import ged241.csv.gz --format ucdp-ged --out findings.jsonl --rejects bad-rows.csv
  casus import events.csv --format csv --map event_day=date --map lat=latitude --map lon=longitude \\
               --map aggressor=attacker --map victim=target --out findings.csv
  casus import acled-2023.csv --format acled --out findings.csv --resume     after Ctrl-C or a crash

What it writes: <out> (one row per event, in input order: the location under each reading, the
findings triggered or undetermined as treaty:provision:reading, and where readings disagree),
<out>.rejects.csv (line, reason, message, raw row: bad dates, coordinates missing or out of range,
unknown actors or event types, wrong column count), <out>.summary.json (events per treaty, provision,
reading and status; rejects by reason; events where readings disagree), and a dataset in the store
(casus serve: GET /v1/datasets). Attacker and target come from the actor names through the actor
map; kind and object from the event types: docs/import.md gives every rule.

A file without the format's columns stops at once, naming them (exit 2, nothing written). Bad rows do
not stop the run. Progress shows on a terminal (rows/s, ETA); --quiet silences it.`,
    )
    .action(
      runCommand(async (file: string, flags: ImportFlags) => {
        if (flags.format === undefined) throw invalidInput('--format', `one of ${FORMAT_IDS.join(', ')}`, 'nothing');
        const format = parseChoice(flags.format, '--format', FORMAT_IDS);
        if (format !== 'csv' && flags.map.length > 0) throw invalidInput('--map', 'no --map with --format acled or ucdp-ged (their column names are fixed; use --format csv)', flags.map.join(' '));
        const map = parseMap(flags.map);
        const out = flags.out ?? `${basename(file).replace(/(\.csv)?(\.gz)?$/i, '')}.findings.csv`;
        const output = /\.jsonl$/i.test(out) ? 'jsonl' : /\.csv$/i.test(out) ? 'csv' : undefined;
        if (output === undefined) throw invalidInput('--out', 'a file name ending in .csv or .jsonl', out);
        if (!existsSync(dirname(resolve(out)))) throw invalidInput('--out', 'a file in an existing directory', out);
        const unknownActors = parseChoice(flags.unknownActors, '--unknown-actors', ['reject', 'non-state'] as const);
        const workers = flags.workers === undefined ? Math.max(1, availableParallelism()) : Number(flags.workers);
        if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw invalidInput('--workers', 'a whole number from 1 to 64', flags.workers);
        const actorsFile = flags.actors ?? join(dataDir(), 'import', 'actors.yaml');
        if (!existsSync(actorsFile)) throw invalidInput('--actors', 'a readable actor map (YAML)', actorsFile);
        const actorsText = readFileSync(actorsFile, 'utf8');
        const checked = parseActorMap(actorsText, actorsFile);
        if (!checked.ok) throw new CasusError('invalid-input', `--actors: ${actorsFile} has ${checked.issues.length} problem(s)`, { issues: checked.issues });
        const readings = parseReadings(flags.reading);
        await runImport({
          input: file,
          out,
          rejects: flags.rejects ?? `${out}.rejects.csv`,
          setup: { format, map, file, actorsText, actorsFile, unknownActorsAsNonState: unknownActors === 'non-state', output, store: flags.store, readings: readings.length === READINGS.length ? READINGS : readings },
          resume: flags.resume === true,
          workers,
          quiet: flags.quiet === true,
          name: flags.name ?? basename(file),
        });
      }),
    );
}
