/**
 * @module reliability.command
 * `casus reliability [--treaty T] [--json]`: per alliance and per case — triggered (under which
 * readings), applied, decided, delivered, latencies, and a one-line verdict.
 */
import { Command, Option } from 'commander';
import type { AllianceReliability, AssessIncident, CaseOrigin, ReliabilityReport } from '../domain/casefile/index.js';
import { assertTreatyWithProcedure, defaultRecordPaths, reliabilityReport } from '../knowledge/record/index.js';
import { withProgramDefaults } from './command-defaults.js';
import { runCommand } from './run-command.js';
import { renderTable } from './text-table.js';
import { withDatabase } from './with-database.js';

const days = (n: number | undefined | null) => (n === undefined || n === null ? '—' : `+${n}`);

/** The text form of one alliance's section. */
export function renderAlliance(a: AllianceReliability): string {
  const m = a.medianDays;
  const head =
    `${a.treaty}: ${a.cases} case${a.cases === 1 ? '' : 's'}; ` +
    `triggered ${a.triggered === null ? '? (assessment unavailable)' : a.triggered}, applied ${a.applied}, decided ${a.decided}, ` +
    `mission ${a.missions}, assistance ${a.assistance}; median days after incident: ` +
    `application ${days(m.application)}, decision ${days(m.decision)}, delivery ${days(m.delivery)}`;
  const rows = a.caseReports.map((c) => [
    c.incidentDate,
    c.id,
    c.compliance.applied ? 'yes' : 'no',
    c.compliance.decisions.at(-1)?.outcome ?? '—',
    c.compliance.delivered,
    days(c.latencies.afterIncident.application),
    days(c.latencies.afterIncident.decision),
    days(c.latencies.afterIncident.delivery),
    c.verdict,
  ]);
  const table = renderTable(['incident', 'case', 'applied', 'decided', 'delivered', 'app', 'dec', 'del', 'verdict'], rows);
  return `${head}\n${table
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}`;
}

/** The text form of the whole report. */
export function renderReliability(report: ReliabilityReport): string {
  const parts = report.alliances.map(renderAlliance);
  if (report.assessment === 'unavailable')
    parts.push('assessment unavailable: "triggered" is not computed (the knowledge base under data/ did not load: run "casus check").');
  parts.push('app/dec/del: days from the incident to the application, first decision and first delivery (mission or assistance).');
  return parts.join('\n\n');
}

/**
 * `casus reliability`. Pass `assessWith` (returns the assessment engine, or undefined when it cannot load) to fill in "triggered"; without it the
 * output says "assessment unavailable" rather than guess.
 * @example reliabilityCommand({ assessWith: () => assessCaseIncident })
 */
export function reliabilityCommand(options: { readonly assessWith?: () => AssessIncident | undefined } = {}): Command {
  return withProgramDefaults(
    new Command('reliability')
    .description(
      'How alliances honoured their obligations in the recorded cases: per alliance and per case, whether an\n' +
        'obligation was triggered (under which readings), whether the beneficiary applied, what was decided\n' +
        'and delivered, how many days each step took, and a one-line verdict.',
    )
    .option('--treaty <id>', 'only this treaty (csto, nato, ...)')
    .addOption(new Option('--origin <origin>', 'which case files').choices(['record', 'user', 'all']).default('record'))
    .option('--json', 'print the report as JSON')
    .addHelpText('after', '\nExamples:\n  $ casus reliability\n  $ casus reliability --treaty csto --json')
    .action(
      runCommand(async (opts: { treaty?: string; origin: CaseOrigin | 'all'; json?: boolean }) => {
        // Checked before the database is opened: bad input writes nothing (not even the record load).
        if (opts.treaty !== undefined) assertTreatyWithProcedure(opts.treaty, defaultRecordPaths().treatiesDir, '--treaty');
        const report = await withDatabase((db) =>
          reliabilityReport(db, { treaty: opts.treaty, treatyField: '--treaty', origin: opts.origin, assess: options.assessWith?.() }),
        );
        process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderReliability(report)}\n`);
      }),
    ),
  );
}
