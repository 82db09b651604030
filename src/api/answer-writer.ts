/**
 * @module answer-writer
 * Writes the answer object's JSON straight into bytes: the same bytes as `JSON.stringify` then UTF-8,
 * in about half the time. Most of a full answer is text the knowledge base already holds (treaty
 * words in Russian and Armenian, file names, version labels): JSON.stringify copies it into a
 * two-byte string that must then be re-encoded, where this copies its UTF-8, encoded once per worker.
 * Findings read alike under several readings share their condition list (assess), which is
 * written once and copied. The findings and conditions are written field by field in the order
 * evaluate-provision builds them; test/answer-writer.test.ts checks the bytes against
 * JSON.stringify over thousands of answers, so a field added there and not here fails it.
 */
import type { Assessment, ConditionResult, Finding } from '../domain/assessment/index.js';

/** Writes answers as bytes. */
export interface AnswerWriter {
  /** The answer's (or its summary view's) JSON as UTF-8: a view of the writer's own buffer, valid until the next write. */
  write(answer: Assessment, view: 'full' | 'summary'): Buffer;
}

/**
 * A writer that knows `knownText` (the knowledge base's strings) already encoded.
 * @example createAnswerWriter(textsOf(knowledge.treaties)).write(answer, 'full').copy(slot)
 */
export function createAnswerWriter(knownText: Iterable<string>): AnswerWriter {
  const known = new Map<string, Buffer>();
  for (const s of knownText) if (!known.has(s)) known.set(s, Buffer.from(JSON.stringify(s)));
  // Its own memory, not the shared slot the answer goes to: V8 writes ordinary memory faster, and one
  // copy of the finished answer costs less than the difference.
  let out = Buffer.alloc(256 * 1024);
  let pos = 0;
  const room = (n: number) => {
    if (pos + n <= out.length) return;
    const larger = Buffer.alloc(Math.max(2 * out.length, pos + n));
    out.copy(larger, 0, 0, pos);
    out = larger;
  };
  const bytes = (b: Buffer) => {
    const n = b.length;
    room(n);
    out.set(b, pos);
    pos += n;
  };
  const byte = (c: number) => {
    room(1);
    out[pos++] = c;
  };
  /** A string written fresh: request-specific text (reasons, notes). */
  const fresh = (s: string) => {
    const n = s.length;
    room(n + 2);
    const start = pos;
    out[pos++] = 34;
    // Most of it is printable ASCII, copied as it is; anything else is left to JSON.stringify.
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === 34 || c === 92) break;
      out[pos++] = c;
    }
    if (i === n) {
      out[pos++] = 34;
      return;
    }
    pos = start;
    const quoted = JSON.stringify(s);
    // A UTF-16 unit takes at most 3 UTF-8 bytes.
    room(quoted.length * 3);
    pos += out.write(quoted, pos, 'utf8');
  };
  /** ASCII written as it is: a number. */
  const bare = (s: string) => {
    room(s.length);
    pos += out.write(s, pos, 'latin1');
  };
  /** A string likely to come from the knowledge base. */
  const text = (s: string) => {
    const b = known.get(s);
    if (b) bytes(b);
    else fresh(s);
  };
  const freshList = (list: readonly string[]) => {
    byte(91);
    for (let i = 0; i < list.length; i++) {
      if (i > 0) byte(44);
      fresh(list[i]!);
    }
    byte(93);
  };
  const textOrNull = (s: string | null) => (s === null ? bytes(NULL) : text(s));

  /** Any JSON value, as JSON.stringify writes it (the incident, the location, the summary). */
  const value = (v: unknown): boolean => {
    switch (typeof v) {
      case 'string':
        text(v);
        return true;
      case 'number':
        bare(Number.isFinite(v) ? String(v) : 'null');
        return true;
      case 'boolean':
        bytes(v ? TRUE : FALSE);
        return true;
      case 'object': {
        if (v === null) {
          bytes(NULL);
          return true;
        }
        if (Array.isArray(v)) {
          byte(91);
          for (let i = 0; i < v.length; i++) {
            if (i > 0) byte(44);
            if (!value(v[i])) bytes(NULL);
          }
          byte(93);
          return true;
        }
        byte(123);
        let first = true;
        for (const k in v) {
          const x = (v as Record<string, unknown>)[k];
          if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
          if (!first) byte(44);
          first = false;
          text(k);
          byte(58);
          value(x);
        }
        byte(125);
        return true;
      }
      default:
        return false;
    }
  };

  // Each condition list written in this answer, by identity: where its bytes start and end.
  const written = new Map<readonly ConditionResult[], { readonly from: number; readonly to: number }>();
  const conditions = (list: readonly ConditionResult[]) => {
    const before = written.get(list);
    if (before !== undefined) {
      const n = before.to - before.from;
      room(n);
      out.copyWithin(pos, before.from, before.to);
      pos += n;
      return;
    }
    const from = pos;
    byte(91);
    for (let i = 0; i < list.length; i++) {
      const c = list[i]!;
      if (i > 0) byte(44);
      bytes(C_ID);
      text(c.id);
      bytes(C_RESULT);
      text(c.result);
      bytes(C_REASON);
      fresh(c.reason);
      tail(c);
      if (c.missing !== undefined) {
        bytes(C_MISSING);
        freshList(c.missing);
      }
      byte(125);
    }
    byte(93);
    written.set(list, { from, to: pos });
  };
  const finding = (f: Finding) => {
    bytes(headOf(f));
    text(f.reading);
    bytes(f.defaultReading ? F_DEFAULT_TRUE : F_DEFAULT_FALSE);
    text(f.status);
    bytes(F_BENEFICIARY);
    textOrNull(f.beneficiary);
    bytes(F_OBLIGED);
    freshList(f.obliged);
    bytes(F_PREREQUISITES);
    freshList(f.prerequisites);
    bytes(F_CONDITIONS);
    conditions(f.conditions);
    version(f.version);
    freshList(f.notes);
    byte(125);
  };

  // The parts of a finding and of a condition that come from the knowledge base, written once: a
  // finding's treaty and provision, its version, and a condition's words and citation (shared objects
  // per version and per condition, from evaluate-provision).
  const encode = (write: () => void): Buffer => {
    const [saved, savedPos] = [out, pos];
    out = Buffer.alloc(4096);
    pos = 0;
    write();
    const done = Buffer.from(out.subarray(0, pos));
    [out, pos] = [saved, savedPos];
    return done;
  };
  const heads = new Map<string, Map<string, Buffer>>();
  const headOf = (f: Finding): Buffer => {
    let byProvision = heads.get(f.treaty);
    if (!byProvision) heads.set(f.treaty, (byProvision = new Map<string, Buffer>()));
    let head = byProvision.get(f.provision);
    if (!head)
      byProvision.set(
        f.provision,
        (head = encode(() => {
          bytes(F_TREATY);
          text(f.treaty);
          bytes(F_PROVISION);
          text(f.provision);
          bytes(F_READING);
        })),
      );
    return head;
  };
  // Only the frozen objects evaluate-provision shares are kept: a one-off (the "not in force"
  // finding's version and citation) is written as it is, so it leaves nothing to collect behind.
  const versions = new WeakMap<Finding['version'], Buffer>();
  const writeVersion = (v: Finding['version']) => {
    bytes(F_LABEL);
    text(v.label);
    bytes(F_FROM);
    text(v.from);
    bytes(F_TO);
    textOrNull(v.to);
    bytes(F_NOTES);
  };
  const version = (v: Finding['version']) => {
    if (!Object.isFrozen(v)) return writeVersion(v);
    let done = versions.get(v);
    if (!done) versions.set(v, (done = encode(() => writeVersion(v))));
    bytes(done);
  };
  const tails = new WeakMap<ConditionResult['cites'], { readonly words: string; readonly bytes: Buffer }>();
  const writeTail = (c: ConditionResult) => {
    bytes(C_WORDS);
    text(c.words);
    bytes(C_FILE);
    text(c.cites.file);
    bytes(C_LINE);
    bare(String(c.cites.line));
    byte(125);
  };
  const tail = (c: ConditionResult) => {
    if (!Object.isFrozen(c.cites)) return writeTail(c);
    const known = tails.get(c.cites);
    // One citation object per condition, so one set of words; checked all the same.
    if (known?.words === c.words) return bytes(known.bytes);
    const done = encode(() => writeTail(c));
    tails.set(c.cites, { words: c.words, bytes: done });
    bytes(done);
  };

  return {
    write(answer, view) {
      pos = 0;
      written.clear();
      bytes(A_INCIDENT);
      value(answer.incident);
      bytes(A_LOCATION);
      value(answer.location);
      if (view === 'full') {
        bytes(A_FINDINGS);
        for (let i = 0; i < answer.findings.length; i++) {
          if (i > 0) byte(44);
          finding(answer.findings[i]!);
        }
        byte(93);
      }
      bytes(A_SUMMARY);
      value(answer.summary);
      byte(125);
      return out.subarray(0, pos);
    },
  };
}

/** Every string in a value (a treaty, the knowledge base's treaties): the text answers quote. */
export function textsOf(root: unknown): Set<string> {
  const texts = new Set<string>();
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      texts.add(v);
      return;
    }
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (v instanceof Map)
      for (const [k, x] of v) {
        walk(k);
        walk(x);
      }
    else for (const x of Object.values(v)) walk(x);
  };
  walk(root);
  return texts;
}

const ascii = (s: string) => Buffer.from(s, 'latin1');
const TRUE = ascii('true');
const FALSE = ascii('false');
const NULL = ascii('null');
const A_INCIDENT = ascii('{"incident":');
const A_LOCATION = ascii(',"location":');
const A_FINDINGS = ascii(',"findings":[');
const A_SUMMARY = ascii(',"summary":');
const F_TREATY = ascii('{"treaty":');
const F_PROVISION = ascii(',"provision":');
const F_READING = ascii(',"reading":');
const F_DEFAULT_TRUE = ascii(',"defaultReading":true,"status":');
const F_DEFAULT_FALSE = ascii(',"defaultReading":false,"status":');
const F_BENEFICIARY = ascii(',"beneficiary":');
const F_OBLIGED = ascii(',"obliged":');
const F_PREREQUISITES = ascii(',"prerequisites":');
const F_CONDITIONS = ascii(',"conditions":');
const F_LABEL = ascii(',"version":{"label":');
const F_FROM = ascii(',"from":');
const F_TO = ascii(',"to":');
const F_NOTES = ascii('},"notes":');
const C_ID = ascii('{"id":');
const C_RESULT = ascii(',"result":');
const C_REASON = ascii(',"reason":');
const C_WORDS = ascii(',"words":');
const C_FILE = ascii(',"cites":{"file":');
const C_LINE = ascii(',"line":');
const C_MISSING = ascii(',"missing":');
