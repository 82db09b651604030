/**
 * @module read-roles
 * Who attacked whom in one sentence, from the words between the polities' names and the incident
 * word: "Azerbaijani forces shelled", "an Azeri attack on its territory", "Armenia's territory was
 * attacked", "strikes on Ukraine", "attacked by Russian drones".
 */
import type { Evidence } from './draft.js';
import type { ActorMention } from './find-mentions.js';
import { MEANS, NON_STATE_GROUP, UNITS } from './attack-phrases.js';
import type { Trigger } from './incident-words.js';

/** An attacker named only as an armed group that is no state ("Kurdish militants"). */
export interface GroupReading {
  readonly evidence: Evidence;
}

/** A role read in a sentence. */
export interface RoleReading {
  readonly polity: string;
  readonly evidence: Evidence;
  readonly confidence: number;
  readonly how: string;
}

// Between an attacker's name and its verb: units, weapons and aircraft (attack-phrases.ts), auxiliaries
// ("had violated", "have shelled") and the adjectives and adverbs of news prose.
const GAP_WORDS = [
  ...UNITS,
  ...MEANS,
  'have', 'has', 'had', 'reportedly', 'again', 'also', 'allegedly', 'overnight', 'launched', 'carried out', 'conducted', 'began', 'started', 'mounted',
  'staged', 'made', 'opened', 'fired', 'a', 'an', 'the', 'new', 'fresh', 'brazen', 'massive', 'large-scale', 'deadly', 'heavy', 'major', 'series of',
  'drone', 'missile', 'air', 'artillery', 'rocket', 'cross-border', 'on \\w+', '\\w+day', '\\w+ly',
  // What an aircraft or ship does, and its model ("a Chinese Y-9 intelligence plane", "Russian MiG-31 fighter jets").
  'intelligence', 'reconnaissance', 'surveillance', 'spy', 'patrol', 'transport', 'strategic', 'maritime', 'early-warning',
  '[a-z]{1,6}-?\\d{1,4}[a-z]{0,3}',
];
const ATTACKER_GAP = new RegExp(`^(?:['’]s)?(?:[\\s,]+(?:${GAP_WORDS.join('|')}))*[\\s,]*$`, 'i');
const NON_STATE = new RegExp(NON_STATE_GROUP.source, 'gu');
const TARGET_GAP = /^[\s,]*(?:(?:on|against|at|into|in|upon|targeting|the|a|an|territory of|positions in|sovereign|parts of|(?:north|south)?(?:north|south|east|west)(?:ern)?|north-eastern|north-western|south-eastern|south-western|central|border|frontier)\s+)*$/i;
// "X ships blocked the boat … and fired water cannon at it": the verb after "and" shares the subject of
// the verb before it, the polity named just before that verb.
const AND_VERB = /\band\s+(?:then\s+|later\s+|also\s+)?(?:[\p{L}-]+\s+)?$/u;
const SUBJECT_OF_VERB = new RegExp(`^(?:['’]s)?(?:[\\s,]+(?:${GAP_WORDS.join('|')}))*\\s+\\w+ed\\b`, 'i');
// "…, injuring four Filipino sailors": the people hurt name the state attacked.
const CASUALTY_BEFORE = /\b(?:injur|wound|kill)(?:ing|ed)\s+(?:(?:at least|about|some|several|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?$/i;
const CASUALTY_AFTER = /^\s+(?:sailors|soldiers|troops|servicemen|crew members|crew|fishermen|civilians|border guards|marines|coast guards?men)\b/i;
const PASSIVE = /\b(?:was|were|been|being|is|are|got)\s+(?:\w+ly\s+)?$/i;
const BY = /^\s+by\s+(?:the\s+)?$/i;
const POSSESSED = /^\s*(?:\w+\s+)?(?:territory|forces|positions|soldiers|troops|vessels?|ships?|border|aircraft|base|villages?|towns?)\b/i;
const TERRITORY_OF = /\b(?:territory|soil) of (?:the Republic of )?$/i;
const ITS_TERRITORY = /\bits (?:territory|soil|border|positions|forces|airspace|territorial waters|waters|(?:[\w-]+ )?(?:websites|networks|systems|servers|infrastructure|institutions|ministries|services?|agencies|banks))\b/i;

// "the drone" just before the verb (with an auxiliary or adverb between) stands for a weapon or unit
// named earlier in the sentence with its state: "fragments of a Russian drone … after the drone violated".
const THE_MEANS = new RegExp(`\\b[Tt]he (${[...MEANS, ...UNITS].join('|')})(?:\\s+(?:had|has|have|then|later|also|\\w+ly))*\\s*$`);
const singular = (noun: string) => noun.toLowerCase().replace(/(?:es|s)$/, '');

/** The polity named earlier in the sentence with the noun of "the <noun>" that ends `before`. */
function antecedent(before: string, base: number, actors: readonly ActorMention[]): ActorMention | undefined {
  const the = THE_MEANS.exec(before);
  if (the === null) return undefined;
  const noun = singular(the[1]!.split(' ').at(-1)!);
  return actors
    .filter((m) => m.end - base <= the.index)
    .filter((m) => {
      const next = /^(?:\s+[\p{L}-]+){1,3}/u.exec(before.slice(m.end - base, the.index));
      return next !== null && next[0].trim().split(/\s+/).some((w) => singular(w) === noun);
    })
    .at(-1);
}

function span(m: ActorMention): Evidence {
  return { text: m.text, start: m.start, end: m.end };
}

// The last non-state group in the sentence from `from` on that `fits` (just before the verb, or after "by").
function groupAt(sentence: string, base: number, from: number, fits: (m: RegExpExecArray) => boolean): GroupReading | undefined {
  let found: GroupReading | undefined;
  NON_STATE.lastIndex = from;
  for (let m = NON_STATE.exec(sentence); m !== null; m = NON_STATE.exec(sentence))
    if (fits(m)) found = { evidence: { text: m[0], start: base + m.index, end: base + m.index + m[0].length } };
  return found;
}

/**
 * Reads attacker and target in a sentence. Offsets of `actors` are absolute; `base` is the
 * sentence's start in the report.
 */
export function readRoles(
  sentence: string,
  base: number,
  triggers: readonly Trigger[],
  actors: readonly ActorMention[],
  applicant: string | undefined,
): { attacker?: RoleReading; target?: RoleReading; group?: GroupReading } {
  let attacker: RoleReading | undefined;
  let group: GroupReading | undefined;
  let target: RoleReading | undefined;
  const local = (m: ActorMention) => ({ s: m.start - base, e: m.end - base });
  for (const t of triggers) {
    // "violated Polish airspace": the polity named inside the words is the one whose airspace it is.
    const inside = actors.find((m) => local(m).s >= t.start && local(m).e <= t.end);
    if (inside && t.kind === 'airspace-violation' && target === undefined) target = { polity: inside.word.polity, evidence: span(inside), confidence: 0.8, how: 'whose airspace was violated' };
    const before = sentence.slice(0, t.start);
    if (PASSIVE.test(before)) {
      const victim = actors.filter((m) => local(m).e <= t.start).at(-1);
      if (victim && target === undefined) target = { polity: victim.word.polity, evidence: span(victim), confidence: 0.85, how: 'subject of a passive incident verb' };
      const by = actors.find((m) => local(m).s >= t.end && BY.test(sentence.slice(t.end, local(m).s)));
      if (by && attacker === undefined) attacker = { polity: by.word.polity, evidence: span(by), confidence: 0.85, how: 'agent after "by"' };
      if (attacker === undefined && group === undefined) group = groupAt(sentence, base, t.end, (m) => /^\s+by\s+(?:the\s+)?$/i.test(sentence.slice(t.end, m.index)));
      continue;
    }
    if (attacker === undefined) {
      const subject = actors.filter((m) => local(m).e <= t.start && m.word.polity !== applicant && ATTACKER_GAP.test(sentence.slice(local(m).e, t.start))).at(-1);
      const earlier = subject ? undefined : antecedent(sentence.slice(0, t.start), base, actors);
      if (subject) attacker = { polity: subject.word.polity, evidence: span(subject), confidence: 0.85, how: `named just before "${t.text}"` };
      else if (earlier) attacker = { polity: earlier.word.polity, evidence: span(earlier), confidence: 0.7, how: `named earlier in the sentence with what "${t.text}" has for subject` };
      else if (AND_VERB.test(before)) {
        const and = AND_VERB.exec(before)!.index;
        const shared = actors.filter((m) => local(m).e <= and && m.word.polity !== applicant && SUBJECT_OF_VERB.test(sentence.slice(local(m).e, and))).at(-1);
        if (shared) attacker = { polity: shared.word.polity, evidence: span(shared), confidence: 0.7, how: `subject of the verb joined to "${t.text}" by "and"` };
      }
      if (attacker === undefined && earlier === undefined && subject === undefined && group === undefined) group = groupAt(sentence, base, 0, (m) => m.index + m[0].length <= t.start && ATTACKER_GAP.test(sentence.slice(m.index + m[0].length, t.start)));
    }
    if (target === undefined) {
      const object = actors.find((m) => local(m).s >= t.end && m.word.polity !== attacker?.polity && TARGET_GAP.test(sentence.slice(t.end, local(m).s)));
      if (object) target = { polity: object.word.polity, evidence: span(object), confidence: 0.8, how: `named just after "${t.text}"` };
    }
  }
  if (target === undefined) {
    const owner = actors.find(
      (m) =>
        m.word.polity !== attacker?.polity &&
        ((m.possessive && POSSESSED.test(sentence.slice(local(m).e + 2))) || TERRITORY_OF.test(sentence.slice(0, local(m).s))),
    );
    if (owner) target = { polity: owner.word.polity, evidence: span(owner), confidence: 0.75, how: 'whose territory or forces the sentence names' };
  }
  if (target === undefined) {
    const hurt = actors.find((m) => m.word.polity !== attacker?.polity && CASUALTY_BEFORE.test(sentence.slice(0, local(m).s)) && CASUALTY_AFTER.test(sentence.slice(local(m).e)));
    if (hurt) target = { polity: hurt.word.polity, evidence: span(hurt), confidence: 0.7, how: 'the people the incident hurt' };
  }
  if (target === undefined && ITS_TERRITORY.test(sentence)) {
    const subject = actors.find((m) => m.word.polity !== attacker?.polity && (applicant === undefined || m.word.polity === applicant));
    if (subject) target = { polity: subject.word.polity, evidence: span(subject), confidence: 0.7, how: '"its territory": the subject of the sentence' };
  }
  return { ...(attacker ? { attacker } : { ...(group ? { group } : {}) }), ...(target ? { target } : {}) };
}
