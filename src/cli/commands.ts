/**
 * @module commands
 * The `casus` subcommands, in the order `--help` shows them. Each is loaded on demand, so that a
 * quick `casus locate` does not pay for the database drivers that `casus cases` needs.
 */
import type { Command } from 'commander';

/** A subcommand: its name and a loader for its factory. */
export interface CommandEntry {
  readonly name: string;
  readonly load: () => Promise<() => Command>;
}

/** Every subcommand. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'assess', load: async () => (await import('./assess.command.js')).assessCommand },
  { name: 'extract', load: async () => (await import('./extract.command.js')).extractCommand },
  { name: 'locate', load: async () => (await import('./locate.command.js')).locateCommand },
  { name: 'check', load: async () => (await import('./check.command.js')).checkCommand },
  { name: 'index', load: async () => (await import('./index.command.js')).indexCommand },
  { name: 'import', load: async () => (await import('./import.command.js')).importCommand },
  { name: 'zones', load: async () => (await import('./zones.command.js')).zonesCommand },
  {
    name: 'cases',
    load: async () => {
      const [{ casesCommand }, { availableAssessment }] = await Promise.all([import('./cases.command.js'), import('../knowledge/assess-incident.js')]);
      return () => casesCommand({ assessWith: availableAssessment });
    },
  },
  { name: 'record', load: async () => (await import('./record.command.js')).recordCommand },
  {
    name: 'reliability',
    load: async () => {
      const [{ reliabilityCommand }, { availableAssessment }] = await Promise.all([import('./reliability.command.js'), import('../knowledge/assess-incident.js')]);
      return () => reliabilityCommand({ assessWith: availableAssessment });
    },
  },
  { name: 'serve', load: async () => (await import('./serve.command.js')).serveCommand },
  { name: 'token', load: async () => (await import('./token.command.js')).tokenCommand },
];

/** The factories to register for these arguments: only the named command when there is one, none for --version. */
export async function commandsFor(argv: readonly string[]): Promise<(() => Command)[]> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) return [];
  const named = COMMANDS.find((c) => c.name === argv[0]);
  const wanted = named ? [named] : COMMANDS;
  return Promise.all(wanted.map((c) => c.load()));
}
