/**
 * @module actor-map
 * The actor→polity mapping of bulk imports (data/import/actors.yaml, or a user's copy): exact actor
 * names, name patterns with a `{country}` slot, and country names as the exports spell them. A name
 * resolves once per run and is cached: exports repeat a few thousand names over millions of rows.
 */
import countries from 'i18n-iso-countries';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Issue } from '../domain/errors.js';
import { isPolityId, isState } from '../domain/polity/index.js';

const entry = z.object({ note: z.string().optional(), source: z.string().optional() }).strict();

/** The file's schema; every key is checked, unknown keys are errors. */
export const actorMapSchema = z
  .object({
    countries: z.record(z.string(), z.string()).default({}),
    patterns: z.array(entry.extend({ match: z.string().min(1), polity: z.string().min(1) }).strict()).default([]),
    actors: z.array(entry.extend({ name: z.string().min(1), polity: z.string().min(1) }).strict()).default([]),
  })
  .strict();

/** The polity an actor name stands for; `{event-country}` means the state the row places the event in. */
export type ActorPolity = string;

/** A loaded, compiled map. */
export interface ActorMap {
  /**
   * The polity of `name`: undefined when no entry matches (an unknown actor), null when the entry says
   * `{event-country}` and the row's country is not a known state; `home` is the event's state.
   */
  resolve(name: string, home: string | undefined): string | null | undefined;
  /** The ISO alpha-3 code of a country name as the export spells it. */
  country(name: string): string | undefined;
}

/** The slot an actor pattern or entry can use for the event's own country. */
export const EVENT_COUNTRY = '{event-country}';

interface Pattern {
  readonly re: RegExp;
  readonly polity: string;
}

function compile(match: string): RegExp {
  const parts = match.split(/(\{country\}|\{\*\})/);
  const body = parts.map((p) => (p === '{country}' ? '(?<country>.+?)' : p === '{*}' ? '.*?' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`);
}

function validPolity(p: string): boolean {
  return p === '{country}' || p === EVENT_COUNTRY || isPolityId(p);
}

/**
 * Parses and checks an actor map; every problem at once, each with its path.
 * @example parseActorMap('actors:\n  - { name: Hamas, polity: non-state:hamas }\n', 'actors.yaml')
 */
export function parseActorMap(text: string, file: string): { ok: true; map: ActorMap } | { ok: false; issues: Issue[] } {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (error) {
    return { ok: false, issues: [{ code: 'invalid-yaml', path: [], message: `${file}: ${(error as Error).message.split('\n')[0]}` }] };
  }
  const parsed = actorMapSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, issues: parsed.error.issues.map((i) => ({ code: 'invalid-input', path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: `${file}: ${i.message}` })) };
  const issues: Issue[] = [];
  const value = parsed.data;
  for (const [name, code] of Object.entries(value.countries))
    if (!isState(code)) issues.push({ code: 'unknown-polity', path: ['countries', name], message: `${file}: expected an ISO 3166-1 alpha-3 state code`, received: code });
  value.patterns.forEach((p, i) => {
    if (!validPolity(p.polity)) issues.push({ code: 'unknown-polity', path: ['patterns', i, 'polity'], message: `${file}: expected a polity id, {country} or ${EVENT_COUNTRY}`, received: p.polity });
    if (p.polity === '{country}' && !p.match.includes('{country}'))
      issues.push({ code: 'invalid-input', path: ['patterns', i, 'match'], message: `${file}: polity {country} needs a {country} slot in match`, received: p.match });
  });
  value.actors.forEach((a, i) => {
    if (!validPolity(a.polity) || a.polity === '{country}') issues.push({ code: 'unknown-polity', path: ['actors', i, 'polity'], message: `${file}: expected a polity id or ${EVENT_COUNTRY}`, received: a.polity });
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, map: compileActorMap(value) };
}

function compileActorMap(value: z.infer<typeof actorMapSchema>): ActorMap {
  const aliases = new Map(Object.entries(value.countries));
  const exact = new Map(value.actors.map((a) => [a.name, a.polity]));
  const patterns: Pattern[] = value.patterns.map((p) => ({ re: compile(p.match), polity: p.polity }));
  const countryCache = new Map<string, string | undefined>();
  const country = (name: string): string | undefined => {
    if (countryCache.has(name)) return countryCache.get(name);
    const code = aliases.get(name) ?? countries.getAlpha3Code(name, 'en');
    const state = code !== undefined && isState(code) ? code : undefined;
    countryCache.set(name, state);
    return state;
  };
  const cache = new Map<string, string | undefined>();
  const lookup = (name: string): string | undefined => {
    const hit = exact.get(name);
    if (hit !== undefined) return hit;
    for (const p of patterns) {
      const m = p.re.exec(name);
      if (!m) continue;
      const slot = m.groups?.country;
      if (slot === undefined) return p.polity;
      const state = country(slot);
      if (state === undefined) continue; // "Military Forces of Atlantis": not a state; try the next pattern
      return p.polity === '{country}' ? state : p.polity;
    }
    return undefined;
  };
  return {
    country,
    resolve(name, home) {
      let polity = cache.get(name);
      if (polity === undefined && !cache.has(name)) cache.set(name, (polity = lookup(name)));
      return polity === EVENT_COUNTRY ? (home ?? null) : polity;
    },
  };
}
