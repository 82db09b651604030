/**
 * @module treaty-roster
 * What a case file's events are checked against besides the procedure: the treaty's provision ids
 * and its dated parties. An application under `art-99`, or by a polity that is not a party on the
 * application's date, is refused with the path of the bad field and what was expected.
 */
import { z } from 'zod';
import type { IsoDate } from '../dates/index.js';
import { standingOn, type PartyPeriods } from '../polity/index.js';
import type { Issue } from '../errors.js';
import type { CaseEvent } from './case-event.js';

/** The part of a treaty file events are checked against. */
export interface TreatyRoster {
  readonly treaty: string;
  readonly provisions: readonly string[];
  readonly parties: readonly PartyPeriods[];
}

// Lenient on purpose: the full treaty schema reports a broken file ("casus check"); this only reads
// what events are checked against, and gives no roster when even that is missing.
const rosterSource = z.looseObject({
  id: z.string(),
  provisions: z.array(z.looseObject({ id: z.string() })),
  parties: z.array(
    z.looseObject({
      polity: z.string(),
      periods: z.array(z.looseObject({ from: z.string(), to: z.string().optional(), status: z.string() })),
    }),
  ),
});

/**
 * The roster of a parsed treaty file, or undefined when its provisions or parties cannot be read.
 * @example treatyRosterFrom(yaml.parse(cstoText))?.provisions.includes('art-4') === true
 */
export function treatyRosterFrom(treatyFile: unknown): TreatyRoster | undefined {
  const parsed = rosterSource.safeParse(treatyFile);
  if (!parsed.success) return undefined;
  const { id, provisions, parties } = parsed.data;
  return {
    treaty: id,
    provisions: provisions.map((p) => p.id),
    parties: parties.map((p) => ({ polity: p.polity, periods: p.periods.map(({ from, to, status }) => ({ from, to, status })) })),
  };
}

/** Parties on `date` (members and frozen parties; suspended ones are not), sorted. */
export function rosterPartiesOn(roster: TreatyRoster, date: IsoDate): readonly string[] {
  return standingOn(roster.parties, date).parties;
}

/**
 * Checks an event's `provision`, `by` and `positions` against the treaty: the provision must be one
 * the treaty file declares, and every polity named a party on the event's date.
 * @example checkEventAgainstTreaty({ type: 'application-lodged', by: ['USA'], ... }, csto)[0].path  // ['by', 0]
 */
export function checkEventAgainstTreaty(event: CaseEvent, roster: TreatyRoster): Issue[] {
  const issues: Issue[] = [];
  const provision = 'provision' in event ? event.provision : undefined;
  if (provision !== undefined && !roster.provisions.includes(provision))
    issues.push({
      code: 'unknown-provision',
      path: ['provision'],
      message: `expected a provision of ${roster.treaty} (${roster.provisions.join(', ')}); got "${provision}"`,
      expected: roster.provisions.join(', '),
      received: provision,
    });
  const named: { path: (string | number)[]; polity: string }[] = [];
  if ((event.type === 'application-lodged' || event.type === 'assistance-provided' || event.type === 'application-withdrawn') && event.by)
    event.by.forEach((polity, i) => named.push({ path: ['by', i], polity }));
  if (event.type === 'decision-taken' && event.positions)
    for (const polity of Object.keys(event.positions)) named.push({ path: ['positions', polity], polity });
  if (named.length === 0) return issues;
  const parties = rosterPartiesOn(roster, event.date);
  for (const { path, polity } of named)
    if (!parties.includes(polity))
      issues.push({
        code: 'not-a-party',
        path,
        message: `expected a party to ${roster.treaty} on ${event.date} (${parties.join(', ') || 'none'}); got "${polity}"`,
        expected: parties.join(', '),
        received: polity,
      });
  return issues;
}
