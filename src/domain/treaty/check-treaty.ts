/**
 * @module check-treaty
 * Loads a treaty file: schema, dates, membership, and every CEL condition compiled and type-checked.
 * Returns every problem at once (file:line:column, path, what was expected); nothing loads half-way.
 */
import { CasusError, type Issue } from '../errors.js';
import { overlappingPeriods } from '../dates/index.js';
import { didYouMean } from '../did-you-mean.js';
import { compileCondition, ConditionError } from './compile-condition.js';
import { CONTEXT_VARIABLES, conditionEnvironment, HELPER_FUNCTIONS, INCIDENT_FIELDS } from './condition-context.js';
import { checkConditionGrammar } from './condition-grammar.js';
import type { TreatyFile } from './treaty-schema.js';
import type { Condition, FilePosition, Provision, Treaty } from './treaty.js';

/** Placeholders a reason may use. */
export const REASON_PLACEHOLDERS = ['attacker', 'target', 'kind', 'against', 'flag', 'reading', 'territory', 'regions', 'date', 'fatalities', 'requestedBy'] as const;

/** Where a path is in the file; with `within`, where a character of that string value is (when the file allows saying). */
type Locate = (path: readonly (string | number)[], within?: { readonly value: string; readonly offset: number }) => FilePosition;

/** Where in an expression an issue points: character `offset` of `value`. */
type Within = { readonly value: string; readonly offset: number };
type Report = (path: (string | number)[], code: string, message: string, extra?: Partial<Issue>, within?: Within) => void;

/** Checks an already schema-valid treaty file and compiles its conditions. */
export function compileTreaty(file: TreatyFile, fileName: string, locate: Locate): { ok: true; treaty: Treaty } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const issue: Report = (path, code, message, extra = {}, within) => issues.push({ code, path, message, at: locate(path, within), ...extra });
  const env = conditionEnvironment();

  const seenParties = new Set<string>();
  file.parties.forEach((p, i) => {
    if (seenParties.has(p.polity)) issue(['parties', i, 'polity'], 'duplicate', `party ${p.polity} is listed twice; give it several periods instead`);
    seenParties.add(p.polity);
    p.periods.forEach((period, j) => {
      if (period.to !== undefined && period.to < period.from)
        issue(['parties', i, 'periods', j, 'to'], 'invalid-date', `period ends (${period.to}) before it starts (${period.from})`);
    });
    p.periods.forEach((period, j) =>
      (period.suspendedWith ?? []).forEach((other, k) => {
        if (other === p.polity || !file.parties.some((q) => q.polity === other))
          issue(['parties', i, 'periods', j, 'suspendedWith', k], 'unknown-party', `suspendedWith names ${other}, which is not another party of ${file.id}`);
      }),
    );
    for (const [a, b] of overlappingPeriods(p.periods))
      issue(['parties', i, 'periods', b], 'overlapping-periods', `membership periods ${a} and ${b} of ${p.polity} overlap`);
  });

  const seenProvisions = new Set<string>();
  const provisions: Provision[] = file.provisions.map((prov, i) => {
    if (seenProvisions.has(prov.id)) issue(['provisions', i, 'id'], 'duplicate', `provision ${prov.id} appears twice`);
    seenProvisions.add(prov.id);
    for (const [a, b] of overlappingPeriods(prov.versions))
      issue(['provisions', i, 'versions', b], 'overlapping-periods', `versions ${a} and ${b} of ${prov.id} are both in force on some date`);
    return {
      ...prov,
      versions: prov.versions.map((v, j) => {
        const seen = new Set<string>();
        const conditions = v.conditions.flatMap((c, k): Condition[] => {
          const path = ['provisions', i, 'versions', j, 'conditions', k];
          if (seen.has(c.id)) issue([...path, 'id'], 'duplicate', `condition ${c.id} appears twice in ${prov.id}`);
          seen.add(c.id);
          const where = `${prov.id} condition ${c.id}`;
          const evaluate = compile(env, c.expr, [...path, 'expr'], where, issue);
          const evaluateUnknownIf = c.unknownIf === undefined ? undefined : compile(env, c.unknownIf, [...path, 'unknownIf'], where, issue);
          for (const [key, text] of Object.entries(c.reasons))
            for (const m of text.matchAll(/\{([^}]*)\}/g))
              if (!(REASON_PLACEHOLDERS as readonly string[]).includes(m[1]!))
                issue([...path, 'reasons', key], 'unknown-placeholder', `unknown placeholder {${m[1]}}; expected one of ${REASON_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`);
          if (!evaluate) return [];
          return [{ ...c, evaluate, ...(evaluateUnknownIf ? { evaluateUnknownIf } : {}), at: locate(path) }];
        });
        return { ...v, conditions, at: locate(['provisions', i, 'versions', j]) };
      }),
    };
  });

  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, treaty: { ...file, provisions, file: fileName } };
}

function compile(env: ReturnType<typeof conditionEnvironment>, expr: string, path: (string | number)[], where: string, issue: Report): ((context: object) => unknown) | undefined {
  const fail = (message: string, expected: string, offset: number | undefined) =>
    issue(path, 'invalid-condition', `${where}: ${message}`, { expected, received: expr }, offset === undefined ? undefined : { value: expr, offset });
  let parsed: ReturnType<typeof env.parse>;
  try {
    parsed = env.parse(expr);
  } catch (error) {
    fail(firstLine(error instanceof Error ? error.message : String(error)), 'a CEL expression', errorOffset(error));
    return undefined;
  }
  const checked = parsed.check();
  if (!checked.valid) {
    const message = firstLine(checked.error?.message);
    fail(message, expectedFor(message) ?? 'a well-typed CEL expression over the condition context (docs/treaty-format.md)', errorOffset(checked.error));
    return undefined;
  }
  if (checked.type !== 'bool') {
    fail(`expected a CEL expression of type bool; got type ${checked.type}`, 'a CEL expression of type bool', 0);
    return undefined;
  }
  // cel-js has no cost limit: the whitelist is what bounds a condition's running time.
  const problems = checkConditionGrammar(parsed.ast, expr);
  for (const p of problems) fail(p.message, p.expected, p.offset);
  if (problems.length > 0) return undefined;
  const slow = (ctx: object): unknown => {
    try {
      return parsed(ctx);
    } catch (error) {
      return new ConditionError(error instanceof Error ? error.message : String(error));
    }
  };
  const fast = compileCondition(parsed.ast, slow);
  return fast ? (ctx: object) => fast(ctx as Readonly<Record<string, unknown>>) : slow;
}

/** The known names for an unknown-name error, with the likely intended one. */
function expectedFor(message: string): string | undefined {
  const suggest = (name: string, known: readonly string[], what: string) => {
    const hint = didYouMean(name, known);
    return `${what}: one of ${known.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`;
  };
  const variable = /Unknown variable: (\w+)/.exec(message)?.[1];
  if (variable) return suggest(variable, [...Object.keys(CONTEXT_VARIABLES), ...HELPER_FUNCTIONS], 'a name of the condition context');
  const key = /No such key: (\w+)/.exec(message)?.[1];
  if (key) return suggest(key, Object.keys(INCIDENT_FIELDS), 'an incident field');
  const fn = /overload for '(\w+)\(/.exec(message)?.[1];
  if (fn && !(HELPER_FUNCTIONS as readonly string[]).includes(fn)) return suggest(fn, [...HELPER_FUNCTIONS, 'size', 'has'], 'a function');
  return undefined;
}

/** The character of the expression a cel-js error points at, if it says. */
function errorOffset(error: unknown): number | undefined {
  const e = error as { node?: { pos?: unknown }; range?: { start?: unknown } } | undefined;
  const pos = e?.node?.pos ?? e?.range?.start;
  return typeof pos === 'number' ? pos : undefined;
}

function firstLine(s: string | undefined): string {
  return (s ?? 'invalid expression').split('\n')[0]!;
}

/** Throws a CasusError listing every issue (the throwing twin for callers that want one). */
export function treatyIssuesError(file: string, issues: readonly Issue[]): CasusError {
  return new CasusError('invalid-input', `${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'} in treaty file`, { issues });
}
