/**
 * @module attack-phrases
 * The phrases of an attack that are more than one word: a verb, what was fired or sent, and the
 * particle before the target ("fired rockets at", "opened fire on", "launched drones against"); the
 * nouns for the means of an attack (weapons, aircraft, vessels, units) that may stand between an
 * attacker's name and its verb; and the words for armed groups that are no state.
 */

/** What flies and can be flown over a place: the aircraft among the means of an attack. */
const FLYING = [
  'drones?', 'UAVs?', 'unmanned aerial vehicles?', 'aircraft', '(?:fighter |military |combat )?(?:jets?|planes?)', 'fighters', 'warplanes?',
  'bombers?', 'helicopters?',
];

/** Weapons and platforms: what is fired, launched or flown ("rockets", "helicopters", "fighter jets"). */
export const MEANS = [
  'rockets?', 'missiles?', 'shells?', 'mortars?(?: rounds| shells)?', 'artillery(?: rounds| shells)?', 'grenades?', 'bombs?',
  'projectiles?', 'munitions', 'salvos?', 'barrages?', 'volleys?', 'shots', 'rounds', 'torpedo(?:es)?', 'flares',
  'loitering munitions', ...FLYING, 'gunships?', 'interceptors?',
  'warships?', 'ships?', 'vessels?', 'boats?', 'submarines?', 'frigates?', 'tanks?', 'armou?red vehicles?',
];

/** The means that fly, and balloons: what is "seen over" a place violates its airspace. */
export const AIRCRAFT = [...FLYING, 'balloons?'];

/** Units and services that stand for their state ("Russian troops", "Chinese coast guard"). */
export const UNITS = [
  'armed forces', 'government forces', 'special forces', 'forces', 'troops', 'army', 'military', 'navy', 'naval', 'air force',
  'soldiers', 'servicemen', 'units', 'paratroopers', 'marines', 'border guards', 'coast guard', 'state', 'government', 'hackers',
];

const MEANS_GROUP = `(?:${MEANS.join('|')})`;

/**
 * A weapon as the subject of the verb, the attacker unnamed or named before it: "missiles hit
 * apartment blocks", "a shell slammed into"; and the passive "was hit by Russian missiles". The match
 * is the verb alone, so the words before it read as for any other verb.
 */
export const WEAPON_HIT = new RegExp(
  `(?<=\\b${MEANS_GROUP} (?:\\w+ly )?)(?:hit|hits|slammed into|smashed into|rained down on)\\b|\\bhit(?= by (?:[\\p{L}-]+ ){0,3}${MEANS_GROUP}\\b)`,
  'giu',
);

/**
 * Aircraft or drones seen, spotted or flying over a place: an airspace violation, whoever sent them
 * ("unidentified drones were seen over Skrydstrup air base"). The match starts at the verb.
 */
export const SEEN_OVER = new RegExp(
  `(?<=\\b(?:${AIRCRAFT.join('|')}) )(?:(?:were|was|have been|had been) )?(?:\\w+ly )?(?:seen|spotted|sighted|observed|detected|flying|flew|hovering|hovered|circling|circled) (?:over|above)\\b`,
  'giu',
);

const QUANTITY = '(?:(?:a|an|the|some|several|many|dozens|hundreds|scores|a number|a series|a barrage|a salvo|a volley|\\d+|two|three|four|five|six|ten|twenty)(?: of)? )?';
const KIND = '(?:(?:[\\w-]+ ){0,2})';

interface AttackPhrase {
  /** The verb, in the forms a report uses (past, present, pluperfect and passive are read from it). */
  readonly verbs: readonly string[];
  /** True when the means must be named after the verb ("fired rockets at", not "fired at"). */
  readonly means: boolean;
  /** The particles that introduce the target. */
  readonly particles: readonly string[];
}

// Each row reads "<verb> [quantity] [kind] <means> <particle>", e.g. "launched a barrage of ballistic
// missiles at", or "<verb> <particle>" when `means` is false ("opened fire on").
const PHRASES: readonly AttackPhrase[] = [
  { verbs: ['fired', 'fires', 'firing', 'launched', 'launches', 'launching', 'lobbed', 'hurled', 'dropped', 'shot'], means: true, particles: ['at', 'on', 'upon', 'into', 'against', 'towards?', 'across'] },
  { verbs: ['opened fire', 'open fire', 'opening fire', 'fired', 'firing', 'shot'], means: false, particles: ['on', 'at', 'upon'] },
];

/** One pattern for every row of the table: a match is an armed attack. */
export const ATTACK_PHRASE = new RegExp(
  PHRASES.map((p) => `\\b(?:${p.verbs.join('|')}) ${p.means ? `${QUANTITY}${KIND}${MEANS_GROUP} ` : ''}(?:${p.particles.join('|')})\\b`).join('|'),
  'gi',
);

const GROUP_NOUNS = (
  ['militants', 'separatists', 'insurgents', 'rebels', 'guerrillas', 'gunmen', 'jihadists', 'terrorists', 'militias?', 'militiamen', 'extremists', 'bandits', 'pirates']
).map((n) => `[${n[0]!.toUpperCase()}${n[0]!}]${n.slice(1)}`);

/**
 * Armed groups named by what they are, not by who they are: no state is read from them, even with a
 * nationality before them ("Kurdish militants", "unidentified gunmen", "pro-Russian separatists",
 * "unidentified drones"). Case matters: the words before the noun are names or "pro-" adjectives.
 */
export const NON_STATE_GROUP = new RegExp(
  `(?:\\b[Uu]nidentified|\\b[Uu]nknown|\\b[Mm]asked|\\b[Ss]uspected)\\s+(?:[\\p{L}-]+\\s+){0,2}(?:attackers|assailants|men|groups?|${MEANS.join('|')}|${GROUP_NOUNS.join('|')})\\b` +
    `|(?:\\b(?:\\p{Lu}[\\p{L}-]*|pro-[\\p{L}-]+|armed|radical|Islamist|local)\\s+){0,2}\\b(?:${GROUP_NOUNS.join('|')})\\b` +
    // A "pro-X" group is not X, whatever it is called: "pro-Russian hackers", "pro-Iranian forces".
    `|\\b[Pp]ro-[\\p{L}-]+\\s+(?:[\\p{L}-]+\\s+)?(?:${UNITS.join('|')}|activists|volunteers|fighters)\\b`,
  'u',
);
