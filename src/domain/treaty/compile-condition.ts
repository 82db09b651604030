/**
 * @module compile-condition
 * The fast path for conditions: a type-checked CEL syntax tree (from `@marcbachmann/cel-js`) turned
 * into plain JavaScript closures, for the small subset treaty conditions use (literals, variables,
 * field selection, comparisons, `in`, `&&`, `||`, `!`, `?:`, list literals, `size`, `has`, `isState`,
 * and one-variable `exists`/`all`/`exists_one` over a list).
 * An expression outside the subset is not compiled and cel-js evaluates it. Errors follow CEL: `&&`
 * and `||` absorb an error when the other side decides, and an error that reaches the top comes back
 * with cel-js's own message ("No such key: flag", "Unknown variable: territory"), so callers cannot
 * tell the two apart — a property test (test/compile-condition.test.ts) checks exactly that.
 */
import { isState } from '../polity/index.js';

/**
 * A CEL error as a value: compiled conditions return it instead of throwing, because building an
 * Error (its stack trace) costs microseconds and missing facts are common in bulk runs.
 */
export class ConditionError {
  constructor(readonly message: string) {}
}
const CelError = ConditionError;
type CelError = ConditionError;

type Value = unknown;
type Node = (ctx: Readonly<Record<string, unknown>>) => Value;

interface AstNode {
  readonly op: string;
  readonly args: unknown;
}

const isAst = (x: unknown): x is AstNode => typeof x === 'object' && x !== null && typeof (x as AstNode).op === 'string';
const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

class Unsupported extends Error {}

/**
 * Compiles a cel-js syntax tree to a closure with the same results (a CEL error comes back as a
 * ConditionError value), or returns undefined when the tree uses anything outside the subset. Values outside the subset met at run time (a dynamically
 * typed comparison, say) are handed to `fallback`, cel-js itself.
 */
export function compileCondition(
  ast: unknown,
  fallback: (ctx: Readonly<Record<string, unknown>>) => unknown,
): ((ctx: Readonly<Record<string, unknown>>) => unknown) | undefined {
  let root: Node;
  try {
    root = node(ast);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  return (ctx) => {
    let v: Value;
    try {
      v = root(ctx);
    } catch (error) {
      if (error instanceof Unsupported) return fallback(ctx);
      throw error;
    }
    return v;
  };
}

function node(ast: unknown): Node {
  if (!isAst(ast)) throw new Unsupported('not a node');
  const args = ast.args;
  switch (ast.op) {
    case 'value': {
      const v = args;
      if (typeof v !== 'string' && typeof v !== 'boolean' && typeof v !== 'bigint') throw new Unsupported('literal');
      return () => v;
    }
    case 'id': {
      const name = args as string;
      const missing = new CelError(`Unknown variable: ${name}`);
      return (ctx) => (hasOwn(ctx, name) ? ctx[name] : missing);
    }
    case '.': {
      const [objectAst, key] = args as [unknown, string];
      const object = node(objectAst);
      const missing = new CelError(`No such key: ${key}`);
      return (ctx) => {
        const o = object(ctx);
        if (o instanceof CelError) return o;
        if (typeof o !== 'object' || o === null || Array.isArray(o)) return new CelError(`cannot select ${key}`);
        return hasOwn(o, key) ? (o as Record<string, unknown>)[key] : missing;
      };
    }
    case '==':
    case '!=': {
      const [a, b] = (args as unknown[]).map(node) as [Node, Node];
      const negate = ast.op === '!=';
      return (ctx) => {
        const x = a(ctx);
        if (x instanceof CelError) return x;
        const y = b(ctx);
        if (y instanceof CelError) return y;
        if (!primitive(x) || !primitive(y) || typeof x !== typeof y) throw new Unsupported('equality outside strings, bools and ints');
        return (x === y) !== negate;
      };
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const [a, b] = (args as unknown[]).map(node) as [Node, Node];
      const op = ast.op;
      return (ctx) => {
        const x = a(ctx);
        if (x instanceof CelError) return x;
        const y = b(ctx);
        if (y instanceof CelError) return y;
        if (typeof x !== typeof y || (typeof x !== 'bigint' && typeof x !== 'string')) throw new Unsupported('ordering outside ints and strings');
        const [p, q] = [x, y] as [bigint | string, bigint | string];
        return op === '<' ? p < q : op === '<=' ? p <= q : op === '>' ? p > q : p >= q;
      };
    }
    case 'in': {
      const [a, b] = (args as unknown[]).map(node) as [Node, Node];
      return (ctx) => {
        const x = a(ctx);
        if (x instanceof CelError) return x;
        const list = b(ctx);
        if (list instanceof CelError) return list;
        if (!Array.isArray(list) || !primitive(x)) throw new Unsupported('in outside lists of primitives');
        return list.includes(x);
      };
    }
    case '&&':
    case '||': {
      const [a, b] = (args as unknown[]).map(node) as [Node, Node];
      const decisive = ast.op === '||';
      return (ctx) => {
        const x = a(ctx);
        if (x === decisive) return decisive;
        const y = b(ctx);
        if (y === decisive) return decisive;
        // Both undecided: cel-js reports the right-hand error.
        if (y instanceof CelError) return y;
        if (x instanceof CelError) return x;
        if (typeof x !== 'boolean' || typeof y !== 'boolean') throw new Unsupported('logic on non-bools');
        return !decisive;
      };
    }
    case '!_': {
      const a = node(args);
      return (ctx) => {
        const x = a(ctx);
        if (x instanceof CelError) return x;
        if (typeof x !== 'boolean') throw new Unsupported('! on a non-bool');
        return !x;
      };
    }
    case '?:': {
      const [c, a, b] = (args as unknown[]).map(node) as [Node, Node, Node];
      return (ctx) => {
        const x = c(ctx);
        if (x instanceof CelError) return x;
        if (typeof x !== 'boolean') throw new Unsupported('?: on a non-bool');
        return x ? a(ctx) : b(ctx);
      };
    }
    case 'list': {
      const items = (args as unknown[]).map(node);
      return (ctx) => {
        const out: Value[] = [];
        for (const item of items) {
          const v = item(ctx);
          if (v instanceof CelError) return v;
          out.push(v);
        }
        return out;
      };
    }
    case 'call':
    case 'rcall':
      return call(ast);
    default:
      throw new Unsupported(ast.op);
  }
}

function call(ast: AstNode): Node {
  const [name, first, rest] = ast.args as [string, unknown, unknown];
  const callArgs = ast.op === 'rcall' ? [first, ...(rest as unknown[])] : (first as unknown[]);
  if (name === 'has' && ast.op === 'call' && callArgs.length === 1 && isAst(callArgs[0]) && callArgs[0].op === '.') {
    const [objectAst, key] = callArgs[0].args as [unknown, string];
    const object = node(objectAst);
    return (ctx) => {
      const o = object(ctx);
      if (o instanceof CelError) return o;
      if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new Unsupported('has() outside maps');
      return hasOwn(o, key);
    };
  }
  if (name === 'size' && callArgs.length === 1) {
    const a = node(callArgs[0]);
    return (ctx) => {
      const x = a(ctx);
      if (x instanceof CelError) return x;
      if (!Array.isArray(x)) throw new Unsupported('size() outside lists');
      return BigInt(x.length);
    };
  }
  if ((name === 'exists' || name === 'all' || name === 'exists_one') && ast.op === 'rcall') {
    const [target, [variable, predicate]] = [first, rest as [unknown, unknown]];
    if (!isAst(variable) || variable.op !== 'id' || typeof variable.args !== 'string') throw new Unsupported('comprehension variable');
    return comprehension(name, node(target), variable.args, node(predicate));
  }
  if (name === 'isState' && ast.op === 'call' && callArgs.length === 1) {
    const a = node(callArgs[0]);
    return (ctx) => {
      const x = a(ctx);
      if (x instanceof CelError) return x;
      if (typeof x !== 'string') throw new Unsupported('isState() on a non-string');
      return isState(x);
    };
  }
  throw new Unsupported(`function ${name}`);
}

/**
 * `list.exists(v, p)`, `list.all(v, p)`, `list.exists_one(v, p)` with CEL's error rules: a deciding
 * element (true for exists, false for all) absorbs errors met elsewhere; otherwise an error wins.
 */
function comprehension(name: 'exists' | 'all' | 'exists_one', target: Node, variable: string, predicate: Node): Node {
  return (ctx) => {
    const list = target(ctx);
    if (list instanceof CelError) return list;
    if (!Array.isArray(list)) throw new Unsupported(`${name}() outside lists`);
    let error: CelError | undefined;
    let count = 0;
    // One scope for the whole list, its variable rebound per element: a fresh copy of the context
    // per element was most of what an assessment allocated, and outlived young-generation GCs.
    const scope: Record<string, unknown> = { ...ctx, [variable]: undefined };
    for (const item of list) {
      scope[variable] = item;
      const v = predicate(scope);
      if (v instanceof CelError) {
        if (name === 'exists_one') return v;
        error ??= v;
        continue;
      }
      if (typeof v !== 'boolean') throw new Unsupported(`${name}() predicate on a non-bool`);
      if (name === 'exists' && v) return true;
      if (name === 'all' && !v) return false;
      if (v) count++;
    }
    if (error) return error;
    return name === 'exists' ? false : name === 'all' ? true : count === 1;
  };
}

function primitive(x: unknown): x is string | boolean | bigint {
  return typeof x === 'string' || typeof x === 'boolean' || typeof x === 'bigint';
}
