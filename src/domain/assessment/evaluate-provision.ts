/**
 * @module evaluate-provision
 * Evaluates one provision of one treaty under one reading, condition by condition, in three-valued
 * (Kleene) logic: any false condition → not-triggered; otherwise any unknown → undetermined.
 */
import { valueAt } from '../dates/index.js';
import { isPairSuspended } from '../polity/index.js';
import { ConditionError, type Condition, type PartiesOn, type Provision, type Treaty } from '../treaty/index.js';
import type { Reading } from '../territory/index.js';
import type { ConditionResult, Finding, FindingStatus, Truth } from './finding.js';
import type { Incident } from './incident.js';

/** What a condition sees besides the incident: one reading's territory (absent if unknown) and regions. */
export interface ReadingFacts {
  readonly reading: Reading;
  readonly territory: readonly string[] | undefined;
  readonly regions: readonly string[] | undefined;
  /** Why `territory` is absent, for the reason line. */
  readonly territoryUnknownBecause?: string;
}

/** The incident's fields as a CEL map (absent facts absent; fatalities as a CEL int). */
export function incidentContext(incident: Incident): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['date', 'attacker', 'target', 'kind', 'against', 'flag'] as const) {
    const v = incident[key];
    if (v !== undefined) out[key] = v;
  }
  if (incident.fatalities !== undefined) out.fatalities = BigInt(incident.fatalities);
  if (incident.requestedBy !== undefined) out.requestedBy = incident.requestedBy;
  return out;
}

/**
 * Assesses `provision` for `incident` under one reading.
 * @example evaluateProvision(csto, art4, incident, ctx, facts, parties).status // 'triggered'
 */
export function evaluateProvision(
  treaty: Treaty,
  provision: Provision,
  incident: Incident,
  incidentCtx: Record<string, unknown>,
  facts: ReadingFacts,
  parties: PartiesOn,
): Finding {
  // Plain properties, not a spread: object spread in this hot path cost about 3x the whole evaluation.
  const treatyId = treaty.id;
  const provisionId = provision.id;
  const reading = facts.reading;
  const defaultReading = provision.defaultReading === facts.reading;
  const found = valueAt(provision.versions, incident.date);
  if (found.kind === 'not-in-force') {
    const first = provision.versions.reduce((a, v) => (v.from < a ? v.from : a), '9999-12-31');
    const reason = found.after
      ? `no text of ${treaty.short} Article ${provision.article} is in force on ${incident.date} (its first text applies from ${first})`
      : `no text of ${treaty.short} Article ${provision.article} is in force on ${incident.date}`;
    return {
      treaty: treatyId,
      provision: provisionId,
      reading,
      defaultReading,
      status: 'not-triggered',
      beneficiary: null,
      obliged: [],
      prerequisites: [],
      conditions: [{ id: 'in-force', result: 'false', reason, words: '', cites: { file: treaty.file, line: 1 } }],
      version: { label: 'none in force', from: first, to: null },
      notes: [],
    };
  }
  const version = found.value;
  const context: Record<string, unknown> = { incident: incidentCtx, reading: facts.reading, parties: parties.parties };
  if (facts.territory !== undefined) context.territory = facts.territory;
  if (facts.regions !== undefined) context.regions = facts.regions;
  const fill = placeholderFiller(incident, facts);

  const conditions = version.conditions.map((c) => evaluateCondition(c, context, fill, facts));
  const status = kleeneAnd(conditions.map((c) => c.result));
  const target = incident.target;
  const attacker = incident.attacker;
  const beneficiary = target !== undefined && parties.parties.includes(target) ? target : null;
  // The attacker is never obliged to help against itself, even when it is a party (member against member).
  const obliged =
    version.obliges === 'none' || beneficiary === null
      ? []
      : parties.parties.filter(
          (p) => p !== attacker && (version.obliges === 'all-parties' || p !== beneficiary) && (p === beneficiary || !isPairSuspended(parties, p, beneficiary)),
        );
  const notes: string[] = [];
  for (const p of parties.frozen)
    notes.push(`${p}'s participation is frozen on ${incident.date}; a frozen party is still a party to the treaty`);
  for (const p of parties.suspended)
    if (p === target || p === attacker)
      notes.push(`${p}'s participation is suspended on ${incident.date}; a suspended party is neither obliged nor a beneficiary`);
  if (beneficiary !== null)
    for (const [a, b] of parties.suspendedPairs)
      if (a === beneficiary || b === beneficiary)
        notes.push(`the obligations between ${a} and ${b} are suspended on ${incident.date}; ${a === beneficiary ? b : a} is not counted among the obliged towards ${beneficiary}`);
  if (attacker !== undefined && attacker !== target && parties.parties.includes(attacker))
    notes.push(`the attacker, ${attacker}, is itself a party on ${incident.date}; it is not counted among the obliged`);
  return {
    treaty: treatyId,
    provision: provisionId,
    reading,
    defaultReading,
    status,
    beneficiary,
    obliged: status === 'not-triggered' ? [] : obliged,
    prerequisites: status === 'not-triggered' ? [] : version.prerequisites.map(fill),
    conditions,
    version: versionOf(version),
    notes,
  };
}

// Findings and conditions point at one shared object per provision version and per condition: fewer
// objects per assessment, and the answer writer recognises them (answer-writer).
const versions = new WeakMap<object, Finding['version']>();
const citations = new WeakMap<Condition, ConditionResult['cites']>();

function versionOf(v: { readonly label?: string | undefined; readonly from: string; readonly to?: string | undefined }): Finding['version'] {
  let shared = versions.get(v);
  if (!shared) versions.set(v, (shared = Object.freeze({ label: v.label ?? `text from ${v.from}`, from: v.from, to: v.to ?? null })));
  return shared;
}

function citesOf(c: Condition): ConditionResult['cites'] {
  let shared = citations.get(c);
  if (!shared) citations.set(c, (shared = Object.freeze({ file: c.at.file, line: c.at.line })));
  return shared;
}

function evaluateCondition(c: Condition, context: Record<string, unknown>, fill: (s: string) => string, facts: ReadingFacts): ConditionResult {
  const cites = citesOf(c);
  const unknown = (missing: string[], detail?: string): ConditionResult => ({
    id: c.id,
    result: 'unknown',
    reason: fill(c.reasons.unknown) + (detail ? ` (${detail})` : ''),
    words: c.words,
    cites,
    ...(missing.length > 0 ? { missing } : {}),
  });
  if (c.evaluateUnknownIf) {
    const u = c.evaluateUnknownIf(context);
    if (u === true) return unknown([]);
    if (u instanceof ConditionError) return fromError(u.message);
  }
  const value = c.evaluate(context);
  if (value instanceof ConditionError) return fromError(value.message);
  return { id: c.id, result: value === true ? 'true' : 'false', reason: fill(value === true ? c.reasons.true : c.reasons.false), words: c.words, cites };

  function fromError(message: string): ConditionResult {
    const key = /No such key: (\w+)/.exec(message)?.[1];
    if (key) return unknown([`incident.${key}`], `the incident's ${key} is not known`);
    const variable = /Unknown variable: (\w+)/.exec(message)?.[1];
    if ((variable === 'territory' || variable === 'regions') && facts.territory === undefined && facts.regions === undefined)
      return unknown(['location'], 'the incident has no location');
    if (variable === 'territory')
      return unknown(['territory'], facts.territoryUnknownBecause ?? `no answer under the ${facts.reading} reading`);
    if (variable === 'regions') return unknown(['regions'], 'the location is not known');
    return unknown([], `could not be evaluated: ${message.split('\n')[0]}`);
  }
}

/** Kleene conjunction of condition results, as a finding status. */
export function kleeneAnd(results: readonly Truth[]): FindingStatus {
  if (results.includes('false')) return 'not-triggered';
  if (results.includes('unknown')) return 'undetermined';
  return 'triggered';
}

function placeholderFiller(incident: Incident, facts: ReadingFacts): (s: string) => string {
  const values: Record<string, string> = {
    attacker: incident.attacker ?? 'an unknown attacker',
    target: incident.target ?? 'an unknown target',
    kind: incident.kind,
    against: incident.against,
    flag: incident.flag ?? 'an unknown flag state',
    reading: facts.reading,
    territory: facts.territory === undefined ? 'unknown' : facts.territory.length === 0 ? 'no state' : facts.territory.join(', '),
    regions: facts.regions === undefined ? 'unknown' : facts.regions.length === 0 ? 'no region' : facts.regions.join(', '),
    date: incident.date,
    fatalities: incident.fatalities === undefined ? 'unknown' : String(incident.fatalities),
    requestedBy: incident.requestedBy === undefined ? 'unknown' : incident.requestedBy.length === 0 ? 'no party' : incident.requestedBy.join(', '),
  };
  return (s) => {
    const parts = templateParts(s);
    if (parts.length === 1) return parts[0]!;
    let out = '';
    for (let i = 0; i < parts.length; i++) out += i % 2 === 0 ? parts[i] : (values[parts[i]!] ?? `{${parts[i]}}`);
    return out;
  };
}

const templates = new Map<string, readonly string[]>();

/** A reason template split once into literal text (even indexes) and placeholder names (odd). */
function templateParts(s: string): readonly string[] {
  let parts = templates.get(s);
  if (!parts) {
    parts = s.split(/\{(\w+)\}/);
    templates.set(s, parts);
  }
  return parts;
}
