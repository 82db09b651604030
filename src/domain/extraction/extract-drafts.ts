/**
 * @module extract-drafts
 * From a report's text to draft incidents: sentences that tell of an incident become drafts, drafts
 * about the same event merge, and every field keeps the words it was read from. Pure and offline.
 */
import type { ActorWord } from './actor-lexicon.js';
import type { DraftApplication, DraftDate, DraftIncident, DraftPlace, Evidence, Extraction, Field, Found, PlaceCandidate } from './draft.js';
import { findMentions, type ActorMention, type PlaceMention } from './find-mentions.js';
import type { Gazetteer } from './gazetteer.js';
import { APPLICATION, findObject, findTriggers, FOLLOWING, isHypothetical, type Trigger } from './incident-words.js';
import { orderByEvent, readDates, type DateMention } from './read-dates.js';
import { readRoles, type GroupReading, type RoleReading } from './read-roles.js';
import { splitSentences, type Sentence } from './split-sentences.js';

/** What extraction reads names with. */
export interface ExtractionTables {
  readonly lexicon: ReadonlyMap<string, ActorWord>;
  readonly gazetteer: Gazetteer;
}

/** Options: the report's date (for "on Tuesday", "overnight") and the most text to read. */
export interface ExtractOptions {
  readonly reportDate?: string;
  readonly maxCharacters?: number;
}

/** Reports longer than this are read up to it (and say so): a bounded answer, never a hang. */
export const DEFAULT_MAX_CHARACTERS = 200_000;

interface Raw {
  sentences: Sentence[];
  triggers: Trigger[];
  dates: DateMention[];
  places: PlaceMention[];
  attacker?: RoleReading;
  target?: RoleReading;
  /** The attackers are named only as a group that is no state ("Kurdish militants"). */
  group?: GroupReading;
  application?: { by: string; date?: DateMention; evidence: Evidence };
}

const ev = (text: string, start: number, end: number): Evidence => ({ text: text.slice(start, end), start, end });
const unknown = (reason: string) => ({ status: 'unknown', reason }) as const;
const found = <T>(value: T, confidence: number, how: string, evidence: readonly Evidence[]): Found<T> => ({ status: 'found', value, confidence, how, evidence });
const shift = (d: DateMention, base: number): DateMention => ({ ...d, start: d.start + base, end: d.end + base });
const geonames = (c: PlaceCandidate) => c.source.startsWith('geonames:');
const placeKey = (p: PlaceMention) => p.candidates[0]?.source ?? p.text;

// City candidates count only in countries the report names, or when the city is large: otherwise
// every capitalized word that is also a village somewhere would become a place ("Force", Italy).
// A name only one small place in the world bears ("Jermuk") is kept elsewhere only when the words
// around say it is a place ("near Jermuk", "shelled Jermuk").
function keepCandidates(m: PlaceMention, countries: ReadonlySet<string>): PlaceCandidate[] {
  const { candidates } = m;
  const only = candidates.length === 1 ? candidates[0]! : undefined;
  if (only !== undefined) return !geonames(only) || m.context || (only.country !== undefined && countries.has(only.country)) || (only.population ?? 0) >= 100_000 ? [only] : [];
  const kept = candidates.filter((c) => !geonames(c) || (c.country !== undefined && countries.has(c.country)) || (c.population ?? 0) >= 100_000);
  const local = (c: PlaceCandidate) => !geonames(c) || (c.country !== undefined && countries.has(c.country));
  return kept.sort((a, b) => Number(local(b)) - Number(local(a)));
}

function toPlace(m: PlaceMention, text: string): Found<DraftPlace> {
  const [best, ...rest] = m.candidates;
  const second = rest[0];
  const ambiguous = second !== undefined && geonames(best!) === geonames(second) && best!.country !== second.country;
  const confidence = second === undefined ? 0.9 : ambiguous ? 0.4 : 0.75;
  const how = second === undefined ? 'the one gazetteer entry of this name' : ambiguous ? `ambiguous: ${m.candidates.length} places of this name` : 'the entry in a country the report names';
  return found({ ...best!, mention: m.text, ambiguous, candidates: second === undefined ? [] : m.candidates.slice(0, 8) }, confidence, how, [ev(text, m.start, m.end)]);
}

// "TALLINN — Estonia said …": a dateline names where the report was filed, so it is the incident's place
// only when the sentence names no other ("TALLINN — Estonian government websites were knocked offline").
const DATELINE_AFTER = /^\s*(?:,[^—–\n.]{0,30})?\s*(?:[—–]|--)/;
const dateline = (text: string, p: PlaceMention) => /(?:^|\n)\s*$/.test(text.slice(Math.max(0, p.start - 5), p.start)) && DATELINE_AFTER.test(text.slice(p.end, p.end + 40));

const ASIDE = /,\s+(?:(?:a|an|the|two|three|several|few|some|\w+)\s+)?(?:days?|weeks?|months?|years?|hours?|shortly|just|soon|long)?\s*(?:after|before|since)\s+[^,;.]*/gi;

function readSentence(text: string, s: Sentence, actors: readonly ActorMention[], places: readonly PlaceMention[], reference: string | undefined): Raw | undefined {
  const triggers = findTriggers(s.text);
  const application = APPLICATION.exec(s.text);
  if (triggers.length === 0 && application === null) return undefined;
  if (isHypothetical(s.text)) return undefined;
  const within = <M extends { start: number; end: number }>(m: M) => m.start >= s.start && m.end <= s.end;
  const sActors = actors.filter(within);
  // A clause dated by another event ("…, days after Vilnius restricted the transit to Kaliningrad")
  // names the places of that event, not of the incident, unless it has an incident word itself.
  const asides = [...s.text.matchAll(ASIDE)].map((m) => ({ start: s.start + m.index, end: s.start + m.index + m[0].length })).filter((a) => !triggers.some((t) => s.start + t.start < a.end && a.start < s.start + t.end));
  const sPlaces = places.filter((p) => within(p) && !/\bnot\b[^,;]{0,40}$/i.test(text.slice(s.start, p.start)) && !asides.some((a) => p.start >= a.start && p.end <= a.end)).sort((a, b) => Number(dateline(text, a)) - Number(dateline(text, b)));
  // The event's own dates first: "said on Wednesday that … on Monday night" is Monday's incident.
  const dates = orderByEvent(s.text, readDates(s.text, reference)).map((d) => shift(d, s.start));
  const raw: Raw = { sentences: [s], triggers: triggers.map((t) => ({ ...t, start: t.start + s.start, end: t.end + s.start })), dates, places: sPlaces };
  if (application !== null) {
    const at = s.start + application.index;
    const by = sActors.filter((m) => m.end <= at && /^[A-Z]{3}$/.test(m.word.polity)).at(-1);
    const follow = FOLLOWING.exec(s.text.slice(application.index));
    const cut = follow === null ? s.end : at + follow.index;
    // The request's own clause starts after a semicolon or after the last incident word before it:
    // in "shelled Jermuk overnight; Yerevan asked the CSTO for help", "overnight" is the shelling's.
    const lastTrigger = raw.triggers.filter((t) => t.end <= at).at(-1)?.end ?? s.start;
    const semicolon = s.start + s.text.lastIndexOf(';', application.index);
    const clause = Math.max(lastTrigger, semicolon);
    const appDate = dates.filter((d) => d.start >= clause && d.end <= cut).sort((a, b) => a.start - b.start)[0];
    const owned = (d: DateMention) => d === appDate || (d.start >= clause && d.end <= cut);
    if (by) raw.application = { by: by.word.polity, ...(appDate ? { date: appDate } : {}), evidence: ev(text, by.start, at + application[0].length) };
    raw.dates = dates.filter((d) => !owned(d));
  }
  const roles = readRoles(s.text, s.start, triggers, sActors.filter((a) => !sPlaces.some((p) => a.start >= p.start && a.end <= p.end)), raw.application?.by);
  if (roles.attacker) raw.attacker = roles.attacker;
  if (roles.target) raw.target = roles.target;
  if (roles.group) raw.group = roles.group;
  return raw;
}

function compatible(a: Raw, b: Raw): boolean {
  const da = a.dates[0]?.date.value;
  const db = b.dates[0]?.date.value;
  if (da !== undefined && db !== undefined && da !== db) return false;
  const pa = new Set(a.places.map(placeKey));
  if (a.places.length > 0 && b.places.length > 0 && !b.places.some((p) => pa.has(placeKey(p)))) return false;
  if (a.attacker && b.attacker && a.attacker.polity !== b.attacker.polity) return false;
  if (a.target && b.target && a.target.polity !== b.target.polity) return false;
  const near = (b.sentences[0]?.index ?? 0) - (a.sentences.at(-1)?.index ?? 0) <= 2;
  const same = da !== undefined && da === db && (a.places.length === 0 || b.places.length === 0 || pa.size > 0);
  return near || same;
}

// Merges `b` into `a` in place (`a` is the extractor's own working value): a report of thousands of
// sentences about one event must not copy the growing lists at every sentence.
function merge(a: Raw, b: Raw): Raw {
  a.sentences.push(...b.sentences);
  a.triggers.push(...b.triggers);
  a.dates.push(...b.dates);
  for (const p of b.places) if (!a.places.some((q) => placeKey(q) === placeKey(p))) a.places.push(p);
  if (a.attacker === undefined && b.attacker !== undefined) a.attacker = b.attacker;
  if (a.target === undefined && b.target !== undefined) a.target = b.target;
  if (a.group === undefined && b.group !== undefined) a.group = b.group;
  if (a.application === undefined && b.application !== undefined) a.application = b.application;
  return a;
}

function mostCommon(values: readonly RoleReading[]): RoleReading | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v.polity, (counts.get(v.polity) ?? 0) + 1);
  let best: RoleReading | undefined;
  for (const v of values) if (best === undefined || (counts.get(v.polity) ?? 0) > (counts.get(best.polity) ?? 0)) best = v;
  return best;
}

/**
 * Reads draft incidents in a report.
 * @example extractDrafts('Azerbaijani forces shelled Jermuk overnight.', tables, { reportDate: '2022-09-13' }).drafts[0]?.attacker // { status: 'found', value: 'AZE', … }
 */
export function extractDrafts(input: string, tables: ExtractionTables, options: ExtractOptions = {}): Extraction {
  const max = options.maxCharacters ?? DEFAULT_MAX_CHARACTERS;
  const text = input.length > max ? input.slice(0, max) : input;
  const sentences = splitSentences(text);
  const mentions = findMentions(text, tables.lexicon, tables.gazetteer);
  const actors = mentions.filter((m): m is ActorMention => m.type === 'actor');
  const countries = new Set(actors.map((a) => a.word.polity));
  const named = mentions.filter((m): m is PlaceMention => m.type === 'place');
  // The country of a curated place counts as named too ("Jermuk and Sotk": Sotk is Armenian).
  for (const m of named) if (m.candidates.length === 1 && !geonames(m.candidates[0]!) && m.candidates[0]!.country) countries.add(m.candidates[0]!.country);
  const places = named
    .map((m) => ({ ...m, candidates: keepCandidates(m, countries) }))
    .filter((m) => m.candidates.length > 0);

  let reportDate: Field<string> = unknown('no date given (--date) and no dateline at the top of the report');
  if (options.reportDate !== undefined) reportDate = found(options.reportDate, 1, 'given with the report', []);
  else {
    const head = sentences.slice(0, 3).filter((s) => s.start < 400 && findTriggers(s.text).length === 0);
    for (const s of head) {
      const d = readDates(s.text, undefined).find((x) => x.date.precision === 'day' && !x.relative);
      if (d) {
        reportDate = found(d.date.value, 0.8, 'the dateline at the top of the report', [ev(text, s.start + d.start, s.start + d.end)]);
        break;
      }
    }
  }
  const reference = reportDate.status === 'found' ? reportDate.value : undefined;

  const raws: Raw[] = [];
  const applications: Raw[] = [];
  for (const s of sentences) {
    const raw = readSentence(text, s, actors, places, reference);
    if (raw === undefined) continue;
    if (raw.triggers.length === 0) {
      if (raw.application) applications.push(raw);
      continue;
    }
    const prev = raws.at(-1);
    if (prev !== undefined && compatible(prev, raw)) raws[raws.length - 1] = merge(prev, raw);
    else {
      const same = raws.findIndex((r) => r.dates[0] !== undefined && r.dates[0].date.value === raw.dates[0]?.date.value && r.places.some((p) => raw.places.some((q) => placeKey(p) === placeKey(q))));
      if (same >= 0) raws[same] = merge(raws[same]!, raw);
      else raws.push(raw);
    }
  }
  for (const a of applications) {
    const nearest = raws.filter((r) => r.application === undefined).sort((x, y) => Math.abs((x.sentences[0]?.index ?? 0) - (a.sentences[0]?.index ?? 0)) - Math.abs((y.sentences[0]?.index ?? 0) - (a.sentences[0]?.index ?? 0)))[0];
    if (nearest && a.application) nearest.application = a.application;
  }

  const claimed = new Set(raws.flatMap((r) => r.places.map(placeKey)));
  const attackers = raws.flatMap((r) => (r.attacker ? [r.attacker] : []));
  const targets = raws.flatMap((r) => (r.target ? [r.target] : []));
  const drafts = raws.map((r, i): DraftIncident => draftOf(text, r, i, { places, claimed, attackers, targets, sentences }));
  return { reportDate, drafts, truncated: text.length < input.length, characters: input.length };
}

interface ReportContext {
  readonly places: readonly PlaceMention[];
  readonly claimed: ReadonlySet<string>;
  readonly attackers: readonly RoleReading[];
  readonly targets: readonly RoleReading[];
  readonly sentences: readonly Sentence[];
}

function draftOf(text: string, r: Raw, i: number, ctx: ReportContext): DraftIncident {
  const first = r.sentences[0]!;
  const evidence = r.sentences.map((s) => ev(text, s.start, s.end));
  const main = [...r.triggers].sort((a, b) => b.priority - a.priority || a.start - b.start)[0]!;

  let date: Field<DraftDate> = unknown('the report gives no date for this incident');
  const d = r.dates[0];
  if (d?.reported) date = found(d.date, 0.5, 'the date of a reporting verb ("said on …"): the incident was then or before', [ev(text, d.start, d.end)]);
  else if (d) date = found(d.date, d.relative ? 0.7 : 0.9, d.relative ? 'relative to the report\'s date' : 'a date in the incident\'s sentence', [ev(text, d.start, d.end)]);
  else {
    const earlier = ctx.sentences.filter((s) => s.paragraph === first.paragraph && s.index < first.index).flatMap((s) => readDates(s.text, undefined).map((x) => shift(x, s.start))).at(-1);
    if (earlier) date = found(earlier.date, 0.5, 'the last date given earlier in the paragraph', [ev(text, earlier.start, earlier.end)]);
  }

  const places = r.places.map((p) => toPlace(p, text));
  let place: Field<DraftPlace> = places[0] ?? unknown('the incident\'s sentences name no place the gazetteer knows');
  if (place.status === 'unknown') {
    // Only curated names count here: a city named in passing elsewhere is too weak a guess.
    const named = ctx.places.filter((p) => p.end <= first.start && !ctx.claimed.has(placeKey(p)) && p.candidates[0] !== undefined && !geonames(p.candidates[0])).at(-1);
    if (named) {
      const p = toPlace(named, text);
      place = { ...p, confidence: Math.min(p.confidence, 0.35), how: 'named earlier in the report, by no other incident' };
    }
  }

  let target: Field<string> = r.target ? found(r.target.polity, r.target.confidence, r.target.how, [r.target.evidence]) : unknown('the report does not say who was attacked');
  // The place's country says who was attacked only when the place is certain and is not the
  // attacker's own (Azerbaijani drones over Khankendi say nothing of the target).
  const country = place.status === 'found' && !place.value.ambiguous ? place.value.country : undefined;
  if (target.status === 'unknown' && country !== undefined && country !== r.attacker?.polity)
    target = found(country, 0.6, 'the country the place lies in (gazetteer)', place.status === 'found' ? place.evidence : []);
  const otherTarget = mostCommon(ctx.targets);
  if (target.status === 'unknown' && otherTarget) target = found(otherTarget.polity, 0.4, 'the target of the report\'s other incidents', [otherTarget.evidence]);

  if (place.status === 'found' && place.value.kind === 'border' && target.status === 'found') {
    const side = place.value.candidates.find((c) => c.country === target.value);
    if (side) place = { ...place, value: { ...place.value, ...side, ambiguous: false }, confidence: 0.5, how: 'the side of the border of the state attacked' };
  }

  let attacker: Field<string> = r.attacker
    ? found(r.attacker.polity, r.attacker.confidence, r.attacker.how, [r.attacker.evidence])
    : r.group
      ? unknown(`the attackers are named only as "${r.group.evidence.text}" (${r.group.evidence.start}–${r.group.evidence.end}), a group that is no state: no state attacker is read from it`)
      : unknown('the report does not say who attacked');
  const otherAttacker = mostCommon(ctx.attackers.filter((a) => target.status !== 'found' || a.polity !== target.value));
  // A group the report names as the attacker is not replaced by the attacker of another incident.
  if (attacker.status === 'unknown' && r.group === undefined && otherAttacker) attacker = found(otherAttacker.polity, 0.4, 'the attacker of the report\'s other incidents', [otherAttacker.evidence]);

  const kind = found(main.kind, main.priority > 1 ? 0.85 : 0.65, `the words "${main.text}"`, [ev(text, main.start, main.end)]);
  let against: Field<DraftIncident['against'] extends Field<infer T> ? T : never> = unknown('the report does not say what was attacked');
  const home = r.sentences.find((s) => s.start <= main.start && main.end <= s.end) ?? first;
  const object = findObject(text.slice(main.end, home.end));
  if (main.against) against = found(main.against, 0.8, `the words "${main.text}"`, [ev(text, main.start, main.end)]);
  else if (object) against = found(object.against, 0.7, `the words "${object.text}" after "${main.text}"`, [ev(text, main.end + object.offset, main.end + object.offset + object.text.length)]);
  else if (place.status === 'found') against = found('territory', 0.6, 'a place was attacked', place.evidence);

  let application: Field<DraftApplication> = unknown('the report mentions no request for help');
  if (r.application) application = found({ by: r.application.by, ...(r.application.date ? { date: r.application.date.date.value } : {}) }, 0.8, 'a request for help', [r.application.evidence, ...(r.application.date ? [ev(text, r.application.date.start, r.application.date.end)] : [])]);

  return { id: `d${i + 1}`, evidence, date, place, places, attacker, target, kind, against, application };
}
