/**
 * `npm run bench [-- section ...]`: the hot paths, with figures printed. Sections: locate (points per
 * second, one core and all cores, against PostGIS), accuracy (against GeoNames' places), assess (assessments and provision evaluations per
 * second), http (the API under load), web (the browser app's first view and frame times), extract (reports
 * per second on one core, ~800-word reports, and the start-up time of `casus extract`). Default: all of them, in that order.
 */
const SECTIONS: Record<string, { file: string; run: string }> = {
  locate: { file: './locate.ts', run: 'benchLocate' },
  accuracy: { file: './accuracy.ts', run: 'benchAccuracy' },
  assess: { file: './assess.ts', run: 'benchAssess' },
  http: { file: './http.ts', run: 'benchHttp' },
  web: { file: './web.ts', run: 'benchWeb' },
  extract: { file: './extract.ts', run: 'benchExtract' },
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of wanted) {
  if (!(name in SECTIONS)) {
    console.error(`bench: unknown section "${name}"; expected one of ${Object.keys(SECTIONS).join(', ')}`);
    process.exit(2);
  }
}
console.log(`casus bench — node ${process.version}, ${new Date().toISOString()}`);
for (const [name, section] of Object.entries(SECTIONS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n## ${name}`);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(section.file)) as Record<string, unknown>;
  } catch (error) {
    console.log(`${name}: skipped — ${section.file} could not be loaded (${(error as Error).message.split('\n')[0]})`);
    continue;
  }
  const run = mod[section.run];
  if (typeof run !== 'function') {
    console.log(`${name}: skipped — ${section.file} has no ${section.run}()`);
    continue;
  }
  await (run as () => Promise<void>)();
}
