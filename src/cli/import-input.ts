/**
 * @module import-input
 * Streams an export (plain or gzip, told by its first bytes) and cuts it into pieces of whole rows: a
 * cut falls only at a line end outside quotes, so csv-parse in a worker sees complete records (a
 * quoted note may span lines). Memory stays at a few pieces whatever the file's size.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { CasusError } from '../domain/errors.js';

/** What the stream yields: the header once, then pieces. */
export type InputItem =
  | { readonly kind: 'header'; readonly header: string[]; readonly end: number }
  | { readonly kind: 'piece'; readonly piece: Buffer; readonly firstLine: number; readonly nextLine: number; readonly end: number };

/** How to read. */
export interface InputOptions {
  /** Uncompressed offset to resume from: pieces before it are skipped (it is always a cut). */
  readonly from?: number;
  /** Target piece size in bytes (default 1 MiB). */
  readonly pieceBytes?: number;
  /** Called with the bytes read from the file so far (compressed, for gzip): progress. */
  readonly onRead?: (bytes: number) => void;
}

const QUOTE = 0x22;
const NEWLINE = 0x0a;
/** A quoted field longer than this is taken for an unclosed quote. */
const MAX_RECORD = 64 << 20;

/** True when the file starts with gzip's magic bytes. */
export function isGzip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(2);
    return readSync(fd, b, 0, 2, 0) === 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** The end (exclusive) of the last line end in `buf` outside quotes, and the quote state at buf's end. */
function lastCut(buf: Buffer): number {
  let i = 0;
  let cut = -1;
  for (;;) {
    const q = buf.indexOf(QUOTE, i);
    const stop = q < 0 ? buf.length : q;
    const nl = stop > i ? buf.lastIndexOf(NEWLINE, stop - 1) : -1;
    if (nl >= i) cut = nl + 1;
    if (q < 0) return cut;
    const close = buf.indexOf(QUOTE, q + 1); // "" inside a quoted field closes and reopens: same parity
    if (close < 0) return cut;
    i = close + 1;
  }
}

function countLines(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(NEWLINE); i >= 0; i = buf.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

/**
 * Reads `path` and yields its header, then its rows in pieces.
 * @example for await (const item of inputPieces('events.csv.gz')) …
 */
export async function* inputPieces(path: string, options: InputOptions = {}): AsyncGenerator<InputItem> {
  const pieceBytes = options.pieceBytes ?? 1 << 20;
  const from = options.from ?? 0;
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const stream = isGzip(path) ? file.pipe(createGunzip()) : file;
  file.on('data', () => options.onRead?.(file.bytesRead));
  let pending: Buffer = Buffer.alloc(0);
  let offset = 0; // uncompressed offset of pending[0]
  let line = 1;
  let headerDone = false;
  const emit = function* (buf: Buffer, final: boolean): Generator<InputItem> {
    let rest = buf;
    while (rest.length > 0) {
      if (!headerDone) {
        const cut = final ? rest.length : lastCut(rest.subarray(0, Math.min(rest.length, 1 << 20)));
        const nl = cut < 0 ? -1 : rest.subarray(0, cut).indexOf(NEWLINE);
        if (nl < 0 && !final) break;
        const end = nl < 0 ? rest.length : nl + 1;
        const rows: string[][] = parse(rest.subarray(0, end), { relax_column_count: true, relax_quotes: true });
        const header = rows[0];
        if (!header) throw new CasusError('invalid-input', `${path}: the first line is empty; expected a header row with the column names`);
        headerDone = true;
        line += countLines(rest.subarray(0, end));
        offset += end;
        rest = rest.subarray(end);
        yield { kind: 'header', header, end: offset };
        continue;
      }
      if (rest.length < pieceBytes && !final) break;
      const cut = final ? rest.length : lastCut(rest);
      if (cut <= 0) {
        if (rest.length > MAX_RECORD)
          throw new CasusError('invalid-input', `${path}:${line}: a quoted field opened on or after this line is not closed within ${MAX_RECORD >> 20} MiB; expected a closing quote (")`);
        break;
      }
      const piece = rest.subarray(0, cut);
      const firstLine = line;
      line += countLines(piece);
      offset += cut;
      rest = rest.subarray(cut);
      if (offset > from) {
        // A resume offset is where an earlier run cut: a row boundary, though maybe inside this piece.
        const skip = Math.max(0, from - (offset - cut));
        const todo = piece.subarray(skip);
        yield { kind: 'piece', piece: Buffer.from(todo), firstLine: skip === 0 ? firstLine : firstLine + countLines(piece.subarray(0, skip)), nextLine: line, end: offset };
      }
    }
    pending = rest;
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    yield* emit(pending.length === 0 ? chunk : Buffer.concat([pending, chunk]), false);
  }
  yield* emit(pending, true);
  if (!headerDone) throw new CasusError('invalid-input', `${path} is empty; expected a header row with the column names`);
}
