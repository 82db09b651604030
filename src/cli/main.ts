/**
 * @module main
 * The `casus` command line: one commander program, one file per command.
 */
import { Command } from 'commander';
import { reportError } from './run-command.js';
import { commandsFor } from './commands.js';

// `casus … | head` closes the pipe early: that ends the output, it is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

const program = new Command('casus')
  .description(
    'Collective-defence treaties as code: does this attack oblige anyone\'s allies to act,\n' +
      'under which article, under whose reading of the border, and what did allies do last time?',
  )
  .version('0.1.0')
  .showHelpAfterError('(run with --help for usage)')
  .configureOutput({ writeErr: (s) => process.stderr.write(s) })
  .exitOverride();

for (const make of await commandsFor(process.argv.slice(2))) program.addCommand(make());
strictUsage(program);

/**
 * Gives every nested subcommand (`token create`, `cases append`) the program's error handling:
 * commander copies exitOverride and configureOutput only to subcommands made with .command(), not to
 * those added with addCommand(), whose own subcommands would otherwise exit 1 on a usage error.
 */
function strictUsage(command: Command): void {
  for (const sub of command.commands) {
    sub.exitOverride().configureOutput({ writeErr: (s) => process.stderr.write(s) }).showHelpAfterError('(run with --help for usage)');
    strictUsage(sub);
  }
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // commander throws on --help/--version (exit 0) and on usage errors, which are bad input (exit 2).
  const e = error as { code?: string; exitCode?: number };
  if (typeof e.code === 'string' && e.code.startsWith('commander.')) {
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else {
    reportError(error);
  }
}
