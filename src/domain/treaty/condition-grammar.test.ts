import { describe, expect, it } from 'vitest';
import { conditionEnvironment } from './condition-context.js';
import { checkConditionGrammar, MAX_LIST_LITERAL } from './condition-grammar.js';

const env = conditionEnvironment();
const problems = (expr: string) => checkConditionGrammar(env.parse(expr).ast, expr).map((p) => p.message);

describe('the condition whitelist', () => {
  it.each([
    'incident.target in parties',
    "incident.kind in ['incursion', 'cyber-attack'] && has(incident.flag)",
    "incident.against == 'territory' ? incident.target in territory : 'north-atlantic' in regions",
    'territory.exists(p, p in parties)',
    "regions.all(r, r != 'asia')",
    'parties.exists_one(p, p == incident.target)',
    'size(territory) > 0 && territory.size() < 3 && isState(incident.attacker)',
    '-incident.fatalities < 0 || incident.fatalities % 2 == 1',
  ])('allows %s', (expr) => {
    expect(problems(expr)).toEqual([]);
  });

  it.each([
    ["'aaaaaaaaaaaaaaaaaaaaaaaaaaaa!'.matches('^(a+)+$')", 'function .matches() is not allowed'],
    ["incident.kind.startsWith('armed')", 'function .startsWith() is not allowed'],
    ['[1, 2].all(a, a > 0)', 'not over a list literal'],
    ['parties.exists(a, territory.exists(b, a == b))', 'inside another comprehension'],
    ["parties.filter(p, p == 'ARM').size() > 0", 'function .filter() is not allowed'],
    ['cel.bind(x, 1, x == 1)', 'function .bind() is not allowed'],
    ["parties[0] == 'ARM'", 'indexing (x[i]) is not allowed'],
    ["{'a': 1} == {'a': 1}", 'a map literal is not allowed'],
    ['[[1]] == [[1]]', 'a list literal inside a list literal'],
    [`incident.fatalities in [${Array.from({ length: MAX_LIST_LITERAL + 1 }, (_, i) => i).join(', ')}]`, `at most ${MAX_LIST_LITERAL} are allowed`],
  ])('refuses %s', (expr, message) => {
    expect(problems(expr).join('\n')).toContain(message);
  });

  it('points at the method name of a refused call', () => {
    const expr = "incident.kind == 'x' || incident.kind.matches('a+')";
    expect(checkConditionGrammar(env.parse(expr).ast, expr)[0]?.offset).toBe(expr.indexOf('matches'));
  });

  it('refuses an expression longer than the limit', () => {
    const expr = Array.from({ length: 300 }, () => "incident.kind == 'armed-attack'").join(' || ');
    expect(checkConditionGrammar(null, expr)[0]?.message).toMatch(/characters long/);
  });
});
