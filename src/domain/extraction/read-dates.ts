/**
 * @module read-dates
 * Dates in a sentence, absolute or relative to the report's date, read with chrono-node plus the
 * few forms it leaves out ("overnight", "still ongoing", "autumn 2020", "late 2020").
 */
import * as chrono from 'chrono-node';
import type { DraftDate } from './draft.js';

/** A date read in the text. */
export interface DateMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly date: DraftDate;
  /** True when the words needed a reference date (the report's, or a year given earlier). */
  readonly relative: boolean;
  /** True when the date is a reporting verb's ("said on Monday"): when the report was made, not the event. */
  readonly reported?: boolean;
}

// A reporting verb, maybe with its object ("told reporters"), just before a date.
const REPORTING = /\b(?:said|says|announced|reported|confirmed|stated|added|claimed|declared|acknowledged|wrote|posted|tweeted|warned|told(?: [\p{L}']+){1,3})(?: late| early)?(?: on)?\s*$/iu;

/**
 * Marks the dates a reporting verb governs ("the ministry said on Wednesday that …") and puts them
 * after the others, so that an event's own date ("on Monday night", "two days ago") comes first.
 * @example orderByEvent('X said on Wednesday that drones struck Y on Monday.', readDates(…))[0].text // 'on Monday'
 */
export function orderByEvent(sentence: string, dates: readonly DateMention[]): DateMention[] {
  const marked = dates.map((d) => (REPORTING.test(sentence.slice(Math.max(0, d.start - 60), d.start)) ? { ...d, reported: true } : d));
  return [...marked.filter((d) => d.reported !== true), ...marked.filter((d) => d.reported === true)];
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Adds `days` to an ISO date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const SEASONS: Readonly<Record<string, readonly [number, number]>> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11] };
const SEASON = /\b(?:(early|late|mid)[- ])?(spring|summer|autumn|fall|winter)(?: of)? ((?:19|20)\d\d)\b/gi;
const PART_OF_YEAR = /\b(early|late|mid)[- ]((?:19|20)\d\d)\b/gi;
const IN_YEAR = /\b(?:in|since|during) ((?:19|20)\d\d)\b/gi;
const NOW = /\b(?:overnight|last night|tonight|this morning|earlier today|today|still ongoing|ongoing|currently|continuing)\b/gi;
// chrono reads a bare number, a clock time or "now" as a date: only forms naming a day, a weekday,
// a month or a relative day count as dates of an event.
const DATE_WORDS = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|yesterday|week|month|year|ago|\d{4}-\d\d-\d\d)/i;

// Capitalized words that may stand just before a date without making it part of a name.
const BEFORE_DATE = /^(?:on|in|by|since|until|till|from|before|after|during|last|early|late|mid|between|and|or|the|of|at|this|next|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/**
 * True when the date words at `at` continue a capitalized name ("the boat Unaizah May 4", "Hotel
 * October"): a month or a number just after a capitalized word that does not start the sentence and
 * is no preposition or day.
 */
function inName(text: string, at: number): boolean {
  // Only a month or a number can run on from a name: "struck Kharkiv Thursday" is Thursday.
  if (!/^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d)/i.test(text.slice(at))) return false;
  const before = text.slice(0, at);
  const m = /(\p{Lu}[\p{L}\p{M}'’-]*)\s+$/u.exec(before);
  if (m === null || BEFORE_DATE.test(m[1]!)) return false;
  return !/(?:^|[.!?:;"“(\n])\s*$/.test(before.slice(0, m.index));
}

/**
 * Dates in `text` (offsets relative to it). `reference` is the report's date, or undefined when
 * unknown: then only dates that carry their year are read.
 */
export function readDates(text: string, reference: string | undefined): DateMention[] {
  const out: DateMention[] = [];
  const taken = (s: number, e: number) => out.some((d) => d.start < e && s < d.end);
  for (const m of text.matchAll(SEASON)) {
    const year = Number(m[3]);
    const season = m[2]!.toLowerCase();
    const [a, b] = season === 'winter' ? [12, 2] : SEASONS[season]!;
    const from = iso(year, a, 1);
    const to = season === 'winter' ? iso(year + 1, b, lastDay(year + 1, b)) : iso(year, b, lastDay(year, b));
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], relative: false, date: { value: from, precision: 'season', from, to } });
  }
  for (const m of text.matchAll(PART_OF_YEAR)) {
    if (taken(m.index, m.index + m[0].length)) continue;
    const year = Number(m[2]);
    const part = m[1]!.toLowerCase();
    const [a, b] = part === 'early' ? [1, 4] : part === 'mid' ? [5, 8] : [9, 12];
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], relative: false, date: { value: iso(year, a, 1), precision: 'year', from: iso(year, a, 1), to: iso(year, b, lastDay(year, b)) } });
  }
  for (const m of text.matchAll(IN_YEAR)) {
    const start = m.index + m[0].length - 4;
    if (taken(start, start + 4)) continue;
    const year = Number(m[1]);
    out.push({ start, end: start + 4, text: m[1]!, relative: false, date: { value: iso(year, 1, 1), precision: 'year', from: iso(year, 1, 1), to: iso(year, 12, 31) } });
  }
  if (reference !== undefined)
    for (const m of text.matchAll(NOW)) {
      if (taken(m.index, m.index + m[0].length)) continue;
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0], relative: true, date: { value: reference, precision: 'day', from: reference, to: reference } });
    }
  const instant = reference === undefined ? new Date(Date.UTC(2000, 0, 1, 12)) : new Date(`${reference}T12:00:00Z`);
  for (const r of chrono.en.parse(text, { instant, timezone: 0 }, { forwardDate: false })) {
    const words = r.text.replace(/[\s,.;:]+$/, '');
    const end = r.index + words.length;
    if (taken(r.index, end) || !DATE_WORDS.test(r.text) || inName(text, r.index)) continue;
    const c = r.start;
    const yearKnown = c.isCertain('year');
    if (!yearKnown && reference === undefined) continue;
    const dayKnown = c.isCertain('day') || c.isCertain('weekday');
    const monthKnown = c.isCertain('month') || dayKnown;
    let y = c.get('year') ?? 2000;
    const m = c.get('month') ?? 1;
    const d = c.get('day') ?? 1;
    // A news report tells of the past: "in March" or "last September" without a year is the latest
    // such month not after the report's date.
    // A weekday alone ("on Friday") is the latest such day not after it: chrono may take the nearest.
    const weekdayOnly = c.isCertain('weekday') && !c.isCertain('day');
    if (!yearKnown && !weekdayOnly && reference !== undefined && iso(y, m, dayKnown ? d : 1) > reference) y -= 1;
    const relative = !yearKnown || !monthKnown;
    let day = iso(y, m, d);
    if (weekdayOnly && reference !== undefined && day > reference) day = addDays(day, -7);
    const date: DraftDate = dayKnown
      ? { value: day, precision: 'day', from: day, to: day }
      : monthKnown
        ? { value: iso(y, m, 1), precision: 'month', from: iso(y, m, 1), to: iso(y, m, lastDay(y, m)) }
        : { value: iso(y, 1, 1), precision: 'year', from: iso(y, 1, 1), to: iso(y, 12, 31) };
    out.push({ start: r.index, end, text: words, relative: relative || /\b(?:ago|yesterday|last|this|next)\b/i.test(words), date });
  }
  return out.sort((a, b) => a.start - b.start);
}
