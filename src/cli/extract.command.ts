/**
 * @module extract.command
 * `casus extract`: from a news report to draft incidents with quoted evidence, for review; with
 * `--assess`, each dated draft assessed beside its evidence.
 */
import { readFileSync, readSync } from 'node:fs';
import { Command } from 'commander';
import { invalidInput } from '../domain/errors.js';
import { checkReportBytes, MAX_REPORT_BYTES } from '../domain/extraction/index.js';
import { extractReport, loadKnowledge } from '../knowledge/index.js';
import { parseDate, parseReadings } from './arguments.js';
import { renderDrafts } from './render-drafts.js';
import { runCommand } from './run-command.js';

interface ExtractFlags {
  date?: string;
  assess?: boolean;
  json?: boolean;
  treaty?: string;
  reading?: string;
}

function readInput(file: string): Uint8Array {
  if (file === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    // Read stdin synchronously, but stop one byte past the limit: 10 MB piped in is refused, not held.
    const buf = Buffer.alloc(65536);
    for (;;) {
      let n: number;
      try {
        n = readSync(0, buf, 0, buf.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        if ((e as NodeJS.ErrnoException).code === 'EOF') break;
        throw e;
      }
      if (n === 0) break;
      chunks.push(Buffer.from(buf.subarray(0, n)));
      size += n;
      if (size > MAX_REPORT_BYTES) break;
    }
    return Buffer.concat(chunks);
  }
  try {
    return readFileSync(file);
  } catch {
    throw invalidInput('FILE', 'a readable text file, or - for stdin', file);
  }
}


/** The `extract` command. */
export function extractCommand(): Command {
  return new Command('extract')
    .description('read draft incidents in a news report (who, where, when, what), each field with its quoted evidence')
    .argument('<FILE>', 'the report as UTF-8 text, or - for stdin')
    .option('--date <YYYY-MM-DD>', 'the report\'s date, for "on Tuesday", "overnight", "last September" (default: its dateline, if any)')
    .option('--assess', 'assess each dated draft and print the findings beside the evidence')
    .option('--treaty <ids>', 'with --assess: comma-separated treaty ids (default: all)')
    .option('--reading <reading>', 'with --assess: recognized | administered | claimed | delimited | all', 'all')
    .option('--json', 'print the drafts as JSON (docs/extraction.md)')
    .addHelpText(
      'after',
      `
Examples:
  casus extract report.txt
  pbpaste | casus extract - --date 2022-09-13 --assess --treaty csto
  casus extract report.txt --json

Drafts are for review: a field the report does not give is "unknown", never guessed; an ambiguous
place lists its candidates. Exit codes: 0 answered (even with no incident found); 2 bad input.`,
    )
    .action(
      runCommand((file: string, flags: ExtractFlags) => {
        const reportDate = flags.date === undefined ? undefined : parseDate(flags.date);
        const readings = parseReadings(flags.reading);
        const treaties = flags.treaty?.split(',').map((s) => s.trim()).filter(Boolean);
        const text = checkReportBytes(readInput(file), file === '-' ? 'stdin' : 'FILE');
        // A report names a few places: the territory index is read only where they are.
        const knowledge = loadKnowledge(undefined, { geometry: 'on-demand' });
        if (treaties) {
          const known = knowledge.treaties.map((t) => t.id);
          for (const id of treaties) if (!known.includes(id)) throw invalidInput('--treaty', `treaty ids from ${known.join(', ')}`, id);
        }
        const assess = flags.assess ? { ...(treaties ? { treaties } : {}), readings } : false;
        const result = extractReport(text, { ...(reportDate ? { reportDate } : {}), assess, knowledge });
        process.stdout.write(flags.json ? JSON.stringify(result) + '\n' : renderDrafts(result, result.drafts.length > 0 ? knowledge.treaties : []));
      }),
    );
}
