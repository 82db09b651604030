/**
 * @module split-sentences
 * Cuts a report into sentences with their offsets. A line break ends a sentence too: news pages
 * pasted from the web put headlines, bylines and page chrome on lines of their own.
 */

/** A sentence of the report, with its offsets and the index of its paragraph (line). */
export interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
  readonly index: number;
}

// A full stop, question or exclamation mark, maybe a closing quote, then space and a capital,
// digit or opening quote. "U.S. forces" does not split (lower case follows).
const BOUNDARY = /(?<=[.!?])["”’)]?\s+(?=["“‘(]?[\p{Lu}\p{N}])/gu;

const MAX_SENTENCE = 1_000;

/** Splits `text` into sentences; blank stretches are skipped. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const lines = /[^\n]+/g;
  let paragraph = 0;
  for (let line = lines.exec(text); line !== null; line = lines.exec(text)) {
    const base = line.index;
    const body = line[0];
    if (body.trim() === '') continue;
    let from = 0;
    const push = (to: number) => {
      // A "sentence" longer than any real one (a list, a table, junk) is cut at a space: reading roles
      // compares every name with every incident word of a sentence, so its length must stay bounded.
      while (to - from > MAX_SENTENCE) {
        const space = body.lastIndexOf(' ', from + MAX_SENTENCE);
        const cut = space > from ? space : from + MAX_SENTENCE;
        pushOne(from, cut);
        from = cut;
      }
      pushOne(from, to);
    };
    const pushOne = (a: number, b: number) => {
      const raw = body.slice(a, b);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (trimmed !== '') out.push({ text: trimmed, start: base + a + lead, end: base + a + lead + trimmed.length, paragraph, index: out.length });
    };
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(body); m !== null; m = BOUNDARY.exec(body)) {
      const quote = m[0].length - m[0].trimStart().length === 0 ? m[0].length - m[0].replace(/^["”’)]/, '').length : 0;
      push(m.index + quote);
      from = m.index + m[0].length;
    }
    push(body.length);
    paragraph++;
  }
  return out;
}
