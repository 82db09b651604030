/**
 * @module check.command
 * `casus check`: validates every data file and prints `ok` or every problem with file:line:column.
 */
import { Command } from 'commander';
import { CasusError, formatIssue } from '../domain/errors.js';
import { checkKnowledge, dataDir } from '../knowledge/index.js';
import { runCommand } from './run-command.js';

/** The `check` command. */
export function checkCommand(): Command {
  return new Command('check')
    .description('validate every file of the knowledge base (treaties, overlays, regions, borders, record)')
    .option('--data <dir>', 'the knowledge base directory (default: data/ or $CASUS_DATA)')
    .action(
      runCommand((opts: { data?: string }) => {
        const result = checkKnowledge(opts.data ?? dataDir());
        if (result.issues.length === 0) {
          process.stdout.write(`ok (${result.files.length} files)\n`);
          return;
        }
        for (const issue of result.issues) process.stdout.write(formatIssue(issue) + '\n');
        throw new CasusError('invalid-input', `${result.issues.length} problem(s) in ${result.files.length} files`);
      }),
    );
}
