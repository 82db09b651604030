/**
 * @module condition-grammar
 * The part of CEL a treaty condition may use, checked on the syntax tree once cel-js has parsed and
 * type-checked it. cel-js has no cost limit: `'aaaa…a!'.matches('^(a+)+$')` backtracks for tens of
 * seconds, and comprehensions nested over list literals grow exponentially well inside maxAstNodes.
 * The bound on evaluation therefore comes from this whitelist, not from CEL itself:
 * - no regular expressions and no function outside the registry below;
 * - list literals of at most MAX_LIST_LITERAL elements, none of them a list;
 * - `exists`, `all` and `exists_one` only over a context list (`parties`, `territory`, `regions`),
 *   and never inside another one.
 * So every node but a comprehension body is evaluated at most once, and a body at most once per
 * element of a context list: the cost of a condition is at most (its nodes) × (the longest context
 * list), whatever the treaty file says.
 */

/** One problem with a condition's form, at a character offset of the expression. */
export interface GrammarProblem {
  readonly message: string;
  readonly offset: number;
  readonly expected: string;
}

/** Longest list literal a condition may write (the longest shipped one has 6 elements). */
export const MAX_LIST_LITERAL = 64;

/** Longest condition expression, in characters (the longest shipped one has about 300). */
export const MAX_EXPRESSION_LENGTH = 2000;

/** Context variables a comprehension may range over: lists whose length the data bounds. */
export const COMPREHENSION_RANGES = ['parties', 'territory', 'regions'] as const;

/** The operators a condition may use (cel-js syntax-tree op names), with what they are, for docs and messages. */
export const ALLOWED_OPERATORS: Readonly<Record<string, string>> = {
  value: 'a literal (string, int, double, bool, null)',
  id: 'a context name (incident, territory, regions, reading, parties) or a comprehension variable',
  '.': 'field selection (incident.kind)',
  '==': 'equality',
  '!=': 'inequality',
  '<': 'comparison',
  '<=': 'comparison',
  '>': 'comparison',
  '>=': 'comparison',
  in: 'list membership',
  '&&': 'and',
  '||': 'or',
  '!_': 'not',
  '?:': 'conditional',
  '+': 'addition or concatenation',
  '-': 'subtraction',
  '*': 'multiplication',
  '/': 'division',
  '%': 'remainder',
  '-_': 'negation',
  list: `a list literal of at most ${MAX_LIST_LITERAL} elements`,
};

/** The functions a condition may call: `call` is f(x), `rcall` is x.f(...). */
export const ALLOWED_FUNCTIONS: Readonly<Record<string, { readonly form: string; readonly call: boolean; readonly rcall: boolean }>> = {
  has: { form: 'has(incident.field)', call: true, rcall: false },
  size: { form: 'size(list) or list.size()', call: true, rcall: true },
  isState: { form: 'isState(id)', call: true, rcall: false },
  exists: { form: `${COMPREHENSION_RANGES.join('|')}.exists(x, …)`, call: false, rcall: true },
  all: { form: `${COMPREHENSION_RANGES.join('|')}.all(x, …)`, call: false, rcall: true },
  exists_one: { form: `${COMPREHENSION_RANGES.join('|')}.exists_one(x, …)`, call: false, rcall: true },
};

const COMPREHENSIONS = new Set(['exists', 'all', 'exists_one']);

const EXPECTED_FORM =
  `a condition built from literals, context names, field selection, ${['==', '!=', '<', '<=', '>', '>=', 'in', '&&', '||', '!', '?:', '+', '-', '*', '/', '%'].join(' ')}, ` +
  `list literals of at most ${MAX_LIST_LITERAL} elements, ${Object.values(ALLOWED_FUNCTIONS).map((f) => f.form).join(', ')} (one comprehension level, over a context list)`;

interface AstNode {
  readonly op: string;
  readonly args: unknown;
  readonly pos?: number;
  readonly start?: number;
}

const isAst = (x: unknown): x is AstNode => typeof x === 'object' && x !== null && typeof (x as AstNode).op === 'string';

/**
 * Every place `ast` (a cel-js syntax tree of `expr`) leaves the whitelist; empty when it is allowed.
 * @example checkConditionGrammar(env.parse("incident.kind.matches('a+')").ast, "incident.kind.matches('a+')")[0].message
 *   // "function matches is not allowed in a condition"
 */
export function checkConditionGrammar(ast: unknown, expr: string): GrammarProblem[] {
  const problems: GrammarProblem[] = [];
  if (expr.length > MAX_EXPRESSION_LENGTH)
    problems.push({ message: `the expression is ${expr.length} characters long; at most ${MAX_EXPRESSION_LENGTH} are allowed`, offset: 0, expected: `at most ${MAX_EXPRESSION_LENGTH} characters` });
  walk(ast, false, (message, node, expected = EXPECTED_FORM, method) => {
    // A method call's node starts at its receiver; point at the method's name instead.
    const start = offsetOf(node);
    const at = method === undefined ? -1 : expr.indexOf(`.${method}`, start);
    problems.push({ message, offset: at < 0 ? start : at + 1, expected });
  });
  return problems;
}

type Report = (message: string, node: unknown, expected?: string, method?: string) => void;

function walk(ast: unknown, inComprehension: boolean, report: Report): void {
  if (!isAst(ast)) {
    report('unexpected syntax', ast);
    return;
  }
  const { op, args } = ast;
  if (op === 'call' || op === 'rcall') return walkCall(ast, inComprehension, report);
  if (!(op in ALLOWED_OPERATORS)) {
    report(`${describeOp(op)} is not allowed in a condition`, ast);
    return;
  }
  switch (op) {
    case 'value':
    case 'id':
      return;
    case '.':
      return walk((args as [unknown, string])[0], inComprehension, report);
    case '!_':
    case '-_':
      return walk(args, inComprehension, report);
    case 'list': {
      const items = args as unknown[];
      if (items.length > MAX_LIST_LITERAL) report(`a list literal of ${items.length} elements; at most ${MAX_LIST_LITERAL} are allowed`, ast, `a list literal of at most ${MAX_LIST_LITERAL} elements`);
      for (const item of items) {
        if (isAst(item) && item.op === 'list') report('a list literal inside a list literal is not allowed', item, 'a flat list literal');
        else walk(item, inComprehension, report);
      }
      return;
    }
    default:
      for (const a of args as unknown[]) walk(a, inComprehension, report);
  }
}

function walkCall(ast: AstNode, inComprehension: boolean, report: Report): void {
  const [name, first, rest] = ast.args as [string, unknown, unknown];
  const fn = Object.hasOwn(ALLOWED_FUNCTIONS, name) ? ALLOWED_FUNCTIONS[name] : undefined;
  const isRcall = ast.op === 'rcall';
  if (!fn || (isRcall ? !fn.rcall : !fn.call)) {
    report(`function ${isRcall ? '.' : ''}${name}() is not allowed in a condition`, ast, EXPECTED_FORM, isRcall ? name : undefined);
    return;
  }
  if (!COMPREHENSIONS.has(name)) {
    for (const a of isRcall ? [first, ...(rest as unknown[])] : (first as unknown[])) walk(a, inComprehension, report);
    return;
  }
  const expected = `${name} over a context list, at one level: ${ALLOWED_FUNCTIONS[name]!.form}`;
  if (inComprehension) {
    report(`.${name}() inside another comprehension is not allowed (its cost would multiply)`, ast, expected, name);
    return;
  }
  const receiver = first;
  if (!isAst(receiver) || receiver.op !== 'id' || !(COMPREHENSION_RANGES as readonly string[]).includes(receiver.args as string))
    report(`.${name}() may only range over ${COMPREHENSION_RANGES.join(', ')}, not over ${isAst(receiver) && receiver.op === 'list' ? 'a list literal' : 'a computed value'}`, ast, expected, name);
  const [variable, body] = rest as [unknown, unknown];
  walk(variable, true, report);
  walk(body, true, report);
}

function describeOp(op: string): string {
  if (op === '[]' || op === '[?]') return 'indexing (x[i])';
  if (op === 'map') return 'a map literal';
  if (op === '.?') return 'optional field selection (x.?f)';
  return `the operator ${op}`;
}

function offsetOf(node: unknown): number {
  if (!isAst(node)) return 0;
  return node.pos ?? node.start ?? 0;
}
