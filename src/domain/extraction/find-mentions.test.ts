import { describe, expect, it } from 'vitest';
import { actorLexicon } from './actor-lexicon.js';
import { extractDrafts } from './extract-drafts.js';
import { findMentions, type PlaceMention } from './find-mentions.js';
import { buildGazetteer } from './gazetteer.js';

// Each of these names is borne by one GeoNames place somewhere: the false friends of a report.
const lexicon = actorLexicon();
const gazetteer = buildGazetteer([
  { names: ['The Village'], place: { name: 'The Village', at: [35.56, -97.55], country: 'USA', kind: 'city', source: 'geonames:4552969', population: 9400 } },
  { names: ['Force'], place: { name: 'Force', at: [42.96, 13.49], country: 'ITA', kind: 'city', source: 'geonames:6535611', population: 722 } },
  { names: ['Cheonan'], place: { name: 'Cheonan', at: [36.81, 127.15], country: 'KOR', kind: 'city', source: 'geonames:1845759', population: 365_114 } },
  { names: ['Jermuk'], place: { name: 'Jermuk', at: [39.84, 45.67], country: 'ARM', kind: 'city', source: 'geonames:174884', population: 4582 } },
]);
const places = (text: string) => findMentions(text, lexicon, gazetteer).filter((m): m is PlaceMention => m.type === 'place').map((m) => [m.text, m.context]);

describe('findMentions', () => {
  it('reads only capitalized names: "the village" is not the town The Village', () => {
    expect(places('Fragments fell near the village of Jermuk.')).toEqual([['Jermuk', true]]);
    expect(places('The village was evacuated.')).toEqual([]);
    expect(places('Shots were fired in The Village.')).toEqual([['The Village', true]]);
  });

  it('reads no place inside a longer capitalized name (an organisation) or after a ship\'s type (a ship\'s name)', () => {
    expect(places('Men fired on a Guyana Defence Force boat.')).toEqual([]);
    expect(places('A torpedo sank the corvette Cheonan near the island.')).toEqual([]);
    expect(places('Force Majeure Holdings denied it.')).toEqual([]);
  });

  it('still reads a place after a day, at the start of a sentence, after a polity, or before what lies there', () => {
    expect(places('On Tuesday Jermuk was shelled.')).toEqual([['Jermuk', false]]);
    expect(places('Jermuk was shelled.')).toEqual([['Jermuk', false]]);
    expect(places('Drones struck Armenian Jermuk.')).toEqual([['Jermuk', false]]);
    expect(places('Drones were seen over Cheonan Air Base.')).toEqual([['Cheonan', true]]);
  });

  it('says when the words around call the name a place: a preposition of place, "the village of", a verb', () => {
    expect(places('Gunmen attacked a checkpoint near Force.')).toEqual([['Force', true]]);
    expect(places('Azerbaijani forces shelled Jermuk.')).toEqual([['Jermuk', true]]);
    expect(places('Jermuk said nothing.')).toEqual([['Jermuk', false]]);
  });
});

describe('a name one small place bears, outside the countries the report names', () => {
  const tables = { lexicon, gazetteer };
  const place = (text: string) => extractDrafts(text, tables, { reportDate: '2024-01-01' }).drafts[0]?.place;

  it('is a place only when the words around say so', () => {
    expect(place('Gunmen attacked a checkpoint near Force on Monday.')).toMatchObject({ status: 'found', value: { name: 'Force' } });
    expect(place('Gunmen attacked a checkpoint on Monday, Force officials said.')?.status).toBe('unknown');
  });

  it('is a place without them when it lies in a country the report names', () => {
    expect(place('Armenia said Azerbaijani troops attacked on Monday; Jermuk was hit by shells.')).toMatchObject({ status: 'found', value: { name: 'Jermuk' } });
  });
});
