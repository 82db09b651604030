/**
 * @module find-mentions
 * Finds the names of polities and places in a text: the longest run of words, starting with a
 * capital (or a word in a script without case), that the actor lexicon or the gazetteer knows.
 */
import type { ActorWord } from './actor-lexicon.js';
import type { PlaceCandidate } from './draft.js';
import type { Gazetteer } from './gazetteer.js';
import { normalizeName } from './normalize-name.js';

/** A polity named in the text. */
export interface ActorMention {
  readonly type: 'actor';
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly word: ActorWord;
  /** Followed by "'s": "Armenia's territory". */
  readonly possessive: boolean;
}

/** A place named in the text, with every gazetteer entry the name may mean. */
export interface PlaceMention {
  readonly type: 'place';
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly candidates: readonly PlaceCandidate[];
  /** The words around say it is a place: "near", "in", "the village of" before, "air base" after, or a verb ("shelled"). */
  readonly context: boolean;
}

/** A name found in the text. */
export type Mention = ActorMention | PlaceMention;

interface Token {
  readonly start: number;
  readonly end: number;
  readonly key: string;
  readonly capital: boolean;
  readonly possessive: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+)*/gu;
// A capital letter, or a letter from a script without case (Chinese, Japanese, Arabic…).
const NAME_START = /^(?:\p{Lu}|\p{Lo})/u;
// Verbs after which a capital speaks for its state ("Yerevan asked", "Baku denied").
const METONYM_VERBS = new Set(['said', 'says', 'asked', 'asks', 'accused', 'accuses', 'claimed', 'claims', 'denied', 'denies', 'warned', 'warns', 'announced', 'announces', 'responded', 'insisted', 'demanded', 'demands', 'called', 'calls', 'has', 'had', 'is', 'was', 'will', 'would', 'refused', 'rejected', 'rejects', 'blamed', 'blames', 'launched', 'shelled', 'struck', 'attacked', 'sent', 'deployed', 'ordered', 'protested', 'condemned', 'condemns', 'urged', 'reported', 'confirmed', 'and']);
const SUFFIXES = new Set(['province', 'region', 'oblast', 'district', 'village', 'city', 'town', 'marz', 'county', 'area', 'islands', 'island', 'governorate', 'prefecture', 'valley']);
// Capitalized words that are also the names of small towns somewhere: never read as places alone.
const NOT_PLACES = new Set(['however', 'home', 'post', 'article', 'president', 'prime', 'minister', 'secretary', 'general', 'only', 'news', 'featured', 'rocky', 'university', 'union', 'leave', 'check', 'about', 'since', 'another', 'thus', 'when', 'as', 'the', 'this', 'that', 'on', 'in', 'by', 'we', 'he', 'she', 'they', 'it', 'there', 'voicing', 'sponsored', 'blog', 'widget', 'congresswoman', 'march', 'may', 'june', 'july', 'august', 'april', 'independence', 'victoria', 'mobile', 'reading', 'split', 'nice', 'bath', 'of', 'a']);

// Capitalized words that do not join a name: a day or month before or after a place ("on Tuesday Kyiv").
const CALENDAR = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
// Capitalized words after a place that leave it a place: what lies there ("Skrydstrup Air Base").
const FACILITIES = new Set(['air', 'airport', 'airfield', 'airbase', 'base', 'port', 'harbour', 'harbor', 'bridge', 'dam', 'nuclear', 'power', 'plant', 'station', 'river', 'lake', 'bay', 'strait', 'sea', 'border', 'crossing', 'checkpoint', 'mountains', 'hills', 'heights', 'oblast', 'raion', 'krai']);
// A name just after these is the name of a ship ("the corvette Cheonan"), not a place.
const VESSELS = new Set(['ship', 'vessel', 'corvette', 'frigate', 'destroyer', 'cruiser', 'carrier', 'submarine', 'tanker', 'freighter', 'trawler', 'ferry', 'cutter', 'boat', 'yacht', 'warship', 'gunboat', 'patrol']);
// Words before a name that say it is a place: prepositions of place, "the village of", a verb ("shelled").
const PLACE_BEFORE = /(?:\b(?:in|near|at|outside|from|over|around|toward|towards|into|across|inside|off|beyond|on|upon|against|between|along|through)|\b(?:village|town|city|port|settlement|region|area|outskirts|suburbs?|province|district) of|\b\w+ed|\b(?:struck|hit|shot|fought))\s+(?:the\s+)?$/i;

const prefixCache = new WeakMap<ReadonlyMap<string, ActorWord>, Set<string>>();
// Multi-word actor names ("South Korean", "Islamic State") need their first words kept as prefixes.
function actorPrefixes(lexicon: ReadonlyMap<string, ActorWord>): ReadonlySet<string> {
  let set = prefixCache.get(lexicon);
  if (set === undefined) {
    set = new Set();
    for (const key of lexicon.keys()) {
      const words = key.split(' ');
      for (let i = 1; i < words.length; i++) set.add(words.slice(0, i).join(' '));
    }
    prefixCache.set(lexicon, set);
  }
  return set;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    let word = m[0];
    let possessive = false;
    if (/['’]s$/i.test(word)) {
      word = word.slice(0, -2);
      possessive = true;
    }
    tokens.push({ start: m.index, end: m.index + word.length, key: normalizeName(word), capital: NAME_START.test(word), possessive });
  }
  return tokens;
}

// Words of one name are separated by spaces, hyphens or dashes only (a comma or full stop ends it).
const JOINER = /^[\s\-–—]*$/;

const SPACE = /^[ \t]+$/;
const sentenceStart = (text: string, at: number) => /(?:^|[.!?:;"“‘(\n]\s*)$/.test(text.slice(Math.max(0, at - 3), at));

/**
 * True when the words `i` … `i + n - 1` are part of a longer capitalized name that is not a place:
 * an organisation ("Guyana Defence Force", "Washington Post") or a ship ("the corvette Cheonan").
 * A capitalized word before the name counts unless it starts the sentence, is a day or month, or
 * names a polity ("Russian Kursk"); one after counts unless it says what lies there ("Air Base").
 */
function inLongerName(text: string, tokens: readonly Token[], i: number, n: number, lexicon: ReadonlyMap<string, ActorWord>, previous: Mention | undefined): boolean {
  const prev = tokens[i - 1];
  const first = tokens[i]!;
  const last = tokens[i + n - 1]!;
  const next = tokens[i + n];
  if (prev !== undefined && SPACE.test(text.slice(prev.end, first.start))) {
    if (!prev.capital && VESSELS.has(prev.key)) return true;
    const actor = previous?.type === 'actor' && previous.end === prev.end;
    if (prev.capital && !prev.possessive && prev.key !== 'the' && !actor && !CALENDAR.has(prev.key) && !sentenceStart(text, prev.start)) return true;
  }
  if (next !== undefined && next.capital && !last.possessive && SPACE.test(text.slice(last.end, next.start))) {
    const known = lexicon.has(next.key) || actorPrefixes(lexicon).has(next.key);
    if (!known && !SUFFIXES.has(next.key) && !FACILITIES.has(next.key) && !CALENDAR.has(next.key)) return true;
  }
  return false;
}

/**
 * True when a capital just before `next` speaks for its state: a listed verb ("Yerevan asked"), or any
 * verb in the past ("Vilnius restricted the transit") unless a preposition of place comes before
 * ("in Kyiv reported" is the city).
 */
function speaksForState(text: string, start: number, last: Token, next: Token | undefined): boolean {
  if (next === undefined || !JOINER.test(text.slice(last.end, next.start)) || last.possessive) return false;
  if (METONYM_VERBS.has(next.key)) return true;
  return next.key.length > 4 && next.key.endsWith('ed') && !next.capital && !PLACE_BEFORE.test(text.slice(Math.max(0, start - 40), start));
}

/**
 * Finds actor and place mentions in `text`, left to right, longest name first.
 * @example findMentions('Azerbaijani forces shelled Jermuk.', lexicon, gazetteer) // [actor AZE, place Jermuk]
 */
export function findMentions(text: string, lexicon: ReadonlyMap<string, ActorWord>, gazetteer: Gazetteer): Mention[] {
  const tokens = tokenize(text);
  const mentions: Mention[] = [];
  const maxWords = Math.max(gazetteer.maxWords, 4);
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    const isThe = first.key === 'the';
    if (!first.capital && !isThe) continue;
    // "pro-Russian", "anti-Armenian": the name qualifies a group and speaks for no state.
    if (/\b(?:pro|anti)-$/i.test(text.slice(Math.max(0, first.start - 5), first.start))) continue;
    let key = '';
    let matched: { n: number; actor?: ActorWord; places?: readonly PlaceCandidate[] } | undefined;
    for (let n = 1; n <= maxWords && i + n <= tokens.length; n++) {
      const t = tokens[i + n - 1]!;
      if (n > 1 && (!JOINER.test(text.slice(tokens[i + n - 2]!.end, t.start)) || tokens[i + n - 2]!.possessive)) break;
      key = n === 1 ? t.key : `${key} ${t.key}`;
      if (isThe && n === 1) continue;
      // Only capitalized names: "the village" is no town called The Village.
      if (isThe && n === 2 && !t.capital) break;
      if (n === 1 && NOT_PLACES.has(key) && !lexicon.has(key)) continue;
      const actor = lexicon.get(key);
      const places = gazetteer.lookup(key);
      if (actor !== undefined || places !== undefined) matched = { n, ...(actor ? { actor } : {}), ...(places ? { places } : {}) };
      if (!gazetteer.continues(key) && !actorPrefixes(lexicon).has(key)) break;
    }
    if (matched === undefined) continue;
    const last = tokens[i + matched.n - 1]!;
    const next = tokens[i + matched.n];
    const start = first.start;
    if (matched.actor !== undefined && (matched.actor.kind !== 'capital' || matched.places === undefined || speaksForState(text, start, last, next))) {
      mentions.push({ type: 'actor', start, end: last.end, text: text.slice(start, last.end), word: matched.actor, possessive: last.possessive });
    } else if (matched.places !== undefined && !inLongerName(text, tokens, i, matched.n, lexicon, mentions.at(-1))) {
      const extend = next !== undefined && !last.possessive && SUFFIXES.has(next.key) && JOINER.test(text.slice(last.end, next.start));
      const end = extend ? next.end : last.end;
      const after = extend ? tokens[i + matched.n + 1] : next;
      const context = PLACE_BEFORE.test(text.slice(Math.max(0, start - 40), start)) || extend || (after !== undefined && FACILITIES.has(after.key) && JOINER.test(text.slice(end, after.start)));
      mentions.push({ type: 'place', start, end, text: text.slice(start, end), candidates: matched.places, context });
    }
    i += matched.n - 1 + (next !== undefined && SUFFIXES.has(next.key) ? 1 : 0);
  }
  return mentions;
}
