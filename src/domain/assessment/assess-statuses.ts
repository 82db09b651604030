/**
 * @module assess-statuses
 * The bulk path: only the status of every treaty × provision × reading, written into a byte array,
 * with no explanation built (no reasons, no finding objects). Same conditions, same Kleene logic and
 * the same answers as `assess` — a property test holds the two together — at a fraction of the
 * allocation, for runs over millions of events; explain the interesting ones with `assess` after.
 */
import { covers, dateCuts, spanOf } from '../dates/index.js';
import { ConditionError, partiesOn, type Provision, type Treaty } from '../treaty/index.js';
import { READINGS, territoryFor, type Location, type Reading } from '../territory/index.js';
import { incidentContext } from './evaluate-provision.js';
import type { FindingStatus } from './finding.js';
import type { Incident } from './incident.js';

/** Status codes in the output array. */
export const STATUS_CODES: readonly FindingStatus[] = ['not-triggered', 'undetermined', 'triggered'];
const NOT_TRIGGERED = 0;
const UNDETERMINED = 1;
const TRIGGERED = 2;

/** What a bulk run evaluates, in output order: one slot per treaty × provision × reading. */
export interface StatusPlan {
  readonly slots: readonly { readonly treaty: string; readonly provision: string; readonly reading: Reading }[];
  readonly treaties: readonly { readonly treaty: Treaty; readonly provisions: readonly Provision[] }[];
  readonly readings: readonly Reading[];
  /** Parties of every planned treaty by date: one lookup per incident instead of one per treaty. */
  readonly partiesByDate: Map<string, readonly (readonly string[])[]>;
}

/** Plans a bulk run over `treaties` (all provisions except `scope` ones) and `readings`. */
export function planStatuses(treaties: readonly Treaty[], readings: readonly Reading[] = READINGS): StatusPlan {
  const selected = treaties.map((treaty) => ({ treaty, provisions: treaty.provisions.filter((p) => p.kind !== 'scope') }));
  const slots = selected.flatMap(({ treaty, provisions }) => provisions.flatMap((p) => readings.map((reading) => ({ treaty: treaty.id, provision: p.id, reading }))));
  return { slots, treaties: selected, readings, partiesByDate: new Map() };
}

/**
 * Writes one status code per slot of `plan` into `out` (from `offset`) and returns how many are
 * triggered.
 * @example assessStatuses(plan, incident, location, new Uint8Array(plan.slots.length))
 */
export function assessStatuses(plan: StatusPlan, incident: Incident, location: Location | null, out: Uint8Array, offset = 0): number {
  const incidentCtx = incidentContext(incident);
  const date = incident.date;
  let k = offset;
  let triggered = 0;
  let partiesOfTreaties = plan.partiesByDate.get(date);
  if (!partiesOfTreaties) {
    if (plan.partiesByDate.size >= 100_000) plan.partiesByDate.clear();
    partiesOfTreaties = plan.treaties.map(({ treaty }) => partiesOn(treaty, date).parties);
    plan.partiesByDate.set(date, partiesOfTreaties);
  }
  let t = 0;
  for (const { provisions } of plan.treaties) {
    const parties = partiesOfTreaties[t++]!;
    for (const provision of provisions) {
      let version;
      for (const v of provision.versions)
        if (covers(v, date)) {
          version = v;
          break;
        }
      for (const reading of plan.readings) {
        if (!version) {
          out[k++] = NOT_TRIGGERED;
          continue;
        }
        const territory = location ? territoryFor(location, reading) : undefined;
        const context: Record<string, unknown> =
          location === null
            ? { incident: incidentCtx, reading, parties }
            : territory === undefined
              ? { incident: incidentCtx, reading, parties, regions: location.regions }
              : { incident: incidentCtx, reading, parties, regions: location.regions, territory };
        let status = TRIGGERED;
        for (const c of version.conditions) {
          if (c.evaluateUnknownIf) {
            const u = c.evaluateUnknownIf(context);
            if (u === true || u instanceof ConditionError) {
              status = UNDETERMINED;
              continue;
            }
          }
          const value = c.evaluate(context);
          if (value === true) continue;
          if (value instanceof ConditionError) status = UNDETERMINED;
          else {
            status = NOT_TRIGGERED;
            break;
          }
        }
        if (status === TRIGGERED) triggered++;
        out[k++] = status;
      }
    }
  }
  return triggered;
}

/** The statuses of one plan for one (incident, location) key, as assessStatuses wrote them. */
interface CachedStatuses {
  readonly statuses: Uint8Array;
  readonly triggered: number;
}

const listKey = (xs: readonly string[]) => (xs.length === 0 ? '' : xs.length === 1 ? xs[0]! : xs.join('+'));

const INCIDENT_FIELDS = ['attacker', 'target', 'kind', 'against', 'flag', 'fatalities', 'requestedBy'] as const;

/**
 * What the statuses of `plan` depend on, as a function from (incident, location) to a string:
 * - the incident's fields that some condition of the plan names (incidentContext gives the
 *   conditions every field but `at`; a field no expression mentions cannot change a status);
 * - the date only through the treaties' own dates (parties joining and leaving, versions in force):
 *   every date written in a planned treaty, and the day after it, cuts time into spans within which
 *   the parties and versions are the same; the date itself when a condition names `date`;
 * - the location's four readings, its undetermined readings and its regions.
 */
function statusKeyOf(plan: StatusPlan): (incident: Incident, location: Location | null) => string {
  const texts = plan.treaties.flatMap(({ provisions }) => provisions.flatMap((p) => p.versions.flatMap((v) => v.conditions.flatMap((c) => [c.expr, c.unknownIf ?? '']))));
  const names = (field: string) => texts.some((t) => new RegExp(`\\b${field}\\b`).test(t));
  const fields = INCIDENT_FIELDS.filter(names);
  const dateItself = names('date');
  const cuts = dateCuts(plan.treaties.map(({ treaty }) => treaty));
  return (incident, l) => {
    let key = dateItself ? incident.date : String(spanOf(cuts, incident.date));
    for (const f of fields) {
      const v = incident[f];
      key += `|${v === undefined ? '' : Array.isArray(v) ? listKey(v) : String(v)}`;
    }
    if (l === null) return `${key}|-`;
    return `${key}|${listKey(l.recognized)}|${listKey(l.administered)}|${listKey(l.claimed)}|${listKey(l.delimited)}|${listKey(l.undetermined)}|${listKey(l.regions)}`;
  };
}

/**
 * assessStatuses behind a cache: event files repeat the same actors, kinds and territory over and
 * over, and evaluating every treaty's conditions was the largest part of a bulk run after parsing.
 * The key (statusKeyOf) holds everything the statuses can depend on. The cache is emptied when it
 * reaches `capacity` keys, so memory stays bounded.
 * @example const statusesOf = cachedStatuses(plan); statusesOf(incident, location, out)
 */
export function cachedStatuses(plan: StatusPlan, capacity = 100_000): (incident: Incident, location: Location | null, out: Uint8Array) => number {
  const keyOf = statusKeyOf(plan);
  const cache = new Map<string, CachedStatuses>();
  return (incident, location, out) => {
    const key = keyOf(incident, location);
    let hit = cache.get(key);
    if (hit === undefined) {
      const statuses = new Uint8Array(plan.slots.length);
      const triggered = assessStatuses(plan, incident, location, statuses);
      if (cache.size >= capacity) cache.clear();
      cache.set(key, (hit = { statuses, triggered }));
    }
    out.set(hit.statuses);
    return hit.triggered;
  };
}
