/**
 * The two source articles (test/fixtures/reports, copied from the seeds): each must yield the
 * incidents it describes, with date, place and the CSTO findings that follow.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/assessment/index.js';
import { extractReport, type LocatedDraft } from '../../src/knowledge/index.js';

const report = (name: string) => readFileSync(new URL(`../fixtures/reports/${name}`, import.meta.url), 'utf8');
const cstoArt4 = (d: LocatedDraft) =>
  Object.fromEntries((d.assessment?.findings ?? []).filter((f: Finding) => f.treaty === 'csto' && f.provision === 'art-4').map((f) => [f.reading, f.status]));
const value = <T>(f: { status: string; value?: T }) => (f.status === 'found' ? f.value : undefined);

describe('the October 2020 article (CSTO will intervene only if the territory of Armenia is attacked)', () => {
  const text = report('000_d700c5d6bfb5e40a.txt');
  const x = extractReport(text, { assess: { treaties: ['csto'] } });

  it('takes the report date from its dateline', () => {
    expect(value(x.reportDate)).toBe('2020-10-08');
  });

  it('finds two incidents: Tavush in July 2020 and the autumn 2020 fighting in Nagorno-Karabakh', () => {
    expect(x.drafts).toHaveLength(2);
  });

  it('Tavush, July 2020: Armenia\'s territory under every reading but delimited; Article 4 triggered', () => {
    const d = x.drafts[0]!;
    expect(value(d.date)).toMatchObject({ value: '2020-07-01', precision: 'month', to: '2020-07-31' });
    expect(value(d.place)?.name).toBe('Tavush');
    expect(d.location?.recognized).toEqual(['ARM']);
    expect(value(d.attacker)).toBe('AZE');
    expect(value(d.target)).toBe('ARM');
    expect(cstoArt4(d)).toMatchObject({ recognized: 'triggered', administered: 'triggered', claimed: 'triggered' });
  });

  it('the autumn 2020 fighting: Nagorno-Karabakh / Artsakh is not Armenia\'s under any reading, so Article 4 is not triggered', () => {
    const d = x.drafts[1]!;
    const date = value(d.date)!;
    expect(date.value >= '2020-09-27' && date.value <= '2020-11-10').toBe(true);
    expect(value(d.place)?.source).toBe('overlay:nagorno-karabakh');
    for (const r of ['recognized', 'administered', 'claimed'] as const) expect(d.location?.[r]).not.toContain('ARM');
    expect(value(d.target)).toBe('ARM');
    expect(cstoArt4(d)).toEqual({ recognized: 'not-triggered', administered: 'not-triggered', claimed: 'not-triggered', delimited: 'not-triggered' });
  });

  it('quotes its evidence with exact offsets', () => {
    for (const d of x.drafts)
      for (const f of [d.date, d.place, d.attacker, d.target, d.kind, d.against])
        if (f.status === 'found') for (const e of f.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('does not read the treaty\'s rule ("an attack on all members") or its conditions as incidents', () => {
    for (const d of x.drafts) for (const e of d.evidence) expect(e.text).not.toMatch(/attack on all|in case of|in the even/);
  });
});

describe('the September 2022 article (Armenia asks the CSTO for military support)', () => {
  const text = report('004_3e9db083394da074.txt');
  const x = extractReport(text, { assess: { treaties: ['csto'] } });

  it('finds two incidents: the border clashes of 13 September 2022 and the incursion near Sotk of 12 May 2021', () => {
    expect(x.drafts.map((d) => value(d.date)?.value)).toEqual(['2022-09-13', '2021-05-12']);
  });

  it('13 September 2022: Azerbaijan against Armenia at the border, Armenia\'s application of the 14th, Article 4 triggered', () => {
    const d = x.drafts[0]!;
    expect(value(d.attacker)).toBe('AZE');
    expect(value(d.target)).toBe('ARM');
    expect(value(d.place)).toMatchObject({ kind: 'border', country: 'ARM' });
    expect(value(d.application)).toEqual({ by: 'ARM', date: '2022-09-14' });
    expect(d.location?.recognized).toEqual(['ARM']);
    expect(cstoArt4(d)).toMatchObject({ recognized: 'triggered' });
  });

  it('Sotk–Khoznavar, 12 May 2021: an invasion of Armenia\'s recognized territory', () => {
    const d = x.drafts[1]!;
    expect(value(d.place)?.name).toBe('Sotk');
    expect(d.location?.recognized).toEqual(['ARM']);
    expect(value(d.target)).toBe('ARM');
    expect(cstoArt4(d).recognized).toBe('triggered');
  });

  it('says the report has no dateline rather than guessing one', () => {
    expect(x.reportDate.status).toBe('unknown');
  });
});
