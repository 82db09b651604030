/**
 * @module case-compliance
 * What the log says the alliance did: was there an application, what was decided, what was delivered.
 */
import type { IsoDate } from '../dates/index.js';
import type { PolityId } from '../polity/index.js';
import type { AssistanceKind, Outcome } from './case-event.js';
import type { CaseLog } from './case-file.js';
import { effectiveEvents } from './case-corrections.js';

/** The strongest thing delivered: assistance beats a mission beats nothing. */
export type Delivered = 'assistance' | 'mission' | 'nothing';

/** The compliance summary of one case file. */
export interface CaseCompliance {
  readonly applied: boolean;
  readonly applications: readonly {
    readonly date: IsoDate;
    readonly by: readonly PolityId[];
    readonly provision?: string;
    readonly request: string;
  }[];
  readonly consulted: boolean;
  readonly decisions: readonly {
    readonly date: IsoDate;
    readonly body: string;
    readonly outcome: Outcome;
    readonly summary?: string;
  }[];
  readonly missions: readonly { readonly date: IsoDate; readonly what: string }[];
  readonly assistance: readonly { readonly date: IsoDate; readonly kind: AssistanceKind; readonly forces?: string }[];
  readonly delivered: Delivered;
  readonly applicationWithdrawn?: IsoDate;
  readonly assistanceWithdrawn?: IsoDate;
  readonly closed?: { readonly date: IsoDate; readonly reason: string };
}

/**
 * Compliance of a case file, from its corrected events alone.
 * @example caseCompliance(armenia2022).delivered === 'mission'
 */
export function caseCompliance(log: CaseLog): CaseCompliance {
  const applications: CaseCompliance['applications'][number][] = [];
  const decisions: CaseCompliance['decisions'][number][] = [];
  const missions: CaseCompliance['missions'][number][] = [];
  const assistance: CaseCompliance['assistance'][number][] = [];
  let consulted = false;
  let applicationWithdrawn: IsoDate | undefined;
  let assistanceWithdrawn: IsoDate | undefined;
  let closed: CaseCompliance['closed'];
  for (const e of effectiveEvents(log.events)) {
    switch (e.type) {
      case 'application-lodged':
        applications.push({ date: e.date, by: e.by, request: e.request, ...(e.provision ? { provision: e.provision } : {}) });
        break;
      case 'consultations-convened':
        consulted = true;
        break;
      case 'decision-taken':
        decisions.push({ date: e.date, body: e.body, outcome: e.outcome, ...(e.summary ? { summary: e.summary } : {}) });
        break;
      case 'mission-dispatched':
        missions.push({ date: e.date, what: e.what });
        break;
      case 'assistance-provided':
        assistance.push({ date: e.date, kind: e.kind, ...(e.forces ? { forces: e.forces } : {}) });
        break;
      case 'application-withdrawn':
        applicationWithdrawn ??= e.date;
        break;
      case 'assistance-withdrawn':
        assistanceWithdrawn ??= e.date;
        break;
      case 'closed':
        closed = { date: e.date, reason: e.reason };
        break;
      case 'incident-recorded':
        break;
      default: {
        const never: never = e;
        throw new Error(`unhandled event ${JSON.stringify(never)}`);
      }
    }
  }
  return {
    applied: applications.length > 0,
    applications,
    consulted,
    decisions,
    missions,
    assistance,
    delivered: assistance.length > 0 ? 'assistance' : missions.length > 0 ? 'mission' : 'nothing',
    ...(applicationWithdrawn ? { applicationWithdrawn } : {}),
    ...(assistanceWithdrawn ? { assistanceWithdrawn } : {}),
    ...(closed ? { closed } : {}),
  };
}
