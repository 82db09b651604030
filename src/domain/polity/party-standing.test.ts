import { describe, expect, it } from 'vitest';
import { standingOn } from './party-standing.js';

describe('standingOn', () => {
  const parties = [
    { polity: 'RUS', periods: [{ from: '1994-04-20', status: 'member' }] },
    { polity: 'ARM', periods: [{ from: '1994-04-20', to: '2024-02-21', status: 'member' }, { from: '2024-02-22', status: 'frozen' }] },
    { polity: 'BLR', periods: [{ from: '1994-04-20', status: 'suspended' }] },
    { polity: 'UZB', periods: [{ from: '1994-04-20', to: '1999-04-01', status: 'member' }] },
  ];

  it('counts members and frozen parties, names the frozen and the suspended, each sorted', () => {
    expect(standingOn(parties, '2025-01-01')).toEqual({ parties: ['ARM', 'RUS'], frozen: ['ARM'], suspended: ['BLR'] });
  });

  it('leaves out a party whose periods do not cover the date', () => {
    expect(standingOn(parties, '2000-01-01').parties).toEqual(['ARM', 'RUS']);
    expect(standingOn(parties, '1998-01-01').parties).toEqual(['ARM', 'RUS', 'UZB']);
  });
});
