/**
 * The cases issue 3 names, assessed on the shipped knowledge base (data/): each says where the
 * expectation comes from. Expectations follow the treaty texts, not politics.
 */
import { describe, expect, it } from 'vitest';
import type { Finding, Incident } from '../src/domain/assessment/index.js';
import { gridLookup } from '../src/domain/geo/index.js';
import { partiesOn } from '../src/domain/treaty/index.js';
import { assessIncident, loadBaseLayer, loadKnowledge } from '../src/knowledge/index.js';

type Partial3 = Omit<Incident, 'kind' | 'against'> & Partial<Pick<Incident, 'kind' | 'against'>>;
const run = (i: Partial3) => assessIncident({ kind: 'armed-attack', against: 'territory', ...i });
const statusOf = (findings: readonly Finding[], treaty: string, provision: string) =>
  Object.fromEntries(findings.filter((f) => f.treaty === treaty && f.provision === provision).map((f) => [f.reading, f.status]));
const one = (findings: readonly Finding[], treaty: string, provision: string, reading: string) =>
  findings.find((f) => f.treaty === treaty && f.provision === provision && f.reading === reading)!;

describe('CSTO, from the seeds', () => {
  it('Tavush, 12 July 2020: art-4 triggered under recognized, administered and claimed; Armenia must apply', () => {
    // Seeds: Armenia's recognized territory (Tavush) was struck in July 2020; the contract's example incident (docs/json.md).
    const { findings } = run({ date: '2020-07-12', at: [40.93, 45.42], attacker: 'AZE', target: 'ARM' });
    expect(statusOf(findings, 'csto', 'art-4')).toMatchObject({ recognized: 'triggered', administered: 'triggered', claimed: 'triggered' });
    const f = one(findings, 'csto', 'art-4', 'recognized');
    expect(f.beneficiary).toBe('ARM');
    expect(f.obliged).toEqual(['BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']);
    // The contract (docs/json.md): the prerequisite is exactly "application by ARM" (the "at the request" wording is in the obligation).
    expect(f.prerequisites[0]).toBe('application by ARM');
  });

  it('Stepanakert shelled, 4 October 2020: art-4 not triggered under any reading', () => {
    // Seeds: Nagorno-Karabakh is recognized as Azerbaijan's, administered by the de-facto entity, not claimed by Armenia.
    const { location, findings } = run({ date: '2020-10-04', at: [39.815, 46.752], attacker: 'AZE', target: 'ARM' });
    expect(location?.recognized).toEqual(['AZE']);
    expect(location?.administered).toEqual(['entity:artsakh']);
    expect(location?.claimed).not.toContain('ARM');
    expect(statusOf(findings, 'csto', 'art-4')).toEqual({ recognized: 'not-triggered', administered: 'not-triggered', claimed: 'not-triggered', delimited: 'not-triggered' });
  });

  it('Sotk, 12 May 2021 (an incursion): art-2 triggered', () => {
    // Seeds and record: Armenia applied under Article 2 after the May 2021 incursion near Sotk.
    const { findings } = run({ date: '2021-05-12', at: [40.2186, 45.9283], attacker: 'AZE', target: 'ARM', kind: 'incursion' });
    expect(one(findings, 'csto', 'art-2', 'recognized').status).toBe('triggered');
  });

  it('Jermuk, 13 September 2022 (armed attack): art-4 triggered, under the 2010 text', () => {
    // Seeds: Armenia invoked Article 4 in September 2022; the amended Article 4 is in force from 19 December 2012.
    const { findings } = run({ date: '2022-09-13', at: [39.8408, 45.67], attacker: 'AZE', target: 'ARM' });
    expect(statusOf(findings, 'csto', 'art-4')).toMatchObject({ recognized: 'triggered', administered: 'triggered', claimed: 'triggered' });
    expect(one(findings, 'csto', 'art-4', 'recognized').version.from).toBe('2012-12-19');
  });

  it('an attack on Armenia after it froze its participation still finds Armenia a party, and says it is frozen', () => {
    const { findings } = run({ date: '2024-06-01', at: [39.8408, 45.67], attacker: 'AZE', target: 'ARM' });
    const f = one(findings, 'csto', 'art-4', 'recognized');
    expect(f.beneficiary).toBe('ARM');
    expect(f.notes.join(' ')).toMatch(/ARM.*frozen/);
  });

  it('Simferopol struck by Ukraine in 2016: art-4 for Russia triggered under administered and claimed, not recognized', () => {
    // UN GA resolution 68/262: Crimea is recognized as Ukraine's; Russia administers and claims it.
    const { findings } = run({ date: '2016-06-01', at: [44.9521, 34.1024], attacker: 'UKR', target: 'RUS' });
    expect(statusOf(findings, 'csto', 'art-4')).toMatchObject({ recognized: 'not-triggered', administered: 'triggered', claimed: 'triggered' });
  });

  it('a non-state armed attack on Moscow: excluded by the 1992 words in 2010, not by the 2010 words in 2024', () => {
    // 1992 text: aggression "by any state or group of states"; amended text (in force 2012-12-19): "armed attack".
    const before = one(run({ date: '2010-03-29', at: [55.7558, 37.6173], attacker: 'non-state:caucasus-emirate', target: 'RUS' }).findings, 'csto', 'art-4', 'recognized');
    expect(before.status).toBe('not-triggered');
    expect(before.version.to).toBe('2012-12-18');
    const failed = before.conditions.filter((c) => c.result === 'false');
    expect(failed.map((c) => c.words).join(' ')).toMatch(/state/);
    const after = one(run({ date: '2024-03-22', at: [55.82, 37.39], attacker: 'non-state:isis-k', target: 'RUS' }).findings, 'csto', 'art-4', 'recognized');
    expect(after.version.from).toBe('2012-12-19');
    expect(after.conditions.filter((c) => c.result === 'false')).toEqual([]);
  });

  it('1 km inside Armenia near Sotk, under delimited: undetermined (the border is not delimited there)', () => {
    // Walk east from Sotk until the base layer leaves Armenia, then step 1 km back west: computed, not typed in.
    const { features, grid } = loadBaseLayer();
    const lat = 40.2186;
    let lon = 45.9283;
    while (features[gridLookup(grid, lon, lat)]?.code === 'ARM') lon += 0.0005;
    const inside = lon - 1 / (111.32 * Math.cos((lat * Math.PI) / 180));
    expect(features[gridLookup(grid, inside, lat)]?.code).toBe('ARM');
    const { location, findings } = run({ date: '2021-05-12', at: [lat, inside], attacker: 'AZE', target: 'ARM' });
    expect(location?.recognized).toEqual(['ARM']);
    expect(location?.undetermined).toContain('delimited');
    const f = one(findings, 'csto', 'art-4', 'delimited');
    expect(f.status).toBe('undetermined');
    expect(f.conditions.some((c) => c.result === 'unknown' && c.missing?.includes('territory'))).toBe(true);
  });
});

describe('CSTO membership history and member against member', () => {
  const csto = () => loadKnowledge().treaties.find((t) => t.id === 'csto')!;

  it('never counts the attacker among the obliged, and says so when the attacker is a party (Azerbaijan against Armenia, 1999)', () => {
    // Both were parties until 19 April 1999 (data/treaties/csto.yaml, Gibler).
    const { findings } = run({ date: '1999-01-15', at: [40.93, 45.42], attacker: 'AZE', target: 'ARM' });
    for (const provision of ['art-4', 'art-2']) {
      const f = one(findings, 'csto', provision, 'recognized');
      expect(f.status).toBe('triggered');
      expect(f.obliged).not.toContain('AZE');
      expect(f.notes.join(' ')).toMatch(/the attacker, AZE, is itself a party on 1999-01-15; it is not counted among the obliged/);
    }
    expect(one(findings, 'csto', 'art-4', 'recognized').obliged).toEqual(['BLR', 'GEO', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']);
  });

  it('has Azerbaijan, Georgia and Uzbekistan parties on 19 April 1999 and not on 20 April 1999 (the first term ended; they did not sign the extension)', () => {
    expect(partiesOn(csto(), '1999-04-19').parties).toEqual(expect.arrayContaining(['AZE', 'GEO', 'UZB']));
    expect(partiesOn(csto(), '1999-04-20').parties).not.toEqual(expect.arrayContaining(['AZE']));
    expect(partiesOn(csto(), '1999-04-20').parties.filter((p) => ['AZE', 'GEO', 'UZB'].includes(p))).toEqual([]);
  });

  it('has Uzbekistan a party from the restoring Protocol (16 August 2006) to 27 June 2012, then suspended', () => {
    expect(partiesOn(csto(), '2006-08-15').parties).not.toContain('UZB');
    expect(partiesOn(csto(), '2006-08-16').parties).toContain('UZB');
    expect(partiesOn(csto(), '2012-06-27').parties).toContain('UZB');
    expect(partiesOn(csto(), '2012-06-28')).toMatchObject({ suspended: ['UZB'] });
    expect(partiesOn(csto(), '2012-06-28').parties).not.toContain('UZB');
  });

  it('an attack on Uzbekistan in 2013 is not triggered, and the finding says Uzbekistan is suspended rather than never a party', () => {
    const { findings } = run({ date: '2013-06-01', at: [41.3111, 69.2797], attacker: 'AFG', target: 'UZB' });
    const f = one(findings, 'csto', 'art-4', 'recognized');
    expect(f.status).toBe('not-triggered');
    expect(f.beneficiary).toBeNull();
    expect(f.notes.join(' ')).toMatch(/UZB's participation is suspended on 2013-06-01; a suspended party is neither obliged nor a beneficiary/);
  });

  it('an unknown attacker under the 1992 text gives undetermined, naming incident.attacker as missing', () => {
    const { findings } = run({ date: '2005-06-01', at: [40.1811, 44.5136], target: 'ARM' });
    const f = one(findings, 'csto', 'art-4', 'recognized');
    expect(f.version.to).toBe('2012-12-18');
    expect(f.status).toBe('undetermined');
    expect(f.conditions.find((c) => c.id === 'aggression-by-a-state')).toMatchObject({ result: 'unknown', missing: ['incident.attacker'] });
  });
});

describe('NATO', () => {
  it('an attack on Honolulu does not trigger art-5 (Article 6: Hawaii is outside the area)', () => {
    const { findings } = run({ date: '2024-06-01', at: [21.3069, -157.8583], attacker: 'PRK', target: 'USA' });
    expect(new Set(Object.values(statusOf(findings, 'nato', 'art-5')))).toEqual(new Set(['not-triggered']));
  });

  it('Tallinn: not triggered in 2003 (Estonia joined on 29 March 2004), triggered in 2024', () => {
    expect(one(run({ date: '2003-06-01', at: [59.437, 24.7536], attacker: 'RUS', target: 'EST' }).findings, 'nato', 'art-5', 'recognized').status).toBe('not-triggered');
    const f = one(run({ date: '2024-06-01', at: [59.437, 24.7536], attacker: 'RUS', target: 'EST' }).findings, 'nato', 'art-5', 'recognized');
    expect(f.status).toBe('triggered');
    expect(f.obliged).toHaveLength(31);
  });

  it('11 September 2001 (attacker al-Qaeda): art-5 triggered — the text does not require a state attacker', () => {
    const { findings } = run({ date: '2001-09-11', at: [40.7115, -74.0134], attacker: 'non-state:al-qaeda', target: 'USA' });
    expect(one(findings, 'nato', 'art-5', 'recognized').status).toBe('triggered');
  });

  it('a missing attacker or location gives undetermined findings that name the missing fact, never a silent not-triggered', () => {
    const { findings } = run({ date: '2024-06-01', target: 'EST' });
    const f = one(findings, 'nato', 'art-5', 'recognized');
    expect(f.status).toBe('undetermined');
    expect(f.conditions.flatMap((c) => c.missing ?? [])).toEqual(expect.arrayContaining(['location']));
  });
});

describe('US–Japan', () => {
  it('an armed attack on Naha: art-5 not triggered under administered in 1965 (US administration), triggered in 1975', () => {
    // Article V covers "the territories under the administration of Japan"; Okinawa reverted on 15 May 1972
    // (data/overlays/ryukyu-islands.yaml: Treaty of Peace Art. 3; the 1971 Reversion Agreement).
    const at: [number, number] = [26.2124, 127.6792];
    const before = one(run({ date: '1965-01-01', at, attacker: 'CHN', target: 'JPN' }).findings, 'us-japan', 'art-5', 'administered');
    expect(before.status).toBe('not-triggered');
    expect(before.conditions.find((c) => c.result === 'false')?.reason).toMatch(/USA/);
    expect(one(run({ date: '1975-01-01', at, attacker: 'CHN', target: 'JPN' }).findings, 'us-japan', 'art-5', 'administered').status).toBe('triggered');
  });

  it('the Senkaku Islands: art-5 triggered under administered (its default reading)', () => {
    const { findings } = run({ date: '2024-06-01', at: [25.7435, 123.4735], attacker: 'CHN', target: 'JPN' });
    const f = one(findings, 'us-japan', 'art-5', 'administered');
    expect(f.status).toBe('triggered');
    expect(f.defaultReading).toBe(true);
  });
});

describe('disputed territory (each line says why the answer is what it is)', () => {
  it('Dokdo / Takeshima: an attack there is not an attack "in the territories under the administration of Japan" (Korea administers it), so US–Japan Article V is not triggered under its default reading; under the claimed reading it would be', () => {
    const { findings, location } = run({ date: '2024-06-01', at: [37.2414, 131.8675], attacker: 'PRK', target: 'JPN' });
    expect(location?.administered).toEqual(['KOR']);
    expect(statusOf(findings, 'us-japan', 'art-5')).toMatchObject({ administered: 'not-triggered', claimed: 'triggered', delimited: 'undetermined' });
  });

  it('Gibraltar: British territory in Europe, so NATO Article 5 is triggered for the United Kingdom under the recognized reading, whatever Spain claims', () => {
    const { findings, location } = run({ date: '2024-06-01', at: [36.14, -5.35], attacker: 'non-state:isis-k', target: 'GBR' });
    expect(location?.claimed).toEqual(['ESP', 'GBR']);
    expect(statusOf(findings, 'nato', 'art-5')).toMatchObject({ recognized: 'triggered' });
  });

  it('Stepanakert before and after the 2023 offensive: never Armenia’s territory, so CSTO Article 4 is not triggered for Armenia under any reading', () => {
    for (const date of ['2020-10-04', '2024-06-01']) {
      const { findings } = run({ date, at: [39.815, 46.752], attacker: 'AZE', target: 'ARM' });
      expect(Object.values(statusOf(findings, 'csto', 'art-4'))).not.toContain('triggered');
    }
  });
});
