/**
 * @module record-paths
 * Where the record and the treaty files are: `<data>/record` and `<data>/treaties`, with `<data>` the
 * package's `data/` or the directory in CASUS_DATA (the same convention as src/knowledge/data-dir.ts).
 */
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../data-dir.js';

/** Directories the record loader reads. */
export interface RecordPaths {
  readonly recordDir: string;
  readonly treatiesDir: string;
}

/** The default paths, from CASUS_DATA or the package's data/. */
export function defaultRecordPaths(env: Readonly<Record<string, string | undefined>> = process.env): RecordPaths {
  // From the package root, not from this file: the bundled CLI runs this code from dist/bundle/.
  const data = env.CASUS_DATA ? resolve(env.CASUS_DATA) : resolve(PACKAGE_ROOT, 'data');
  return { recordDir: resolve(data, 'record'), treatiesDir: resolve(data, 'treaties') };
}
