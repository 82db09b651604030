/**
 * @module formats
 * The three input formats of `casus import`: ACLED and UCDP GED as those projects publish them (their
 * documented column names), and any CSV whose columns `--map` names.
 */
import { ATTACKED_OBJECTS, INCIDENT_KINDS } from '../domain/assessment/index.js';
import { classifyAcled, classifyUcdp } from './event-rules.js';
import { EVENT_FIELDS, type EventField, type SourceFormat } from './source-format.js';

/** ACLED's export (ACLED Codebook; the 31-column export and API field list). */
export const ACLED: SourceFormat = {
  id: 'acled',
  title: 'an ACLED export',
  columns: {
    id: 'event_id_cnty',
    date: 'event_date',
    latitude: 'latitude',
    longitude: 'longitude',
    actor1: 'actor1',
    actor2: 'actor2',
    country: 'country',
    event_type: 'event_type',
    sub_event_type: 'sub_event_type',
    fatalities: 'fatalities',
  },
  required: ['id', 'date', 'latitude', 'longitude', 'actor1', 'actor2', 'country', 'event_type', 'sub_event_type', 'fatalities'],
  classify: classifyAcled,
};

/** UCDP GED's event file (UCDP GED codebook). */
export const UCDP_GED: SourceFormat = {
  id: 'ucdp-ged',
  title: 'a UCDP GED export',
  columns: {
    id: 'id',
    date: 'date_start',
    latitude: 'latitude',
    longitude: 'longitude',
    actor1: 'side_a',
    actor2: 'side_b',
    country: 'country',
    event_type: 'type_of_violence',
    fatalities: 'best',
  },
  required: ['id', 'date', 'latitude', 'longitude', 'actor1', 'actor2', 'country', 'event_type', 'fatalities'],
  classify: (type) => classifyUcdp(type),
};

/** The field names a --map may name. */
export const MAPPABLE_FIELDS: readonly EventField[] = EVENT_FIELDS;

/**
 * A plain CSV: each field is read from the column of the same name unless `map` (field → column)
 * says otherwise. A `kind`/`against` column gives those directly; else `event_type` and
 * `sub_event_type` read as ACLED's; else an armed attack on territory.
 */
export function mappedCsv(map: Readonly<Partial<Record<EventField, string>>>): SourceFormat {
  const columns = Object.fromEntries(EVENT_FIELDS.map((f) => [f, map[f] ?? f])) as Record<EventField, string>;
  return {
    id: 'csv',
    title: 'the CSV as mapped',
    columns,
    required: ['date', 'latitude', 'longitude'],
    classify: (eventType, subEventType) => (eventType === '' ? { kind: 'armed-attack', against: 'territory' } : classifyAcled(eventType, subEventType)),
  };
}

/** True for a valid kind of incident. */
export const isKind = (s: string): s is (typeof INCIDENT_KINDS)[number] => (INCIDENT_KINDS as readonly string[]).includes(s);
/** True for a valid attacked object. */
export const isAgainst = (s: string): s is (typeof ATTACKED_OBJECTS)[number] => (ATTACKED_OBJECTS as readonly string[]).includes(s);
