/**
 * @module zones.command
 * `casus zones`: GeoJSON of where an armed attack on a party's territory would trigger a provision.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { didYouMean } from '../domain/did-you-mean.js';
import { invalidInput } from '../domain/errors.js';
import { READINGS, type Reading } from '../domain/territory/index.js';
import { provisionZones } from '../domain/zones/index.js';
import { loadKnowledge } from '../knowledge/index.js';
import { parseChoice, parseDate, parsePolity } from './arguments.js';
import { runCommand } from './run-command.js';

interface ZonesFlags {
  treaty?: string;
  provision?: string;
  date?: string;
  reading?: string;
  resolution: string;
  attacker?: string;
  output?: string;
}

/** The `zones` command. */
export function zonesCommand(): Command {
  return new Command('zones')
    .description('write GeoJSON of where an armed attack on a party\'s territory would trigger a provision on a date')
    .option('--treaty <id>', 'treaty id, e.g. nato (required)')
    .option('--provision <id>', 'provision id, e.g. art-5 (required)')
    .option('--date <YYYY-MM-DD>', 'the date (required)')
    .option('--reading <reading>', `one of ${READINGS.join(', ')} (default: the provision's default reading)`)
    .option('--resolution <degrees>', 'grid cell size in degrees, 0.05 to 2', '0.25')
    .option('--attacker <polity>', 'assume this attacker (without one, conditions on the attacker are unknown)')
    .option('--output <file>', 'write to FILE instead of stdout (written whole or not at all)')
    .addHelpText(
      'after',
      `
Each feature is a MultiPolygon with properties { treaty, provision, reading, date, status, beneficiary,
cells, open }: status is "triggered" or "undetermined" (open lists the reasons), beneficiary the party
attacked. The map is sampled on a grid of --resolution degrees (every cell answered by "casus locate",
so a zone never disagrees with "casus assess" at a cell centre); coastlines and borders are therefore
approximate to one cell. Islands the base layer lacks (e.g. the Senkakus) are drawn from their overlay.

Examples:
  casus zones --treaty nato --provision art-5 --date 2024-06-01 --output nato-art5.geojson
  casus zones --treaty csto --provision art-4 --date 2022-09-13 --reading delimited --attacker AZE
  casus zones --treaty us-japan --provision art-5 --date 2024-01-01 --resolution 0.1`,
    )
    .action(
      runCommand((flags: ZonesFlags) => {
        if (flags.treaty === undefined) throw invalidInput('--treaty', 'a treaty id such as nato (required)', 'nothing');
        if (flags.provision === undefined) throw invalidInput('--provision', 'a provision id such as art-5 (required)', 'nothing');
        if (flags.date === undefined) throw invalidInput('--date', 'a date YYYY-MM-DD (required)', 'nothing');
        const date = parseDate(flags.date);
        const reading = flags.reading === undefined ? undefined : parseChoice<Reading>(flags.reading, '--reading', READINGS);
        const cellDeg = Number(flags.resolution);
        if (!Number.isFinite(cellDeg) || cellDeg < 0.05 || cellDeg > 2) throw invalidInput('--resolution', 'a cell size in degrees from 0.05 to 2', flags.resolution);
        const attacker = flags.attacker === undefined ? undefined : parsePolity(flags.attacker, '--attacker');
        const knowledge = loadKnowledge();
        // Unknown ids are bad input (exit 2, naming the flag), checked here before any work.
        const treaty = knowledge.treaties.find((t) => t.id === flags.treaty);
        if (!treaty) throw invalidInput('--treaty', `a treaty id, one of ${knowledge.treaties.map((t) => t.id).join(', ')}${hint(flags.treaty, knowledge.treaties.map((t) => t.id))}`, flags.treaty);
        const provisions = treaty.provisions.filter((p) => p.kind !== 'scope').map((p) => p.id);
        if (!treaty.provisions.some((p) => p.id === flags.provision))
          throw invalidInput('--provision', `a provision of ${treaty.id}, one of ${provisions.join(', ')}${hint(flags.provision, provisions)}`, flags.provision);
        const zones = provisionZones(knowledge, { treaty: flags.treaty, provision: flags.provision, date, reading, cellDeg, attacker });
        const text = JSON.stringify(zones) + '\n';
        if (flags.output === undefined) process.stdout.write(text);
        else {
          const tmp = `${flags.output}.partial-${process.pid}`;
          writeFileSync(tmp, text);
          renameSync(tmp, flags.output);
        }
        const summary = zones.features.map((f) => `${f.properties.beneficiary} ${f.properties.status} (${f.properties.cells} cells)`).join(', ');
        process.stderr.write(`casus: ${zones.features.length} zone(s) at ${cellDeg}° cells${summary ? `: ${summary}` : ''}${flags.output ? ` → ${flags.output}` : ''}\n`);
      }),
    );
}

function hint(value: string, known: readonly string[]): string {
  const near = didYouMean(value, known);
  return near ? ` (did you mean "${near}"?)` : '';
}
