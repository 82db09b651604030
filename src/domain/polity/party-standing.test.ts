import { describe, expect, it } from 'vitest';
import { isPairSuspended, standingOn } from './party-standing.js';

describe('standingOn', () => {
  const parties = [
    { polity: 'RUS', periods: [{ from: '1994-04-20', status: 'member' }] },
    { polity: 'ARM', periods: [{ from: '1994-04-20', to: '2024-02-21', status: 'member' }, { from: '2024-02-22', status: 'frozen' }] },
    { polity: 'BLR', periods: [{ from: '1994-04-20', status: 'suspended' }] },
    { polity: 'UZB', periods: [{ from: '1994-04-20', to: '1999-04-01', status: 'member' }] },
  ];

  it('counts members and frozen parties, names the frozen and the suspended, each sorted', () => {
    expect(standingOn(parties, '2025-01-01')).toEqual({ parties: ['ARM', 'RUS'], frozen: ['ARM'], suspended: ['BLR'], suspendedPairs: [] });
  });

  it('leaves out a party whose periods do not cover the date', () => {
    expect(standingOn(parties, '2000-01-01').parties).toEqual(['ARM', 'RUS']);
    expect(standingOn(parties, '1998-01-01').parties).toEqual(['ARM', 'RUS', 'UZB']);
  });

  it('names pairs whose mutual obligations are suspended, in both directions, only while the period runs', () => {
    const anzus = [
      { polity: 'AUS', periods: [{ from: '1952-04-29', status: 'member' }] },
      { polity: 'NZL', periods: [{ from: '1952-04-29', to: '1986-08-10', status: 'member' }, { from: '1986-08-11', status: 'member', suspendedWith: ['USA'] }] },
      { polity: 'USA', periods: [{ from: '1952-04-29', status: 'member' }] },
    ];
    expect(standingOn(anzus, '1980-01-01').suspendedPairs).toEqual([]);
    const after = standingOn(anzus, '2000-01-01');
    expect(after.parties).toEqual(['AUS', 'NZL', 'USA']);
    expect(after.suspendedPairs).toEqual([['NZL', 'USA']]);
    expect(isPairSuspended(after, 'USA', 'NZL')).toBe(true);
    expect(isPairSuspended(after, 'NZL', 'USA')).toBe(true);
    expect(isPairSuspended(after, 'AUS', 'NZL')).toBe(false);
  });
});
