import { describe, expect, it } from 'vitest';
import { standingOn } from '../polity/index.js';
import { compileTreaty, treatySchema } from '../treaty/index.js';
import { evaluateProvision, incidentContext } from './evaluate-provision.js';
import type { Incident } from './incident.js';

// A two-provision fictional treaty: a request-triggered consultation clause and a defence clause
// whose obligations between two of the parties are suspended from 1986.
const FILE = {
  id: 'test-pact',
  name: 'Test Pact (fictional)',
  short: 'Test',
  signed: '1952-01-01',
  inForce: '1952-04-29',
  sources: [{ title: 'fictional', url: 'https://example.org/test-pact' }],
  parties: [
    { polity: 'AUS', periods: [{ from: '1952-04-29', status: 'member', source: { title: 'f', url: 'https://example.org/p' } }] },
    {
      polity: 'NZL',
      periods: [
        { from: '1952-04-29', to: '1986-08-10', status: 'member', source: { title: 'f', url: 'https://example.org/p' } },
        { from: '1986-08-11', status: 'member', suspendedWith: ['USA'], source: { title: 'f', url: 'https://example.org/p' } },
      ],
    },
    { polity: 'USA', periods: [{ from: '1952-04-29', status: 'member', source: { title: 'f', url: 'https://example.org/p' } }] },
  ],
  provisions: [
    {
      id: 'art-4',
      article: '4',
      title: 'Defence',
      kind: 'defence',
      defaultReading: 'recognized',
      versions: [
        {
          from: '1952-04-29',
          text: 'An armed attack on a Party is dangerous to all.',
          translation: 'original',
          source: { title: 'f', url: 'https://example.org/a4' },
          conditions: [{ id: 'target-is-party', words: 'a Party', expr: 'incident.target in parties', reasons: { true: 't', false: 'f', unknown: 'u' } }],
          obliges: 'other-parties',
        },
      ],
    },
    {
      id: 'art-3',
      article: '3',
      title: 'Consultations',
      kind: 'consultation',
      defaultReading: 'recognized',
      versions: [
        {
          from: '1952-04-29',
          text: 'The Parties will consult whenever, in the opinion of any of them, ...',
          translation: 'original',
          source: { title: 'f', url: 'https://example.org/a3' },
          conditions: [
            {
              id: 'requested-by-a-party',
              words: 'in the opinion of any of them',
              expr: 'parties.exists(p, p in incident.requestedBy)',
              reasons: { true: 'asked by {requestedBy}', false: 'no party asked ({requestedBy})', unknown: 'no request recorded' },
            },
          ],
          obliges: 'all-parties',
        },
      ],
    },
  ],
};

const checked = compileTreaty(treatySchema.parse(FILE), 'test-pact.yaml', () => ({ file: 'test-pact.yaml', line: 1, column: 1 }));
if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
const treaty = checked.treaty;
const provision = (id: string) => treaty.provisions.find((p) => p.id === id)!;
const facts = { reading: 'recognized', territory: ['NZL'], regions: ['oceania'] } as const;
const evaluate = (id: string, incident: Incident) =>
  evaluateProvision(treaty, provision(id), incident, incidentContext(incident), facts, standingOn(treaty.parties, incident.date));
const incident = (date: string, extra: Partial<Incident> = {}): Incident => ({ date, attacker: 'CHN', target: 'NZL', kind: 'armed-attack', against: 'territory', ...extra });

describe('evaluateProvision: obligations suspended between two parties', () => {
  it('counts the United States among the obliged towards New Zealand before 11 August 1986, and not after, with a note', () => {
    expect(evaluate('art-4', incident('1980-01-01')).obliged).toEqual(['AUS', 'USA']);
    const after = evaluate('art-4', incident('2000-01-01'));
    expect(after.status).toBe('triggered');
    expect(after.obliged).toEqual(['AUS']);
    expect(after.notes.join(' ')).toMatch(/obligations between NZL and USA are suspended on 2000-01-01; USA is not counted among the obliged towards NZL/);
  });

  it('leaves the obligations towards Australia whole', () => {
    expect(evaluate('art-4', incident('2000-01-01', { target: 'AUS' })).obliged).toEqual(['NZL', 'USA']);
  });
});

describe('evaluateProvision: a clause triggered by a party’s request', () => {
  it('is triggered when a party asked, not triggered when only non-parties asked, and undetermined when no request is recorded', () => {
    expect(evaluate('art-3', incident('2000-01-01', { requestedBy: ['NZL'] })).status).toBe('triggered');
    const outsider = evaluate('art-3', incident('2000-01-01', { requestedBy: ['FJI'] }));
    expect(outsider.status).toBe('not-triggered');
    expect(outsider.conditions[0]?.reason).toBe('no party asked (FJI)');
    const none = evaluate('art-3', incident('2000-01-01'));
    expect(none.status).toBe('undetermined');
    expect(none.conditions[0]?.missing).toEqual(['incident.requestedBy']);
  });
});
