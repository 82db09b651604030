/**
 * @module cases.command
 * `casus cases list|show|new|append`: case files from the command line, validated exactly as the
 * API will validate them (the same schemas, the same procedure, the same versioned append).
 */
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import {
  ASSISTANCE_KINDS,
  CASE_EVENT_TYPES,
  INCIDENT_KINDS,
  OUTCOMES,
  TARGET_OBJECTS,
  caseVersion,
  parseCaseEvent,
  parseCaseIncident,
  replayCaseOrThrow,
  stateLabel,
  type AssessIncident,
  type CaseOrigin,
  caseFileJson,
} from '../domain/casefile/index.js';
import { CasusError, formatIssue, formatPath, invalidInput, type Issue } from '../domain/errors.js';
import { assertTreatyWithProcedure, defaultRecordPaths, loadProcedure, readProcedure, treatiesWithProcedure } from '../knowledge/record/index.js';
import { appendEvent, createCaseFile, findCaseLog, listCaseLogs } from '../storage/index.js';
import { renderCaseFile } from './render-case.js';
import { withProgramDefaults } from './command-defaults.js';
import { runCommand } from './run-command.js';
import { renderTable } from './text-table.js';
import { withDatabase } from './with-database.js';

/** Which flag sets which field, so that errors name the flag the user typed. */
const FLAG_OF: Readonly<Record<string, string>> = {
  type: '--type',
  date: '--date',
  by: '--by',
  provision: '--provision',
  request: '--request',
  body: '--body',
  outcome: '--outcome',
  summary: '--summary',
  positions: '--position',
  what: '--what',
  kind: '--kind',
  forces: '--forces',
  reason: '--reason',
  sources: '--source-url',
  note: '--note',
  corrects: '--corrects',
  retract: '--retract',
  replacement: '--replacement-json',
  at: '--at',
  attacker: '--attacker',
  target: '--target',
  against: '--against',
  flag: '--flag',
  fatalities: '--fatalities',
  place: '--place',
};

function procedureFor(treaty: string) {
  const { treatiesDir } = defaultRecordPaths();
  const read = readProcedure(treaty, treatiesDir);
  if (read.kind === 'none') {
    const known = treatiesWithProcedure(treatiesDir);
    throw invalidInput('--treaty', `a treaty with a case-file procedure (${known.join(', ') || 'none yet'})`, treaty);
  }
  return loadProcedure(treaty, treatiesDir);
}

function issuesError(issues: readonly Issue[], useFlags: boolean, prefix = ''): CasusError {
  const named = issues.map((i) => {
    const [head, ...rest] = i.path;
    const flag = useFlags && typeof head === 'string' ? FLAG_OF[head] : undefined;
    const where = flag ? `${flag}${rest.length ? ` (${formatPath(rest)})` : ''}` : formatPath(i.path);
    return { ...i, path: [where] };
  });
  const first = named[0] ? formatIssue(named[0]) : 'invalid input';
  return new CasusError('invalid-input', `${prefix}${first}${named.length > 1 ? ` (and ${named.length - 1} more)` : ''}`, {
    issues: named,
  });
}

function parseAt(value: string): [number, number] {
  const parts = value.split(',').map((s) => s.trim());
  const nums = parts.map(Number);
  if (parts.length !== 2 || parts.some((p) => p === '') || nums.some((n) => !Number.isFinite(n)))
    throw invalidInput('--at', 'LAT,LON in decimal degrees, e.g. 40.93,45.42', value);
  return [nums[0]!, nums[1]!];
}

function parseVersion(value: string): number {
  if (!/^\d+$/.test(value)) throw invalidInput('--expect-version', 'the whole number of events you last saw (0 or more)', value);
  return Number(value);
}

const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const collect = (v: string, acc: string[] = []) => [...acc, v];

function listCommand(): Command {
  return new Command('list')
    .description('List case files: id, treaty, state, number of events, incident date, title.')
    .option('--treaty <id>', 'only this treaty (csto, nato, ...)')
    .addOption(new Option('--origin <origin>', 'only record or user case files').choices(['record', 'user']))
    .option('--json', 'print JSON (an array of case files with derived state)')
    .action(
      runCommand(async (opts: { treaty?: string; origin?: CaseOrigin; json?: boolean }) => {
        if (opts.treaty !== undefined) assertTreatyWithProcedure(opts.treaty, defaultRecordPaths().treatiesDir, '--treaty');
        await withDatabase(async (db) => {
          const logs = await listCaseLogs(db, { treaty: opts.treaty, origin: opts.origin });
          const procedures = new Map<string, ReturnType<typeof procedureFor>>();
          const files = logs.map((log) => {
            let p = procedures.get(log.treaty);
            if (!p) procedures.set(log.treaty, (p = loadProcedure(log.treaty, defaultRecordPaths().treatiesDir)));
            return replayCaseOrThrow(log, p);
          });
          if (opts.json) {
            process.stdout.write(`${JSON.stringify(files.map((f) => caseFileJson(f)), null, 2)}\n`);
            return;
          }
          if (files.length === 0) {
            process.stdout.write('No case files. Create one with "casus cases new" (see --help).\n');
            return;
          }
          const rows = files.map((f) => [f.id, f.treaty, f.origin, stateLabel(f.procedure, f.state), String(caseVersion(f)), f.incident.date, f.title]);
          process.stdout.write(`${renderTable(['id', 'treaty', 'origin', 'state', 'events', 'incident', 'title'], rows)}\n`);
        });
      }),
    );
}

function showCommand(assessWith?: () => AssessIncident | undefined): Command {
  return new Command('show')
    .description('Show one case file: incident, events with sources, state, allowed next events, latencies, verdict.')
    .argument('<id>', 'case file id (see "casus cases list")')
    .option('--json', 'print JSON: the log plus derived state, latencies, compliance and verdict')
    .action(
      runCommand(async (id: string, opts: { json?: boolean }) => {
        await withDatabase(async (db) => {
          const log = await findCaseLog(db, id);
          const file = replayCaseOrThrow(log, loadProcedure(log.treaty, defaultRecordPaths().treatiesDir));
          const assess = assessWith?.();
          process.stdout.write(opts.json ? `${JSON.stringify(caseFileJson(file, assess), null, 2)}\n` : `${renderCaseFile(file, assess)}\n`);
        });
      }),
    );
}

interface NewOptions {
  treaty: string;
  title: string;
  date: string;
  at: string;
  attacker: string;
  target: string;
  kind?: string;
  against?: string;
  flag?: string;
  fatalities?: string;
  place?: string;
  sourceUrl?: string;
  sourceTitle?: string;
  note?: string;
  json?: boolean;
}

function sourcesFrom(opts: { sourceUrl?: string; sourceTitle?: string; sourcePublisher?: string }) {
  if (opts.sourceUrl === undefined && opts.sourceTitle === undefined) return undefined;
  if (opts.sourceUrl === undefined) throw invalidInput('--source-url', 'a URL to go with --source-title', '');
  if (opts.sourceTitle === undefined) throw invalidInput('--source-title', 'a title to go with --source-url', '');
  return [{ title: opts.sourceTitle, url: opts.sourceUrl, ...(opts.sourcePublisher ? { publisher: opts.sourcePublisher } : {}) }];
}

function newCommand(): Command {
  return new Command('new')
    .description('Open a case file for an incident; its first event, incident-recorded, is written for you.')
    .requiredOption('--treaty <id>', 'the treaty whose procedure the case follows (csto, nato, ...)')
    .requiredOption('--title <text>', 'a short title')
    .requiredOption('--date <YYYY-MM-DD>', 'date of the incident')
    .requiredOption('--at <LAT,LON>', 'location in decimal degrees, latitude first')
    .requiredOption('--attacker <polity>', 'polity id: ISO3 (AZE), non-state:<slug>, entity:<slug>')
    .requiredOption('--target <polity>', 'polity id of the state attacked')
    .addOption(new Option('--kind <kind>', 'incident kind').choices(INCIDENT_KINDS).default('armed-attack'))
    .addOption(new Option('--against <object>', 'what was attacked').choices(TARGET_OBJECTS).default('territory'))
    .option('--flag <polity>', 'flag state of the forces, vessel or aircraft attacked')
    .option('--fatalities <n>', 'number of deaths')
    .option('--place <text>', 'the place in words')
    .option('--source-url <url>', 'a source for the incident (with --source-title)')
    .option('--source-title <text>', 'the source\'s title')
    .option('--note <text>', 'required when no source is given: where the incident comes from')
    .option('--json', 'print the new case file as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ casus cases new --treaty csto --title "Strike on Jermuk (exercise)" --date 2022-09-13 \\
      --at 39.84,45.67 --attacker AZE --target ARM --note "staff exercise, hypothetical"
  $ casus cases new --treaty nato --title "Drone incursion" --date 2025-09-10 --at 51.2,23.1 \\
      --attacker RUS --target POL --kind incursion --source-url https://example.org --source-title "Report"`,
    )
    .action(
      runCommand(async (opts: NewOptions) => {
        const procedure = procedureFor(opts.treaty);
        if (opts.fatalities !== undefined && !/^\d+$/.test(opts.fatalities))
          throw invalidInput('--fatalities', 'a whole number', opts.fatalities);
        const incident = parseCaseIncident({
          date: opts.date,
          at: parseAt(opts.at),
          attacker: opts.attacker,
          target: opts.target,
          kind: opts.kind,
          against: opts.against,
          ...(opts.flag ? { flag: opts.flag } : {}),
          ...(opts.fatalities ? { fatalities: Number(opts.fatalities) } : {}),
          ...(opts.place ? { place: opts.place } : {}),
        });
        if (!incident.ok) throw issuesError(incident.issues, true);
        const sources = sourcesFrom(opts);
        const first = parseCaseEvent(
          { type: 'incident-recorded', date: opts.date, ...(sources ? { sources } : {}), ...(opts.note ? { note: opts.note } : {}) },
          'user',
        );
        if (!first.ok) throw issuesError(first.issues, true);
        await withDatabase(async (db) => {
          const file = await createCaseFile(
            db,
            { treaty: opts.treaty, title: opts.title, incident: incident.incident, origin: 'user', events: [first.event] },
            procedure,
          );
          if (opts.json) process.stdout.write(`${JSON.stringify(caseFileJson(file), null, 2)}\n`);
          else
            process.stdout.write(
              `Created ${file.id} (version ${caseVersion(file)}, state ${file.state}).\n` +
                `Next: casus cases append ${file.id} --expect-version ${caseVersion(file)} --type application-lodged ...\n`,
            );
        });
      }),
    );
}

interface AppendOptions {
  expectVersion: string;
  type?: string;
  date?: string;
  eventJson?: string;
  by?: string;
  provision?: string;
  request?: string;
  body?: string;
  outcome?: string;
  summary?: string;
  position?: string[];
  what?: string;
  kind?: string;
  forces?: string;
  reason?: string;
  sourceUrl?: string;
  sourceTitle?: string;
  sourcePublisher?: string;
  note?: string;
  corrects?: string;
  retract?: boolean;
  replacementJson?: string;
  json?: boolean;
}

function eventFromFlags(opts: AppendOptions): Record<string, unknown> {
  if (opts.type === undefined) throw invalidInput('--type', `one of ${CASE_EVENT_TYPES.join(', ')} (or --event-json FILE)`, '');
  if (opts.corrects !== undefined && !/^\d+$/.test(opts.corrects))
    throw invalidInput('--corrects', 'the number of the event corrected, as "casus cases show" lists it', opts.corrects);
  const positions = opts.position?.map((p) => {
    const [polity, position, ...extra] = p.split('=');
    if (!polity || !position || extra.length > 0) throw invalidInput('--position', 'POLITY=for|against|abstained|absent|unknown, e.g. RUS=for', p);
    return [polity.trim(), position.trim()] as const;
  });
  const sources = sourcesFrom(opts);
  const fields: Record<string, unknown> = {
    type: opts.type,
    date: opts.date,
    by: opts.by === undefined ? undefined : list(opts.by),
    provision: opts.provision,
    request: opts.request,
    body: opts.body,
    outcome: opts.outcome,
    summary: opts.summary,
    positions: positions ? Object.fromEntries(positions) : undefined,
    what: opts.what,
    kind: opts.kind,
    forces: opts.forces,
    reason: opts.reason,
    sources,
    note: opts.note,
    corrects: opts.corrects === undefined ? undefined : Number(opts.corrects),
    retract: opts.retract,
    replacement: opts.replacementJson === undefined ? undefined : readJson('--replacement-json', opts.replacementJson, 'a file holding the corrected event as one JSON object'),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

function readJson(flag: string, path: string, expected: string): unknown {
  let text: string;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    throw invalidInput(flag, expected, `${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw invalidInput(flag, expected, `${path}: ${(error as Error).message}`);
  }
}

const readEventJson = (path: string) => readJson('--event-json', path, 'a file holding one JSON event object');

function appendCommand(): Command {
  return new Command('append')
    .description(
      'Append one event to a case file. You must say which version (number of events) you saw: if someone\n' +
        'appended meanwhile, the append is refused with a conflict (exit 4) and nothing is written.',
    )
    .argument('<id>', 'case file id')
    .requiredOption('--expect-version <n>', 'the number of events the case file had when you read it')
    .addOption(new Option('--type <type>', 'event type').choices(CASE_EVENT_TYPES))
    .option('--date <YYYY-MM-DD>', 'date of the event (not before the previous event)')
    .option('--event-json <file>', 'read the whole event as JSON from a file, or - for stdin (instead of the flags)')
    .option('--by <polities>', 'application-lodged / assistance-provided / application-withdrawn: comma-separated polity ids')
    .option('--provision <art-N>', 'application-lodged / consultations-convened: provision invoked')
    .option('--request <text>', 'application-lodged: what was asked for')
    .option('--body <text>', 'consultations-convened / decision-taken: the body that met or decided')
    .addOption(new Option('--outcome <outcome>', 'decision-taken: what was decided').choices(OUTCOMES))
    .option('--summary <text>', 'decision-taken: the decision in words')
    .option('--position <POLITY=position>', 'decision-taken: a member\'s position (repeatable), e.g. RUS=for', collect)
    .option('--what <text>', 'mission-dispatched: the mission')
    .addOption(new Option('--kind <kind>', 'assistance-provided: kind of assistance').choices(ASSISTANCE_KINDS))
    .option('--forces <text>', 'assistance-provided: forces or materiel, in words')
    .option('--reason <text>', 'closed / correction: why the case was closed, or why the event is corrected')
    .option('--corrects <n>', 'correction: the number of the event corrected (the # column of "casus cases show")')
    .option('--retract', 'correction: the event corrected did not happen (instead of --replacement-json)')
    .option('--replacement-json <file>', 'correction: the event as it should have been, as JSON from a file or - for stdin')
    .option('--source-url <url>', 'a source for the event (with --source-title)')
    .option('--source-title <text>', 'the source\'s title')
    .option('--source-publisher <text>', 'the source\'s publisher')
    .option('--note <text>', 'a note; required when the event has no source')
    .option('--json', 'print the updated case file as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ casus cases append csto-2022-09-13-1a2b3c --expect-version 1 --type application-lodged \\
      --date 2022-09-13 --by ARM --provision art-4 --request "military assistance" \\
      --source-url https://example.org/appeal --source-title "Appeal to the CSTO"
  $ casus cases append csto-2022-09-13-1a2b3c --expect-version 2 --type decision-taken --date 2022-09-13 \\
      --body "Collective Security Council" --outcome mission --position RUS=for --position KAZ=abstained \\
      --note "simulated decision"
  $ echo '{"type":"closed","date":"2022-10-01","reason":"exercise over","note":"simulation"}' | \\
      casus cases append csto-2022-09-13-1a2b3c --expect-version 3 --event-json -
  $ casus cases append csto-2022-09-13-1a2b3c --expect-version 4 --type correction --date 2022-10-02 \\
      --corrects 3 --retract --reason "the decision was never taken" --note "umpire's ruling"
  $ echo '{"type":"decision-taken","date":"2022-09-13","body":"Collective Security Council","outcome":"deferred","note":"sim"}' | \\
      casus cases append csto-2022-09-13-1a2b3c --expect-version 4 --type correction --date 2022-10-02 \\
      --corrects 3 --replacement-json - --reason "the council deferred, it did not decide" --note "umpire's ruling"

A correction leaves the original in the log; state, latencies and compliance use the corrected log,
which must still satisfy the procedure.`,
    )
    .action(
      runCommand(async (id: string, opts: AppendOptions) => {
        const expected = parseVersion(opts.expectVersion);
        const fromJson = opts.eventJson !== undefined;
        if (fromJson && (opts.type !== undefined || opts.date !== undefined))
          throw invalidInput('--event-json', 'either --event-json or --type/--date and the event flags, not both', opts.eventJson);
        const raw = fromJson ? readEventJson(opts.eventJson!) : eventFromFlags(opts);
        const parsed = parseCaseEvent(raw, 'user');
        if (!parsed.ok) throw issuesError(parsed.issues, !fromJson, fromJson ? `${opts.eventJson === '-' ? 'stdin' : opts.eventJson}: ` : '');
        await withDatabase(async (db) => {
          const log = await findCaseLog(db, id);
          const procedure = loadProcedure(log.treaty, defaultRecordPaths().treatiesDir);
          const file = await appendEvent(db, id, expected, parsed.event, procedure);
          if (opts.json) process.stdout.write(`${JSON.stringify(caseFileJson(file), null, 2)}\n`);
          else
            process.stdout.write(
              `Appended ${parsed.event.type} to ${id}: version ${caseVersion(file)}, state ${file.state} (${stateLabel(procedure, file.state)}).\n`,
            );
        });
      }),
    );
}

/**
 * `casus cases`: manage case files. Pass `assess` (the assessment engine) so that `show` also says
 * whether the recorded incident triggers the treaty, and under which readings.
 * @example casesCommand({ assessWith: () => assessCaseIncident })
 */
export function casesCommand(options: { readonly assessWith?: () => AssessIncident | undefined } = {}): Command {
  return withProgramDefaults(
    new Command('cases')
    .description('Case files: the procedure after an incident as an append-only, dated, sourced log.')
    .addCommand(listCommand())
    .addCommand(showCommand(options.assessWith))
    .addCommand(newCommand())
    .addCommand(appendCommand())
    .addHelpText(
      'after',
      `
The database is ./casus.db (or $CASUS_DB), or PostgreSQL when $DATABASE_URL is set. On first use the
shipped record (data/record/) is loaded. Record case files are read-only; open your own with "new".

Examples:
  $ casus cases list --treaty csto
  $ casus cases show csto-2022-armenia-jermuk
  $ casus cases show csto-2022-armenia-jermuk --json`,
    ),
  );
}
