/**
 * @module source-format
 * What an importer reads from a row, by field (not by column position: exports change their column
 * order between versions), and how each supported export names those fields.
 */
import type { AttackedObject, IncidentKind } from './event-rules.js';

/** The fields a row is read into. */
export const EVENT_FIELDS = [
  'id',
  'date',
  'latitude',
  'longitude',
  'actor1',
  'actor2',
  'country',
  'event_type',
  'sub_event_type',
  'fatalities',
  'attacker',
  'target',
  'kind',
  'against',
  'flag',
] as const;

/** One field. */
export type EventField = (typeof EVENT_FIELDS)[number];

/** How one export spells its columns, which it must have, and how its event types read. */
export interface SourceFormat {
  readonly id: 'acled' | 'ucdp-ged' | 'csv';
  /** A name for messages: "an ACLED export". */
  readonly title: string;
  /** Field → column name in the file's header. */
  readonly columns: Readonly<Partial<Record<EventField, string>>>;
  /** Fields whose column must be present (a header without them is not this format). */
  readonly required: readonly EventField[];
  /** Kind and object from the row's event type and sub-event type; undefined for an unknown type. */
  readonly classify: (eventType: string, subEventType: string) => { readonly kind: IncidentKind; readonly against: AttackedObject } | undefined;
}
