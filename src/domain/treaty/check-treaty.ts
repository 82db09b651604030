/**
 * @module check-treaty
 * Loads a treaty file: schema, dates, membership, and every CEL condition compiled and type-checked.
 * Returns every problem at once (file:line:column, path, what was expected); nothing loads half-way.
 */
import { CasusError, type Issue } from '../errors.js';
import { overlappingPeriods } from '../dates/index.js';
import { compileCondition, ConditionError } from './compile-condition.js';
import { conditionEnvironment } from './condition-context.js';
import type { TreatyFile } from './treaty-schema.js';
import type { Condition, FilePosition, Provision, Treaty } from './treaty.js';

/** Placeholders a reason may use. */
export const REASON_PLACEHOLDERS = ['attacker', 'target', 'kind', 'against', 'flag', 'reading', 'territory', 'regions', 'date', 'fatalities'] as const;

type Locate = (path: readonly (string | number)[]) => FilePosition;

/** Checks an already schema-valid treaty file and compiles its conditions. */
export function compileTreaty(file: TreatyFile, fileName: string, locate: Locate): { ok: true; treaty: Treaty } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const issue = (path: (string | number)[], code: string, message: string, extra: Partial<Issue> = {}) =>
    issues.push({ code, path, message, at: locate(path), ...extra });
  const env = conditionEnvironment();

  const seenParties = new Set<string>();
  file.parties.forEach((p, i) => {
    if (seenParties.has(p.polity)) issue(['parties', i, 'polity'], 'duplicate', `party ${p.polity} is listed twice; give it several periods instead`);
    seenParties.add(p.polity);
    p.periods.forEach((period, j) => {
      if (period.to !== undefined && period.to < period.from)
        issue(['parties', i, 'periods', j, 'to'], 'invalid-date', `period ends (${period.to}) before it starts (${period.from})`);
    });
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

function compile(
  env: ReturnType<typeof conditionEnvironment>,
  expr: string,
  path: (string | number)[],
  where: string,
  issue: (path: (string | number)[], code: string, message: string, extra?: Partial<Issue>) => void,
): ((context: object) => unknown) | undefined {
  try {
    const parsed = env.parse(expr);
    const checked = parsed.check();
    if (!checked.valid) {
      issue(path, 'invalid-condition', `${where}: ${firstLine(checked.error?.message)}`, { expected: 'a CEL expression of type bool', received: expr });
      return undefined;
    }
    if (checked.type !== 'bool') {
      issue(path, 'invalid-condition', `${where}: expected a CEL expression of type bool; got type ${checked.type}`, { expected: 'bool', received: String(checked.type) });
      return undefined;
    }
    const slow = (ctx: object): unknown => {
      try {
        return parsed(ctx);
      } catch (error) {
        return new ConditionError(error instanceof Error ? error.message : String(error));
      }
    };
    const fast = compileCondition(parsed.ast, slow);
    return fast ? (ctx: object) => fast(ctx as Readonly<Record<string, unknown>>) : slow;
  } catch (error) {
    issue(path, 'invalid-condition', `${where}: ${firstLine(error instanceof Error ? error.message : String(error))}`, { expected: 'a CEL expression', received: expr });
    return undefined;
  }
}

function firstLine(s: string | undefined): string {
  return (s ?? 'invalid expression').split('\n')[0]!;
}

/** Throws a CasusError listing every issue (the throwing twin for callers that want one). */
export function treatyIssuesError(file: string, issues: readonly Issue[]): CasusError {
  return new CasusError('invalid-input', `${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'} in treaty file`, { issues });
}
