/**
 * @module draft
 * A draft incident: what extraction read in a report, field by field, each with the words it came
 * from. A person reviews a draft before it is assessed; nothing in it is guessed silently.
 */
import type { ATTACKED_OBJECTS, INCIDENT_KINDS } from '../assessment/index.js';

/** A quoted span of the report: `text === report.slice(start, end)`. */
export interface Evidence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A field that was found, with its evidence and a confidence in [0, 1]. */
export interface Found<T> {
  readonly status: 'found';
  readonly value: T;
  readonly confidence: number;
  readonly evidence: readonly Evidence[];
  /** How the value was read (the rule), so a reviewer can weigh it. */
  readonly how: string;
}

/** A field the report does not give: never filled with a guess. */
export interface Unknown {
  readonly status: 'unknown';
  readonly reason: string;
}

/** A draft field. */
export type Field<T> = Found<T> | Unknown;

/** A date as read: the day to assess with, how precise the words were, and the range they cover. */
export interface DraftDate {
  readonly value: string;
  readonly precision: 'day' | 'month' | 'season' | 'year';
  readonly from: string;
  readonly to: string;
}

/** One gazetteer entry a name may mean. */
export interface PlaceCandidate {
  readonly name: string;
  readonly at: readonly [number, number];
  /** ISO 3166-1 alpha-3 of the country the gazetteer files it under, if any. */
  readonly country?: string;
  readonly kind: PlaceKind;
  /** Where the entry comes from: `geonames:<id>`, `overlay:<id>`, `places:<id>`. */
  readonly source: string;
  readonly population?: number;
}

/** What sort of place an entry is. */
export type PlaceKind = 'city' | 'area' | 'province' | 'border' | 'overlay' | 'village';

/** A place named in the report: the chosen candidate and, when the name is ambiguous, the others. */
export interface DraftPlace extends PlaceCandidate {
  readonly mention: string;
  readonly ambiguous: boolean;
  readonly candidates: readonly PlaceCandidate[];
}

/** A request for help found in the report (e.g. "Armenia applied to the CSTO"). */
export interface DraftApplication {
  readonly by: string;
  readonly date?: string;
}

/** One incident read from a report. */
export interface DraftIncident {
  readonly id: string;
  /** The sentences the incident was read from. */
  readonly evidence: readonly Evidence[];
  readonly date: Field<DraftDate>;
  readonly place: Field<DraftPlace>;
  /** Every place the incident's sentences name, the first being `place`. */
  readonly places: readonly Found<DraftPlace>[];
  readonly attacker: Field<string>;
  readonly target: Field<string>;
  readonly kind: Field<(typeof INCIDENT_KINDS)[number]>;
  readonly against: Field<(typeof ATTACKED_OBJECTS)[number]>;
  readonly application: Field<DraftApplication>;
}

/** Everything extraction read in one report. */
export interface Extraction {
  readonly reportDate: Field<string>;
  readonly drafts: readonly DraftIncident[];
  /** True when the text was cut to the size limit before reading. */
  readonly truncated: boolean;
  readonly characters: number;
}
