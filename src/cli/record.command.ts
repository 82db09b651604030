/**
 * @module record.command
 * `casus record load|list`: the shipped historical record (data/record/) — validate it and put it
 * into the database.
 */
import { Command } from 'commander';
import { CasusError, formatIssue } from '../domain/errors.js';
import { defaultRecordPaths, loadRecordIntoDatabase, readRecord } from '../knowledge/record/index.js';
import { databaseInfo } from '../storage/index.js';
import { withProgramDefaults } from './command-defaults.js';
import { runCommand } from './run-command.js';
import { renderTable } from './text-table.js';
import { withDatabase } from './with-database.js';

function loadCommand(): Command {
  return new Command('load')
    .description(
      'Load data/record/ into the database, each case file in one transaction. Idempotent: loaded cases\n' +
        'are left alone, cases whose file gained events get them appended, and cases whose file changed\n' +
        'otherwise (re-sourced data) are replaced whole. Your own case files are never touched.',
    )
    .option('--json', 'print the load report as JSON')
    .addHelpText('after', '\nExamples:\n  $ casus record load\n  $ CASUS_DB=/tmp/casus.db casus record load --json')
    .action(
      runCommand(async (opts: { json?: boolean }) => {
        const report = await withDatabase((db) => loadRecordIntoDatabase(db), { loadRecord: false });
        if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else {
          const { backend, location } = databaseInfo();
          const rows = report.cases.map((c) => [c.recordId, c.treaty, c.outcome, String(c.events), c.message ?? '']);
          if (rows.length > 0) process.stdout.write(`${renderTable(['case', 'treaty', 'outcome', 'events', 'note'], rows)}\n`);
          const count = (o: string) => report.cases.filter((c) => c.outcome === o).length;
          process.stdout.write(
            `${report.files} file(s) read into ${backend} ${location}: ${count('inserted')} inserted, ` +
              `${count('extended')} extended, ${count('unchanged')} unchanged, ${count('replaced')} replaced, ` +
              `${report.files - report.cases.length} invalid\n`,
          );
        }
        if (report.issues.length > 0)
          throw new CasusError('invalid-input', `${report.issues.length} problem(s) in data/record; those files were not loaded`, {
            issues: report.issues.length === 1 ? [] : report.issues,
            details: {},
          });
      }),
    );
}

function listCommand(): Command {
  return new Command('list')
    .description('List the record files (from data/record/, not the database) and any problems in them.')
    .option('--treaty <id>', 'only this treaty')
    .option('--json', 'print JSON')
    .action(
      runCommand((opts: { treaty?: string; json?: boolean }) => {
        const read = readRecord(defaultRecordPaths());
        const cases = read.cases.filter((c) => !opts.treaty || c.treaty === opts.treaty);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ cases, issues: read.issues }, null, 2)}\n`);
        } else {
          const rows = cases.map((c) => [c.id, c.treaty, c.incident.date, String(c.events.length), c.title]);
          process.stdout.write(`${renderTable(['case', 'treaty', 'incident', 'events', 'title'], rows)}\n`);
          for (const issue of read.issues) process.stderr.write(`  ${formatIssue(issue)}\n`);
        }
        if (read.issues.length > 0)
          throw new CasusError('invalid-input', `${read.issues.length} problem(s) in data/record (listed above)`);
      }),
    );
}

/**
 * `casus record`: the shipped record.
 * @example casus record load
 */
export function recordCommand(): Command {
  return withProgramDefaults(
    new Command('record')
    .description('The shipped historical record of alliance cases (data/record/).')
    .addCommand(loadCommand())
    .addCommand(listCommand()),
  );
}
