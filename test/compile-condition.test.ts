/**
 * The compiled fast path for conditions must give exactly what cel-js gives — the same value, or an
 * error with the same message — on random expressions over the condition context and on random
 * contexts with facts missing; and on every condition of the shipped treaties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCondition } from '../src/domain/treaty/compile-condition.js';
import { ConditionError, conditionEnvironment } from '../src/domain/treaty/index.js';
import { loadKnowledge } from '../src/knowledge/index.js';

const env = conditionEnvironment();
type Ctx = Record<string, unknown>;
const outcome = (f: (c: Ctx) => unknown, ctx: Ctx) => {
  try {
    const value = f(ctx);
    return value instanceof ConditionError ? { error: value.message.split('\n')[0] } : { value };
  } catch (error) {
    return { error: (error as Error).message.split('\n')[0] };
  }
};

const polity = fc.constantFrom('ARM', 'AZE', 'RUS', 'USA', 'EST', 'JPN', 'non-state:al-qaeda', 'entity:artsakh');
const word = fc.constantFrom('armed-attack', 'incursion', 'territory', 'forces', 'europe', 'asia', 'north-america', 'recognized', 'administered');
const strField = fc.constantFrom('date', 'attacker', 'target', 'kind', 'against', 'flag');
const quote = (s: string) => `'${s}'`;

const { expr } = fc.letrec<{ expr: string; str: string; list: string; int: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('true', 'false'),
    fc.tuple(tie('str'), fc.constantFrom('==', '!='), tie('str')).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(tie('str'), tie('list')).map(([a, l]) => `${a} in ${l}`),
    fc.tuple(tie('expr'), fc.constantFrom('&&', '||'), tie('expr')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    tie('expr').map((a) => `!(${a})`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    tie('str').map((s) => `isState(${s})`),
    fc.tuple(tie('int'), fc.constantFrom('<', '<=', '>', '>=', '==', '!='), tie('int')).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.constantFrom('flag', 'attacker', 'fatalities').map((f) => `has(incident.${f})`),
    // One-variable comprehensions, with predicates that can fail on a missing fact (incident.flag).
    fc
      .tuple(
        fc.constantFrom('exists', 'all', 'exists_one'),
        tie('list'),
        fc.oneof(tie('list').map((l) => `v in ${l}`), tie('str').map((x) => `v == ${x}`), fc.constant('isState(v)')),
      )
      .map(([m, l, pred]) => `${l}.${m}(v, ${pred})`),
  ),
  str: fc.oneof(strField.map((f) => `incident.${f}`), polity.map(quote), word.map(quote), fc.constant('reading')),
  list: fc.oneof(fc.constantFrom('parties', 'territory', 'regions'), fc.array(fc.oneof(polity, word), { maxLength: 3 }).map((xs) => `[${xs.map(quote).join(', ')}]`)),
  int: fc.oneof(fc.constant('incident.fatalities'), fc.bigInt({ min: 0n, max: 20n }).map(String), tie('list').map((l) => `size(${l})`)),
}));

const context = fc
  .record(
    {
      date: fc.constantFrom('2001-09-11', '2022-09-13'),
      attacker: polity,
      target: polity,
      kind: word,
      against: word,
      flag: polity,
      fatalities: fc.bigInt({ min: 0n, max: 30n }),
    },
    { requiredKeys: [] },
  )
  .chain((incident) =>
    fc.record(
      {
        incident: fc.constant(incident),
        parties: fc.array(polity, { maxLength: 4 }),
        territory: fc.array(polity, { maxLength: 2 }),
        regions: fc.array(word, { maxLength: 2 }),
        reading: fc.constantFrom('recognized', 'administered', 'claimed', 'delimited'),
      },
      { requiredKeys: ['incident', 'parties', 'reading'] },
    ),
  );

describe('compiled conditions', () => {
  it('agree with cel-js on random expressions and contexts (values and error messages)', () => {
    let compiled = 0;
    fc.assert(
      fc.property(expr, fc.array(context, { minLength: 5, maxLength: 5 }), (source, contexts) => {
        const parsed = env.parse(source);
        const checked = parsed.check();
        fc.pre(checked.valid && checked.type === 'bool');
        const slow = (c: Ctx): unknown => parsed(c);
        const fast = compileCondition(parsed.ast, slow);
        if (!fast) return;
        compiled++;
        for (const c of contexts) expect(outcome(fast, c), `${source} on ${JSON.stringify(c, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))}`).toEqual(outcome(slow, c));
      }),
      { numRuns: 10_000, seed: Number(process.env.CASUS_FC_SEED ?? 2026) },
    );
    expect(compiled).toBeGreaterThan(1000);
  });

  it('agree with cel-js on every condition of the shipped treaties', () => {
    const { treaties } = loadKnowledge();
    const conditions = treaties.flatMap((t) => t.provisions.flatMap((p) => p.versions.flatMap((v) => v.conditions)));
    fc.assert(
      fc.property(context, (c) => {
        for (const cond of conditions) {
          const parsed = env.parse(cond.expr);
          expect(outcome(cond.evaluate as (c: Ctx) => unknown, c), cond.expr).toEqual(outcome((x) => parsed(x), c));
        }
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
