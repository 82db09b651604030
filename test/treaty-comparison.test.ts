/**
 * docs/treaty-comparison.md is generated from the treaty files (npm run docs:treaties): the checked-in
 * page must be exactly what the generator writes today, so it cannot drift from the data.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conditionColumn, renderTreatyComparison } from '../src/domain/treaty/index.js';
import { loadKnowledge } from '../src/knowledge/index.js';

describe('the treaty comparison page', () => {
  it('docs/treaty-comparison.md is the page generated from data/treaties (regenerate with npm run docs:treaties)', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../docs/treaty-comparison.md'), 'utf8');
    expect(committed).toBe(renderTreatyComparison(loadKnowledge().treaties));
  });

  it('has one row per defence or consultation provision of every treaty, and none for scope provisions (Rio Article 4)', () => {
    const { treaties } = loadKnowledge();
    const page = renderTreatyComparison(treaties);
    for (const t of treaties)
      for (const p of t.provisions) {
        const rowStart = `| \`${t.id}\` | \`${p.id}\` `;
        expect(page.includes(rowStart), `${t.id} ${p.id}`).toBe(p.kind !== 'scope');
      }
  });

  it('puts each condition in the column of what its expression reads: a request decides, place facts say where, the kind or attacker say against what', () => {
    expect(conditionColumn('parties.exists(p, p in incident.requestedBy)')).toBe('decides');
    expect(conditionColumn("incident.against == 'territory' && incident.target in territory")).toBe('where');
    expect(conditionColumn("incident.kind == 'armed-attack' && isState(incident.attacker)")).toBe('against');
    expect(conditionColumn('incident.target in parties')).toBe('protected');
  });
});
