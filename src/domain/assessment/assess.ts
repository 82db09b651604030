/**
 * @module assess
 * The answer object (docs/json.md): for an incident (already located), every selected treaty × provision ×
 * reading as a finding, and a summary that says where the readings disagree.
 */
import { partiesOn, type Provision, type Treaty } from '../treaty/index.js';
import { READINGS, territoryFor, type Location, type Reading } from '../territory/index.js';
import { evaluateProvision, incidentContext, type ReadingFacts } from './evaluate-provision.js';
import type { Finding, FindingStatus } from './finding.js';
import type { Incident } from './incident.js';

/** One provision's statuses across the readings evaluated. */
export interface ProvisionSummary {
  readonly treaty: string;
  readonly provision: string;
  readonly defaultReading: Reading;
  readonly statuses: Readonly<Partial<Record<Reading, FindingStatus>>>;
  readonly readingsDisagree: boolean;
}

/** The answer to `casus assess`. */
export interface Assessment {
  readonly incident: Incident;
  readonly location: Location | null;
  readonly findings: readonly Finding[];
  readonly summary: readonly ProvisionSummary[];
}

/** Which treaties and readings to assess (all by default). */
export interface AssessOptions {
  readonly treaties?: readonly string[];
  readonly readings?: readonly Reading[];
}

const blind = new WeakMap<Provision, boolean>();

/** True when no text of the provision (conditions, reasons, prerequisites) refers to the reading. */
function readingBlind(provision: Provision): boolean {
  let b = blind.get(provision);
  if (b === undefined) blind.set(provision, (b = !JSON.stringify(provision.versions).includes('reading')));
  return b;
}

/**
 * Assesses `incident` (located at `location`, or null when it has no location) against `treaties`.
 * @example assess(incident, location, [csto]).findings[0].status // 'triggered'
 */
export function assess(incident: Incident, location: Location | null, treaties: readonly Treaty[], options: AssessOptions = {}): Assessment {
  const readings = options.readings ?? READINGS;
  const selected = options.treaties ? treaties.filter((t) => options.treaties!.includes(t.id)) : treaties;
  const ctx = incidentContext(incident);
  const facts: ReadingFacts[] = readings.map((reading) => {
    if (!location) return { reading, territory: undefined, regions: undefined, territoryUnknownBecause: 'the incident has no location' };
    const territory = territoryFor(location, reading);
    return {
      reading,
      territory,
      regions: location.regions,
      ...(territory === undefined ? { territoryUnknownBecause: 'the border is not delimited by agreement here' } : {}),
    };
  });
  const findings: Finding[] = [];
  const summary: ProvisionSummary[] = [];
  for (const treaty of selected) {
    const parties = partiesOn(treaty, incident.date);
    for (const provision of treaty.provisions) {
      if (provision.kind === 'scope') continue;
      const statuses: Partial<Record<Reading, FindingStatus>> = {};
      // Readings usually agree on the territory: a provision that never mentions the reading gives
      // the same finding for the same territory, so it is evaluated once per distinct answer.
      const sameAnswer = readingBlind(provision) ? new Map<string, Finding>() : undefined;
      for (const f of facts) {
        const key = sameAnswer && f.territory !== undefined ? f.territory.join(',') : undefined;
        const seen = key === undefined ? undefined : sameAnswer!.get(key);
        const finding = seen
          ? { ...seen, reading: f.reading, defaultReading: provision.defaultReading === f.reading }
          : evaluateProvision(treaty, provision, incident, ctx, f, parties);
        if (key !== undefined && !seen) sameAnswer!.set(key, finding);
        findings.push(finding);
        statuses[f.reading] = finding.status;
      }
      const distinct = new Set(Object.values(statuses));
      summary.push({ treaty: treaty.id, provision: provision.id, defaultReading: provision.defaultReading, statuses, readingsDisagree: distinct.size > 1 });
    }
  }
  return { incident, location, findings, summary };
}
