/**
 * @module actor-lexicon
 * The words that name a polity in news text: country names (ISO 3166 English names and their
 * variants), demonyms, capitals used as metonyms ("Baku", "Yerevan") and the names of armed forces.
 */
import countries from 'i18n-iso-countries';
import { normalizeName } from './normalize-name.js';

/** How a word names a polity. */
export type ActorWordKind = 'name' | 'demonym' | 'capital' | 'force';

/** One entry of the lexicon. */
export interface ActorWord {
  readonly polity: string;
  readonly kind: ActorWordKind;
}

// Demonyms and capitals of the states the encoded treaties bind or name most often; extend as
// reports require. Capitals double as places: the reader decides by the words around them.
const DEMONYMS: Readonly<Record<string, readonly string[]>> = {
  ARM: ['Armenian', 'Armenians'],
  AZE: ['Azerbaijani', 'Azerbaijanis', 'Azeri', 'Azeris'],
  RUS: ['Russian', 'Russians'],
  UKR: ['Ukrainian', 'Ukrainians'],
  BLR: ['Belarusian', 'Belarusians'],
  KAZ: ['Kazakh', 'Kazakhstani'],
  KGZ: ['Kyrgyz'],
  TJK: ['Tajik', 'Tajikistani'],
  USA: ['American', 'Americans'],
  GBR: ['British'],
  FRA: ['French'],
  DEU: ['German', 'Germans'],
  POL: ['Polish', 'Poles'],
  LTU: ['Lithuanian'],
  LVA: ['Latvian'],
  EST: ['Estonian'],
  FIN: ['Finnish'],
  SWE: ['Swedish'],
  NOR: ['Norwegian'],
  ROU: ['Romanian'],
  TUR: ['Turkish', 'Turks'],
  GRC: ['Greek'],
  CYP: ['Cypriot'],
  JPN: ['Japanese'],
  CHN: ['Chinese'],
  TWN: ['Taiwanese'],
  KOR: ['South Korean', 'South Koreans'],
  PRK: ['North Korean', 'North Koreans'],
  PHL: ['Philippine', 'Filipino', 'Filipinos'],
  AUS: ['Australian', 'Australians'],
  NZL: ['New Zealand'],
  VEN: ['Venezuelan', 'Venezuelans'],
  GUY: ['Guyanese'],
  GEO: ['Georgian', 'Georgians'],
  MDA: ['Moldovan'],
  IRN: ['Iranian'],
  ISR: ['Israeli', 'Israelis'],
  SYR: ['Syrian'],
  IND: ['Indian'],
  PAK: ['Pakistani'],
  ARG: ['Argentine', 'Argentinian'],
  CUB: ['Cuban'],
  ESP: ['Spanish'],
  ITA: ['Italian'],
};

const CAPITALS: Readonly<Record<string, readonly string[]>> = {
  ARM: ['Yerevan', 'Erevan', 'Jerewan'],
  AZE: ['Baku', 'Bakı'],
  RUS: ['Moscow', 'Moskva', 'the Kremlin', 'Kremlin'],
  UKR: ['Kyiv', 'Kiev', 'Kyjiw', 'Kijów', 'Київ'],
  BLR: ['Minsk'],
  KAZ: ['Astana'],
  KGZ: ['Bishkek'],
  TJK: ['Dushanbe'],
  USA: ['Washington', 'the White House', 'the Pentagon', 'Pentagon'],
  GBR: ['London'],
  FRA: ['Paris'],
  DEU: ['Berlin'],
  POL: ['Warsaw'],
  LTU: ['Vilnius'],
  LVA: ['Riga'],
  EST: ['Tallinn'],
  TUR: ['Ankara'],
  JPN: ['Tokyo'],
  CHN: ['Beijing', 'Peking'],
  TWN: ['Taipei'],
  KOR: ['Seoul'],
  PRK: ['Pyongyang'],
  PHL: ['Manila'],
  AUS: ['Canberra'],
  VEN: ['Caracas'],
  GUY: ['Georgetown'],
  GEO: ['Tbilisi'],
  MDA: ['Chisinau', 'Chișinău'],
  IRN: ['Tehran'],
  ISR: ['Jerusalem'],
  IND: ['New Delhi', 'Delhi'],
  PAK: ['Islamabad'],
};

const FORCES: Readonly<Record<string, readonly string[]>> = {
  CHN: ['People\'s Liberation Army', 'PLA', 'China Coast Guard', 'Chinese Coast Guard'],
  ISR: ['IDF', 'Israel Defense Forces'],
  RUS: ['Wagner'],
  'non-state:hezbollah': ['Hezbollah', 'Hizbollah'],
  'non-state:hamas': ['Hamas'],
  'non-state:isis': ['Islamic State', 'ISIS', 'ISIL', 'Daesh'],
  'non-state:al-qaeda': ['al-Qaeda', 'Al Qaeda', 'al Qaeda', 'Qaeda'],
  'non-state:houthis': ['Houthi', 'Houthis', 'Ansar Allah'],
  'entity:artsakh': ['Artsakh Defence Army', 'Artsakh Defense Army'],
};

/** Extra country names the ISO list lacks (short and historical forms). */
const EXTRA_NAMES: Readonly<Record<string, readonly string[]>> = {
  GBR: ['Britain'],
  NLD: ['Holland'],
  CZE: ['Czechia'],
  MDA: ['Moldova'],
  USA: ['America'],
  AZE: ['Republic of Azerbaijan', 'Aserbaidschan', 'Azerbaïdjan'],
  ARM: ['Republic of Armenia', 'Armenien', 'Arménie', 'Hayastan'],
  RUS: ['Russland', 'Russie', 'Rusia'],
  UKR: ['Ukraine', 'Ukraina'],
};

/** The lexicon: normalized words → what they name. */
export function actorLexicon(): ReadonlyMap<string, ActorWord> {
  const map = new Map<string, ActorWord>();
  const add = (words: readonly string[], polity: string, kind: ActorWordKind) => {
    for (const w of words) {
      const key = normalizeName(w);
      if (key !== '' && !map.has(key)) map.set(key, { polity, kind });
    }
  };
  for (const [polity, words] of Object.entries(FORCES)) add(words, polity, 'force');
  for (const [alpha2, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    const alpha3 = countries.alpha2ToAlpha3(alpha2);
    // "US" and "UK" read as words too easily once lower-cased; the dotted and long forms remain.
    if (alpha3) add(names.filter((n) => n.length > 2), alpha3, 'name');
  }
  for (const [polity, words] of Object.entries(EXTRA_NAMES)) add(words, polity, 'name');
  for (const [polity, words] of Object.entries(DEMONYMS)) add(words, polity, 'demonym');
  for (const [polity, words] of Object.entries(CAPITALS)) add(words, polity, 'capital');
  return map;
}
