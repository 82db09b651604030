import { describe, expect, it } from 'vitest';
import { findTriggers, isHypothetical } from './incident-words.js';

const kinds = (s: string) => findTriggers(s).map((t) => [t.text, t.kind, t.against ?? null]);
const main = (s: string) => [...findTriggers(s)].sort((a, b) => b.priority - a.priority || a.start - b.start)[0];

describe('findTriggers', () => {
  it('reads a weapon as the subject of "hit", and "was hit by" a weapon, but not "hit by sanctions" or "hit the ball"', () => {
    expect(kinds('Russian missiles hit apartment blocks in Odesa.')).toEqual([['hit', 'armed-attack', null]]);
    expect(kinds('Two rockets slammed into a school.')).toEqual([['slammed into', 'armed-attack', null]]);
    expect(kinds('Kharkiv was hit by two Russian missiles.')).toEqual([['hit', 'armed-attack', null]]);
    expect(kinds('The economy was hit by sanctions.')).toEqual([]);
    expect(kinds('He hit the ball.')).toEqual([]);
  });

  it('reads drones or aircraft seen, spotted or flying over a place as an airspace violation that outranks "a hybrid attack"', () => {
    expect(main('Unidentified drones were seen over an air base; officials called it a hybrid attack.')).toMatchObject({ text: 'were seen over', kind: 'airspace-violation', against: 'territory' });
    expect(main('Two military helicopters flew over the village.')).toMatchObject({ kind: 'airspace-violation' });
    expect(kinds('Birds were seen over the lake.')).toEqual([]);
  });

  it('reads a ship sunk or torpedoed as an attack on a vessel, outranking "the worst attack"', () => {
    expect(main('It was the worst attack since March, when a torpedo sank the corvette.')).toMatchObject({ text: 'sank', kind: 'armed-attack', against: 'vessel' });
    expect(main('The frigate was torpedoed in the strait.')).toMatchObject({ text: 'torpedoed', against: 'vessel' });
  });
});

describe('crossing a line and denied claims', () => {
  it('reads crossing a named line (demarcation line, line of control, boundary) as an incursion', () => {
    expect(main('Soldiers crossed the military demarcation line on Tuesday.')).toMatchObject({ text: 'crossed the military demarcation line', kind: 'incursion' });
    expect(main('Troops crossed the Line of Control near Uri.')).toMatchObject({ kind: 'incursion' });
    expect(kinds('The convoy crossed the bridge.')).toEqual([]);
  });

  it('reads "firing on" as an attack, like "fired on"', () => {
    expect(main('Armenian troops firing on Azerbaijani positions')).toMatchObject({ text: 'firing on', kind: 'armed-attack' });
  });

  it('keeps a claim that the other side denied ("…, which Yerevan denied.") but not a denied intent or a denial', () => {
    expect(isHypothetical('It said Armenian troops fired on its positions on Monday, which Yerevan denied.')).toBe(false);
    expect(isHypothetical('The drills were meant to deter an invasion, which Caracas has denied planning.')).toBe(true);
    expect(isHypothetical('Baku denied that its forces shelled the village.')).toBe(true);
  });
});
