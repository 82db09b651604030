/**
 * @module incident-words
 * The words that say an incident happened (kind and object), and the words that say it did not
 * happen or only might: hypotheticals, generic statements of the treaty's rule, negations.
 */
import type { ATTACKED_OBJECTS, INCIDENT_KINDS } from '../assessment/index.js';
import { ATTACK_PHRASE, SEEN_OVER, WEAPON_HIT } from './attack-phrases.js';

/** A word that says an incident happened. */
export interface Trigger {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: (typeof INCIDENT_KINDS)[number];
  /** Higher wins when one sentence has several (a cyber-attack is not read as an armed attack). */
  readonly priority: number;
  readonly against?: (typeof ATTACKED_OBJECTS)[number];
}

interface TriggerRule {
  readonly re: RegExp;
  readonly kind: Trigger['kind'];
  readonly priority: number;
  readonly against?: Trigger['against'];
}

const RULES: readonly TriggerRule[] = [
  { re: /\b(?:cyber[- ]?attacks?|cyberattacks?|hacked|hackers|ransomware|DDoS)\b/gi, kind: 'cyber-attack', priority: 6 },
  { re: /\b(?:violat(?:ed|ing|ion of|ions of) (?:\w+ ){0,2}airspace|airspace violations?|intruded into (?:\w+ ){0,2}airspace)\b/gi, kind: 'airspace-violation', priority: 5, against: 'territory' },
  { re: SEEN_OVER, kind: 'airspace-violation', priority: 5, against: 'territory' },
  { re: /\b(?:terrorist attacks?|terror attacks?|suicide bomb(?:ing|ings|er|ers))\b/gi, kind: 'terrorist-attack', priority: 5, against: 'territory' },
  { re: /\b(?:shot down|downed)\b/gi, kind: 'armed-attack', priority: 4, against: 'aircraft' },
  { re: /\b(?:water cannons?|rammed|rammings?|collided with|sank|sunk|torpedoed)\b/gi, kind: 'armed-attack', priority: 4, against: 'vessel' },
  { re: WEAPON_HIT, kind: 'armed-attack', priority: 3 },
  // Verb phrases from one table (attack-phrases.ts): "fired rockets at", "opened fire on".
  { re: ATTACK_PHRASE, kind: 'armed-attack', priority: 3 },
  { re: /\b(?:shell(?:ed|ing|s)|artillery (?:fire|strikes?|attacks?)|mortar (?:fire|attacks?|rounds)|air ?strikes?|drone (?:strikes?|attacks?)|missile (?:strikes?|attacks?)|rocket (?:fire|attacks?)|bomb(?:ed|ing|ings)|struck|invasion|invaded|invade|occupied|occupation|seized)\b/gi, kind: 'armed-attack', priority: 3 },
  { re: /\b(?:incursions?|entered (?:\w+ ){0,2}(?:territorial waters|waters|territory)|crossed (?:into|the (?:[\w-]+ ){0,2}(?:border|demarcation line|line of control|line of contact|ceasefire line|boundary|frontier))|advanced (?:into|several|about|\d))\b/gi, kind: 'incursion', priority: 2, against: 'territory' },
  { re: /\b(?:attack(?:ed|s|ing)?|assault(?:ed|s)?|offensive|fighting|clash(?:es|ed)?|fired (?:on|at|upon)|opened fire|military operations?|hostilities|raid(?:ed|s)?|ambush(?:ed)?|strikes?)\b/gi, kind: 'armed-attack', priority: 1 },
];

/** Every incident word in `sentence`, earliest first; overlapping matches keep the more specific. */
export function findTriggers(sentence: string): Trigger[] {
  const found: Trigger[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(sentence); m !== null; m = rule.re.exec(sentence)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((t) => t.start < end && start < t.end)) continue;
      found.push({ start, end, text: m[0], kind: rule.kind, priority: rule.priority, ...(rule.against ? { against: rule.against } : {}) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

// Statements of the rule ("an attack on one is an attack on all"), conditions and scenarios are not
// reports of an incident.
const NOT_AN_EVENT =
  /\b(?:if|unless|in case of|in the event|in the even|in that event|in such cases|scenario|would|could|might|considered (?:to be )?(?:as )?an? (?:attack|aggression)|an attack on (?:one|all|a member|any)|any kind of|threatens to|threatened to|plans? to|prepar(?:e|es|ing) to|denied)\b/i;

// "…, which Yerevan denied." at the end of a clause: the sentence reports a claim the other side
// denies, still an incident to review; "which Caracas has denied planning" denies an intent.
const DENIED_CLAIM = /,\s*which\s+(?:[\p{Lu}][\p{L}-]*\s+){1,3}(?:has\s+|had\s+)?denied\s*(?=[.;,)]|$)/gu;

/** True when the sentence states a rule, a condition or a possibility rather than an event. */
export function isHypothetical(sentence: string): boolean {
  return NOT_AN_EVENT.test(sentence.replace(DENIED_CLAIM, ' '));
}

const OBJECTS: readonly { re: RegExp; against: (typeof ATTACKED_OBJECTS)[number] }[] = [
  { re: /\b(?:vessels?|warships?|ships?|boats?|frigates?|destroyers?|tankers?|cutters?|resupply (?:mission|boat)|fishing boats?)\b/i, against: 'vessel' },
  { re: /\b(?:aircraft|airplanes?|planes?|helicopters?|airliners?|(?:fighter|military|patrol) jets?|bombers?|gunships?)\b/i, against: 'aircraft' },
  { re: /\b(?:troops|soldiers|servicemen|military (?:base|bases|positions|posts?)|positions|outposts?|garrison|patrols?|convoys?|peacekeepers|base)\b/i, against: 'forces' },
  { re: /\b(?:territory|villages?|towns?|cities|city|region|province|border|settlements?|civilians?|homes|houses)\b/i, against: 'territory' },
];

/** What the words after an incident word say was attacked, if they say it. */
export function findObject(afterTrigger: string): { against: (typeof ATTACKED_OBJECTS)[number]; text: string; offset: number } | undefined {
  let best: { against: (typeof ATTACKED_OBJECTS)[number]; text: string; offset: number } | undefined;
  for (const { re, against } of OBJECTS) {
    const m = re.exec(afterTrigger);
    if (m && (best === undefined || m.index < best.offset)) best = { against, text: m[0], offset: m.index };
  }
  return best;
}

/** A request for help: "applied to the CSTO", "asked NATO for", "invoked Article 4". */
export const APPLICATION = /\b(?:applied to|appealed to|asked (?:the )?[\p{Lu}][\p{L}-]*(?: [\p{Lu}][\p{L}-]*)* (?:for|to)|requested (?:help|assistance|support|consultations)|made the request|invoked Article|requested consultations)\b/u;

/** Words after which a date belongs to the incident that led to a request, not to the request. */
export const FOLLOWING = /\b(?:following|after|in response to)\b/i;
