/**
 * @module zod-issues
 * Turns zod issues into Casus {@link Issue}s: one per problem, with the path, what was expected,
 * what was received and, for near misses, a "did you mean" suggestion.
 */
import type { z } from 'zod';
import type { Issue } from '../errors.js';
import { editDistance } from '../did-you-mean.js';

/** Converts every zod issue (parsed with `reportInput: true`) into Casus issues. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly (string | number)[] = []): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) out.push(...convert(issue, prefix));
  return out;
}

function convert(issue: z.core.$ZodIssue, prefix: readonly (string | number)[]): Issue[] {
  const path = [...prefix, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        code: 'unknown-key',
        path: [...path, key],
        message: `unknown key "${key}"`,
      }));
    case 'invalid_value': {
      const expected = issue.values.map(String).join(', ');
      const got = show(input);
      const hint = typeof input === 'string' ? closest(input, issue.values.map(String)) : undefined;
      return [
        {
          code: 'invalid-value',
          path,
          message: `expected one of ${expected}; got ${got}${hint ? ` (did you mean "${hint}"?)` : ''}`,
          expected,
          received: got,
        },
      ];
    }
    case 'invalid_type':
      if (input === undefined)
        return [{ code: 'missing', path, message: `required (${issue.expected})`, expected: issue.expected }];
      return [
        {
          code: 'invalid-type',
          path,
          message: `expected ${issue.expected}; got ${show(input)}`,
          expected: issue.expected,
          received: show(input),
        },
      ];
    case 'invalid_union': {
      // A discriminated union whose discriminator matched nothing: report it on the discriminator.
      if ((issue as { note?: string }).note === 'No matching discriminator') {
        const discriminator = (issue as { discriminator?: string }).discriminator ?? 'type';
        const at = path.at(-1) === discriminator ? path : [...path, discriminator];
        return [{ code: 'invalid-value', path: at, message: issue.message }];
      }
      const first = issue.errors[0];
      if (first && issue.errors.every((branch) => branch.length > 0))
        return fromZodIssues(first, path);
      return [{ code: 'invalid', path, message: issue.message }];
    }
    case 'invalid_key': {
      const inner = issue.issues[0]?.message ?? issue.message;
      return [{ code: 'invalid-key', path, message: `${inner}; got ${show(input)}` }];
    }
    default: {
      const got = input === undefined || issue.message.includes('got ') ? '' : `; got ${show(input)}`;
      return [{ code: issue.code.replaceAll('_', '-'), path, message: `${issue.message}${got}` }];
    }
  }
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}

/** The option within edit distance 2 of `word`, if exactly one is nearest. */
export function closest(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const option of options) {
    const d = editDistance(word.toLowerCase(), option.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [option, d];
  }
  return best;
}
