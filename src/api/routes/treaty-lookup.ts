/**
 * @module treaty-lookup
 * Finding a treaty or provision an HTTP request names. The same unknown id is a 404 when a path names
 * it (no such resource) and a 400 when a query or body field carries it (bad input); either way the
 * error names the field and lists the ids that exist.
 */
import { CasusError } from '../../domain/errors.js';
import type { Provision, Treaty } from '../../domain/treaty/index.js';

/** Where the id came from, and under which field name. */
export interface IdField {
  readonly part: 'path' | 'query' | 'body';
  readonly name: string;
}

// `absent` says what is missing ('no treaty "x"', 'nato has no provision "x"'); `known` lists what exists.
function unknownId(field: IdField, id: string, absent: string, known: string): CasusError {
  const path = [field.part, field.name];
  const label = `${field.part}.${field.name}`;
  return field.part === 'path'
    ? new CasusError('not-found', `${label}: ${absent} (known: ${known})`, { issues: [{ code: 'not-found', path, message: absent, expected: known, received: id }] })
    : new CasusError('invalid-input', `${label}: expected one of ${known}; got "${id}"`, { issues: [{ code: 'invalid-input', path, message: absent, expected: known, received: id }] });
}

/**
 * The treaty with id `id`, or a CasusError naming `field`.
 * @example findTreaty(knowledge.treaties, 'nato', { part: 'path', name: 'id' }).id // 'nato'
 */
export function findTreaty(treaties: readonly Treaty[], id: string, field: IdField): Treaty {
  const t = treaties.find((x) => x.id === id);
  if (!t) throw unknownId(field, id, `no treaty "${id}"`, treaties.map((x) => x.id).join(', '));
  return t;
}

/**
 * The provision `id` of `treaty`, or a CasusError naming `field` and the provisions it encodes.
 * @example findProvision(nato, 'art-5', { part: 'query', name: 'provision' }).article // '5'
 */
export function findProvision(treaty: Treaty, id: string, field: IdField): Provision {
  const p = treaty.provisions.find((x) => x.id === id);
  if (!p) throw unknownId(field, id, `${treaty.id} has no provision "${id}"`, treaty.provisions.map((x) => x.id).join(', '));
  return p;
}

/**
 * The treaty ids a body's `treaty` field selects (a list, or a comma-separated string), each checked
 * to exist; undefined when the field is absent (every treaty).
 * @example treatiesRequested(knowledge.treaties, 'csto, nato') // ['csto', 'nato']
 */
export function treatiesRequested(treaties: readonly Treaty[], treaty: string | readonly string[] | undefined): string[] | undefined {
  if (treaty === undefined) return undefined;
  const ids = (typeof treaty === 'string' ? treaty.split(',') : treaty).map((s) => s.trim()).filter(Boolean);
  for (const id of ids) findTreaty(treaties, id, { part: 'body', name: 'treaty' });
  return ids;
}
