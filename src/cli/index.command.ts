/**
 * @module index.command
 * `casus index`: builds the territory index (land and territorial sea, the sea mask, Natural Earth)
 * from the installed geographic packages. `npm install` runs it; run it again after updating them.
 */
import { existsSync, statSync } from 'node:fs';
import { Command } from 'commander';
import { buildBaseLayer, encodeBaseLayer, gazetteerIndexFile, territoryIndexFile, writeGazetteerIndex, writeTerritoryIndex } from '../knowledge/index.js';
import { runCommand } from './run-command.js';

/** The `index` command. */
export function indexCommand(): Command {
  return new Command('index')
    .description('build the territory index from the geographic data packages (npm install does it once)')
    .option('--force', 'rebuild even if an index for the installed packages exists')
    .addHelpText(
      'after',
      `
The index is one binary file in node_modules/.cache/casus/ (or $CASUS_CACHE_DIR), keyed by the sizes
and dates of the source files: OpenStreetMap land and territorial sea (@geo-maps/countries-maritime-10m),
the OpenStreetMap seas (@geo-maps/earth-seas-10m) and Natural Earth (world-atlas). Every command reads
it; a missing or stale index is rebuilt on first use, with a line on stderr.

Examples:
  $ npx casus index            # prints the index's path, building it if needed
  $ npx casus index --force    # rebuild`,
    )
    .action(
      runCommand((opts: { force?: boolean }) => {
        const gazetteer = gazetteerIndexFile();
        if (opts.force || !existsSync(`${gazetteer}.lines`)) process.stdout.write(`gazetteer index built: ${writeGazetteerIndex(gazetteer)}.lines\n`);
        const file = territoryIndexFile();
        if (!opts.force && existsSync(file)) {
          process.stdout.write(`territory index up to date: ${file} (${mib(statSync(file).size)})\n`);
          return;
        }
        const started = performance.now();
        const layer = buildBaseLayer();
        writeTerritoryIndex(file, encodeBaseLayer(layer));
        const edges = (layer.grid.edges.length + layer.sea.edges.length) / 4;
        process.stdout.write(
          `territory index built in ${((performance.now() - started) / 1000).toFixed(1)} s: ${layer.features.length} territories, ${edges.toLocaleString('en')} indexed edges → ${file} (${mib(statSync(file).size)})\n`,
        );
      }),
    );
}

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}
