/**
 * partiesOn keeps one answer per span of dates within which a treaty's party list cannot change; it
 * must answer what standingOn computes afresh on every date, including each date the list names and
 * the days either side of it.
 */
import { describe, expect, it } from 'vitest';
import { nextDay } from '../src/domain/dates/index.js';
import { standingOn } from '../src/domain/polity/index.js';
import { partiesOn } from '../src/domain/treaty/index.js';
import { loadKnowledge } from '../src/knowledge/index.js';

const previousDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe('partiesOn', () => {
  it.each(loadKnowledge().treaties.map((t) => [t.id, t] as const))('%s: answers as standingOn on every date tried', (_, treaty) => {
    const named = JSON.stringify(treaty.parties).match(/\d{4}-\d{2}-\d{2}/g) ?? [];
    const dates = new Set(named.flatMap((d) => [previousDay(d), d, nextDay(d)]));
    for (let t = Date.UTC(1945, 0, 1); t < Date.UTC(2031, 0, 1); t += 13 * 86_400_000) dates.add(new Date(t).toISOString().slice(0, 10));
    for (const date of [...dates].sort().reverse()) expect(partiesOn(treaty, date), date).toEqual(standingOn(treaty.parties, date));
  });
});
