/**
 * @module row-to-incident
 * One export row → one Casus incident, by the rules of docs/import.md: date, point, kind and object
 * from the row's own columns; attacker and target from the actor names through the actor map; or a
 * reason why the row cannot be assessed (it then goes to the rejects file, and the run goes on).
 */
import type { Incident } from '../domain/assessment/index.js';
import { isIsoDate } from '../domain/dates/index.js';
import { isPolityId, isState } from '../domain/polity/index.js';
import type { ActorMap } from './actor-map.js';
import { isAgainst, isKind } from './formats.js';
import type { FieldIndex } from './read-header.js';
import type { SourceFormat } from './source-format.js';

/** Why a row was rejected: a closed list, counted in the summary. */
export type RejectReason = 'column-count' | 'date' | 'coordinates' | 'unknown-actor' | 'event-type' | 'value';

/** A row read, or why not. */
export type RowResult =
  | { readonly ok: true; readonly id: string; readonly incident: Incident }
  | { readonly ok: false; readonly reason: RejectReason; readonly message: string };

/** How rows are read. */
export interface RowRules {
  readonly format: SourceFormat;
  readonly index: FieldIndex;
  readonly columns: number;
  readonly actors: ActorMap;
  /** Map an unknown actor name to non-state:<slug> instead of rejecting the row. */
  readonly unknownActorsAsNonState: boolean;
}

const MONTHS: Readonly<Record<string, string>> = {
  january: '01', february: '02', march: '03', april: '04', may: '05', june: '06',
  july: '07', august: '08', september: '09', october: '10', november: '11', december: '12',
};

/**
 * A date as exports write it: `2023-01-15`, `2023-01-15 00:00:00.000` (UCDP GED), or `15 January
 * 2023` (ACLED's spreadsheet export); undefined for anything else or an impossible date.
 */
export function readDate(raw: string): string | undefined {
  // Exports repeat a few thousand dates over millions of rows: each distinct text is read once.
  let hit = dates.get(raw);
  if (hit === undefined && !dates.has(raw)) {
    if (dates.size > 100_000) dates.clear();
    dates.set(raw, (hit = parseDate(raw)));
  }
  return hit;
}

const dates = new Map<string, string | undefined>();

function parseDate(raw: string): string | undefined {
  const s = raw.trim();
  let iso: string | undefined;
  if (/^\d{4}-\d{2}-\d{2}([ T].*)?$/.test(s)) iso = s.slice(0, 10);
  else {
    const m = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/.exec(s);
    const month = m ? MONTHS[m[2]!.toLowerCase()] : undefined;
    if (m && month) iso = `${m[3]}-${month}-${m[1]!.padStart(2, '0')}`;
  }
  return iso !== undefined && isIsoDate(iso) && iso >= '1945-01-01' ? iso : undefined;
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'unnamed';

const reject = (reason: RejectReason, message: string): RowResult => ({ ok: false, reason, message });

/**
 * Attacker and target from the two sides (docs/import.md, "Who attacked whom"): a side that is the
 * state the event happened in is the target and the other side the attacker; otherwise the first
 * side is the attacker and the second the target; a lone side attacked the state it acted in.
 */
export function assignSides(side1: string | null, side2: string | null | undefined, home: string | undefined): { attacker?: string; target?: string } {
  const sides = [side1, side2].filter((s): s is string => typeof s === 'string');
  const atHome = home !== undefined ? sides.find((s) => s === home) : undefined;
  const foreign = home !== undefined ? sides.find((s) => s !== home) : undefined;
  const pick = (attacker: string | undefined, target: string | undefined) => ({
    ...(attacker !== undefined ? { attacker } : {}),
    ...(target !== undefined ? { target } : {}),
  });
  if (atHome !== undefined && foreign !== undefined) return pick(foreign, atHome);
  if (side2 === undefined || side2 === null) return pick(side1 ?? undefined, home);
  return pick(side1 ?? undefined, side2);
}

/** Reads one row of cells. */
export function rowToIncident(cells: readonly string[], rules: RowRules): RowResult {
  if (cells.length !== rules.columns) return reject('column-count', `expected ${rules.columns} columns (as in the header); got ${cells.length}`);
  const { index, format } = rules;
  const get = (i: number) => (i < 0 ? '' : (cells[i] ?? '').trim());
  const id = get(index.id);
  const dateText = get(index.date);
  const date = readDate(dateText);
  if (date === undefined) return reject('date', `${format.columns.date}: expected a date YYYY-MM-DD or "D Month YYYY" on or after 1945-01-01; got ${JSON.stringify(dateText)}`);
  const latText = get(index.latitude);
  const lonText = get(index.longitude);
  const lat = Number(latText);
  const lon = Number(lonText);
  if (latText === '' || lonText === '' || !Number.isFinite(lat) || !Number.isFinite(lon))
    return reject('coordinates', `${format.columns.latitude}, ${format.columns.longitude}: expected decimal degrees; got ${JSON.stringify(latText)}, ${JSON.stringify(lonText)}`);
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180)
    return reject('coordinates', `${format.columns.latitude}, ${format.columns.longitude}: expected latitude in [-90, 90] and longitude in [-180, 180]; got ${lat}, ${lon}`);

  // Kind and object: explicit columns (a mapped CSV), else from the event types.
  const kindText = get(index.kind);
  const againstText = get(index.against);
  const classified = format.classify(get(index.event_type), get(index.sub_event_type));
  if (kindText === '' && !classified)
    return reject('event-type', `${format.columns.event_type}: expected one of the event types in docs/import.md; got ${JSON.stringify(get(index.event_type))}`);
  if (kindText !== '' && !isKind(kindText)) return reject('value', `${format.columns.kind}: expected an incident kind (armed-attack, incursion, …); got ${JSON.stringify(kindText)}`);
  if (againstText !== '' && !isAgainst(againstText)) return reject('value', `${format.columns.against}: expected territory, forces, vessel or aircraft; got ${JSON.stringify(againstText)}`);
  const kind = kindText !== '' && isKind(kindText) ? kindText : classified!.kind;
  const against = againstText !== '' && isAgainst(againstText) ? againstText : (classified?.against ?? 'territory');

  const home = index.country < 0 ? undefined : rules.actors.country(get(index.country));
  const side = (field: 'actor1' | 'actor2'): string | null | undefined | { unknown: string } => {
    const name = get(index[field]);
    if (name === '') return undefined;
    const polity = rules.actors.resolve(name, home);
    if (polity !== undefined) return polity;
    return rules.unknownActorsAsNonState ? `non-state:${slug(name)}` : { unknown: name };
  };
  let attacker: string | undefined;
  let target: string | undefined;
  const explicitAttacker = get(index.attacker);
  const explicitTarget = get(index.target);
  if (explicitAttacker !== '' || explicitTarget !== '') {
    if (explicitAttacker !== '' && !isPolityId(explicitAttacker)) return reject('value', `${format.columns.attacker}: expected a polity id (ARM, non-state:<slug>, entity:<slug>); got ${JSON.stringify(explicitAttacker)}`);
    if (explicitTarget !== '' && !isPolityId(explicitTarget)) return reject('value', `${format.columns.target}: expected a polity id; got ${JSON.stringify(explicitTarget)}`);
    attacker = explicitAttacker || undefined;
    target = explicitTarget || undefined;
  } else {
    const s1 = side('actor1');
    const s2 = side('actor2');
    for (const [s, field] of [[s1, 'actor1'], [s2, 'actor2']] as const)
      if (typeof s === 'object' && s !== null)
        return reject('unknown-actor', `${format.columns[field]}: unknown actor ${JSON.stringify(s.unknown)}; add it to the actor map (--actors FILE, see data/import/actors.yaml) or pass --unknown-actors non-state`);
    if (s1 === undefined) return reject('unknown-actor', `${format.columns.actor1}: expected an actor name; got ""`);
    ({ attacker, target } = assignSides(s1 as string | null, s2 as string | null | undefined, home));
  }

  const flagText = get(index.flag);
  if (flagText !== '' && !isState(flagText)) return reject('value', `${format.columns.flag}: expected an ISO 3166-1 alpha-3 code; got ${JSON.stringify(flagText)}`);
  const flag = flagText !== '' ? flagText : against !== 'territory' ? target : undefined;
  const fatalText = get(index.fatalities);
  const fatalities = fatalText === '' ? undefined : Number(fatalText);
  if (fatalities !== undefined && (!Number.isInteger(fatalities) || fatalities < 0))
    return reject('value', `${format.columns.fatalities}: expected a whole number of deaths, 0 or more; got ${JSON.stringify(fatalText)}`);

  const incident: Incident = {
    date,
    at: [lat, lon],
    ...(attacker !== undefined ? { attacker } : {}),
    ...(target !== undefined ? { target } : {}),
    kind,
    against,
    ...(flag !== undefined && isState(flag) ? { flag } : {}),
    ...(fatalities !== undefined ? { fatalities } : {}),
  };
  return { ok: true, id, incident };
}
