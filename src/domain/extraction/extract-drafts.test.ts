import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actorLexicon } from './actor-lexicon.js';
import type { Extraction, Field } from './draft.js';
import { extractDrafts } from './extract-drafts.js';
import { buildGazetteer } from './gazetteer.js';

// A gazetteer of a few places, so that these tests need no file and no GeoNames.
const tables = {
  lexicon: actorLexicon(),
  gazetteer: buildGazetteer([
    { names: ['Jermuk'], place: { name: 'Jermuk', at: [39.84168, 45.66949], country: 'ARM', kind: 'city', source: 'geonames:174884', population: 4582 } },
    { names: ['Sotk'], place: { name: 'Sotk', at: [40.2186, 45.9283], country: 'ARM', kind: 'village', source: 'places:sotk' } },
    { names: ['Springfield'], place: { name: 'Springfield', at: [39.8, -89.64], country: 'USA', kind: 'city', source: 'geonames:1', population: 116_000 } },
    { names: ['Springfield'], place: { name: 'Springfield', at: [-43.3, 172.2], country: 'NZL', kind: 'city', source: 'geonames:2', population: 120_000 } },
  ]),
};
const value = <T>(f: Field<T>) => (f.status === 'found' ? f.value : undefined);

function everyEvidence(x: Extraction) {
  return x.drafts.flatMap((d) => [d.evidence, ...[d.date, d.place, d.attacker, d.target, d.kind, d.against, d.application].flatMap((f) => (f.status === 'found' ? [f.evidence] : []))]).flat();
}

describe('extractDrafts', () => {
  it('reads the issue\'s example: Azerbaijani shelling of Jermuk and Sotk overnight, and Yerevan\'s request', () => {
    const x = extractDrafts('Azerbaijani forces shelled Jermuk and Sotk overnight; Yerevan asked the CSTO for help.', tables, { reportDate: '2022-09-13' });
    expect(x.drafts).toHaveLength(1);
    const d = x.drafts[0]!;
    expect(value(d.date)?.value).toBe('2022-09-13');
    expect(d.places.map((p) => p.value.name)).toEqual(['Jermuk', 'Sotk']);
    expect([value(d.attacker), value(d.target), value(d.kind), value(d.against)]).toEqual(['AZE', 'ARM', 'armed-attack', 'territory']);
    expect(value(d.application)).toEqual({ by: 'ARM' });
  });

  it('reads "on Tuesday" and "last September" relative to the report\'s date, and says unknown without one', () => {
    const text = 'Russian drones struck Jermuk on Tuesday.';
    expect(value(extractDrafts(text, tables, { reportDate: '2024-03-08' }).drafts[0]!.date)).toMatchObject({ value: '2024-03-05', precision: 'day' });
    expect(value(extractDrafts('Russian troops occupied Sotk last September.', tables, { reportDate: '2024-03-08' }).drafts[0]!.date)).toMatchObject({ value: '2023-09-01', precision: 'month', to: '2023-09-30' });
    expect(extractDrafts(text, tables).drafts[0]!.date).toEqual({ status: 'unknown', reason: 'the report gives no date for this incident' });
  });

  it('yields one draft per incident when a report tells of several', () => {
    const x = extractDrafts('On 12 May 2021 Azerbaijani troops crossed into Sotk. On 13 September 2022 Azerbaijani artillery shelled Jermuk.', tables);
    expect(x.drafts.map((d) => [value(d.date)?.value, value(d.place)?.name, value(d.kind)])).toEqual([
      ['2021-05-12', 'Sotk', 'incursion'],
      ['2022-09-13', 'Jermuk', 'armed-attack'],
    ]);
  });

  it('lists the candidates of an ambiguous place and takes no target from it', () => {
    const d = extractDrafts('Gunmen attacked a checkpoint in Springfield on 5 May 2023.', tables).drafts[0]!;
    const place = value(d.place)!;
    expect(place.ambiguous).toBe(true);
    expect(place.candidates.map((c) => c.country).sort()).toEqual(['NZL', 'USA']);
    expect(d.target.status).toBe('unknown');
  });

  it('reads attack verb phrases with what was fired and a particle: "fired a barrage of rockets at", "launched drones against", "opened fire on"', () => {
    for (const text of ['Azerbaijani forces fired a barrage of rockets at Jermuk on 13 September 2022.', 'Azerbaijan launched two kamikaze drones against Jermuk on 13 September 2022.', 'Azerbaijani troops opened fire on Armenian positions near Jermuk on 13 September 2022.']) {
      const d = extractDrafts(text, tables).drafts[0]!;
      expect([value(d.attacker), value(d.target), value(d.kind), value(d.date)?.value]).toEqual(['AZE', 'ARM', 'armed-attack', '2022-09-13']);
    }
  });

  it('reads an attacker whose aircraft "had violated" the airspace, and a passive agent after "by"', () => {
    const d = extractDrafts('Armenia said that Azerbaijani military helicopters had violated its airspace over Jermuk.', tables).drafts[0]!;
    expect([value(d.attacker), value(d.target), value(d.kind)]).toEqual(['AZE', 'ARM', 'airspace-violation']);
    const p = extractDrafts('Armenian positions near Sotk were shelled by Azerbaijani artillery.', tables).drafts[0]!;
    expect([value(p.attacker), value(p.target)]).toEqual(['AZE', 'ARM']);
  });

  it('reads the attacker of "the drone violated" from the state named earlier with the drone, not from any polity', () => {
    const d = extractDrafts('Armenia said fragments of a Russian drone had fallen near Jermuk after the drone violated Armenian airspace.', tables).drafts[0]!;
    expect([value(d.attacker), value(d.target), value(d.kind)]).toEqual(['RUS', 'ARM', 'airspace-violation']);
    expect(d.attacker.status === 'found' && d.attacker.evidence[0]?.text).toBe('Russian');
    // Another noun is no antecedent: Russian officials did not violate anything.
    expect(extractDrafts('Russian officials said near Jermuk the drone violated Armenian airspace.', tables).drafts[0]!.attacker.status).toBe('unknown');
  });

  it('reads no state attacker from a group that is none ("Kurdish militants", "unidentified gunmen") and says so', () => {
    for (const [text, group] of [
      ['Unidentified gunmen opened fire on Armenian soldiers near Jermuk.', 'Unidentified gunmen'],
      ['Armenian soldiers near Jermuk were attacked by separatists.', 'separatists'],
      ['Two Armenian soldiers were killed when Kurdish militants attacked a base near Sotk.', 'Kurdish militants'],
    ] as const) {
      const a = extractDrafts(text, tables).drafts[0]!.attacker;
      expect(a.status).toBe('unknown');
      expect(a.status === 'unknown' && a.reason).toContain(`"${group}"`);
    }
    // Nor is the group replaced by the attacker of the report's other incident.
    const x = extractDrafts('Azerbaijani forces shelled Sotk on 12 May 2021. On 1 June 2021 militants attacked Jermuk.', tables);
    expect(x.drafts.map((d) => value(d.attacker))).toEqual(['AZE', undefined]);
  });

  it('reads no incident in statements of the rule, conditions and possibilities', () => {
    for (const text of ['An attack on one member is considered an attack on all.', 'If Azerbaijan attacked Jermuk, the CSTO would act.', 'Analysts said Russia could strike Sotk.', 'The ministers met in Yerevan.'])
      expect(extractDrafts(text, tables).drafts).toEqual([]);
  });

  it('reads a bounded part of a very long text quickly, and says it was cut', () => {
    const text = 'Azerbaijani forces shelled Jermuk on 13 September 2022. '.repeat(200_000);
    const t = performance.now();
    const x = extractDrafts(text, tables);
    expect(x.truncated).toBe(true);
    expect(x.characters).toBe(text.length);
    expect(performance.now() - t).toBeLessThan(20_000);
  });

  it('never throws, and every quoted span is the report\'s own text at its offsets (property)', () => {
    const words = fc.constantFrom('Azerbaijani', 'forces', 'shelled', 'Jermuk', 'Sotk', 'on', '13 September 2022', 'overnight', 'Yerevan', 'asked', 'the', 'CSTO', 'for', 'help', 'attack', 'Armenia\'s', 'territory', 'was', 'attacked', 'by', 'Russian', 'drones', '.', ';', ',', '\n', 'if', 'Springfield', 'Київ', '尖閣諸島', '\u0000');
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string()), { maxLength: 60 }), (parts) => {
        const text = parts.join(' ');
        const x = extractDrafts(text, tables, { reportDate: '2024-01-01' });
        for (const e of everyEvidence(x)) expect(text.slice(e.start, e.end)).toBe(e.text);
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});

describe('roles and places in longer sentences', () => {
  const more = {
    lexicon: tables.lexicon,
    gazetteer: buildGazetteer([
      { names: ['Vilnius'], place: { name: 'Vilnius', at: [54.69, 25.28], country: 'LTU', kind: 'city', source: 'geonames:593116', population: 542_366 } },
      { names: ['Kaliningrad'], place: { name: 'Kaliningrad', at: [54.71, 20.51], country: 'RUS', kind: 'city', source: 'geonames:554234', population: 434_954 } },
    ]),
  };
  const one = (text: string, reportDate = '2024-03-25') => extractDrafts(text, more, { reportDate }).drafts[0]!;

  it('reads a model designation and what the aircraft does between the nationality and the aircraft', () => {
    expect(value(one('Three Russian MiG-31 fighter jets had violated its airspace.').attacker)).toBe('RUS');
    expect(value(one('A Chinese Y-9 intelligence plane violated Japanese airspace.').attacker)).toBe('CHN');
  });

  it('gives a verb after "and" the subject of the verb before it, and reads the people it hurt as the target', () => {
    const d = one('China Coast Guard ships blocked the resupply boat near the shoal on Saturday and fired water cannon at it, injuring four Filipino sailors.');
    expect([value(d.attacker), value(d.target), value(d.against), value(d.date)?.value]).toEqual(['CHN', 'PHL', 'vessel', '2024-03-23']);
  });

  it('reads a "pro-X" group as no state, and "its websites" as the subject\'s', () => {
    const d = one('Lithuania said on Tuesday that pro-Russian hackers had attacked the websites of its tax service.', '2022-06-28');
    expect([d.attacker.status, value(d.target), value(d.kind)]).toEqual(['unknown', 'LTU', 'cyber-attack']);
  });

  it('reads a capital before a verb in the past as its state, and takes no place from a clause dated by another event', () => {
    const d = one('Hackers attacked state websites on Monday, days after Vilnius restricted the transit of goods to Kaliningrad.', '2022-06-28');
    expect(d.place.status).toBe('unknown');
    expect(extractDrafts('Drones attacked Vilnius on Monday.', more, { reportDate: '2022-06-28' }).drafts[0]!.place.status).toBe('found');
  });

  it('keeps a claim the other side denied as a second incident', () => {
    const x = extractDrafts('Azerbaijani forces opened fire on Armenian positions on Tuesday, Armenia said.\nBaku said its operation followed Armenian troops firing on Azerbaijani positions on Monday, which Yerevan denied.', more, { reportDate: '2024-02-14' });
    expect(x.drafts.map((d) => [value(d.attacker), value(d.target), value(d.date)?.value])).toEqual([['AZE', 'ARM', '2024-02-13'], ['ARM', 'AZE', '2024-02-12']]);
  });
});

describe('datelines', () => {
  it('puts the dateline ("SOTK — …") after the places the sentence names, and takes it when there is no other', () => {
    const x = extractDrafts('SOTK — Azerbaijani forces shelled Jermuk overnight, officials said.', tables, { reportDate: '2022-09-13' });
    expect(x.drafts[0]!.places.map((p) => p.value.name)).toEqual(['Jermuk', 'Sotk']);
    const y = extractDrafts('SOTK — Azerbaijani forces shelled the village overnight, officials said.', tables, { reportDate: '2022-09-13' });
    expect(value(y.drafts[0]!.place)?.name).toBe('Sotk');
  });
});
