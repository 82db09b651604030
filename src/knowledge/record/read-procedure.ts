/**
 * @module read-procedure
 * Reads the `procedure:` block of a treaty file (`<treatiesDir>/<treaty>.yaml`) and validates it with
 * `procedureSchema`. Only that key is read, so this works before the rest of the treaty loader does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromZodIssues, procedureSchema, treatyRosterFrom, type Procedure } from '../../domain/casefile/index.js';
import { CasusError, invalidInput, type Issue } from '../../domain/errors.js';
import { locateIssues, parseLocatedYaml } from '../yaml-locate.js';
import { displayPath } from '../data-dir.js';

/** A procedure, "the treaty declares none", or the issues in its block. */
export type ProcedureRead =
  | { readonly kind: 'procedure'; readonly procedure: Procedure }
  | { readonly kind: 'none'; readonly message: string }
  | { readonly kind: 'invalid'; readonly issues: readonly Issue[] };

/**
 * Reads one treaty's procedure.
 * @example readProcedure('csto', 'data/treaties').kind === 'procedure'
 */
export function readProcedure(treaty: string, treatiesDir: string): ProcedureRead {
  const file = join(treatiesDir, `${treaty}.yaml`);
  if (!/^[a-z0-9-]+$/.test(treaty) || !existsSync(file))
    return { kind: 'none', message: `no treaty file for "${treaty}" (expected ${displayPath(file)})` };
  const parsed = parseLocatedYaml(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) return { kind: 'invalid', issues: parsed.issues };
  const block = (parsed.value as { procedure?: unknown } | null)?.procedure;
  if (block === undefined) return { kind: 'none', message: `${displayPath(file)} has no procedure: block` };
  const result = procedureSchema.safeParse(block, { reportInput: true });
  if (!result.success)
    return { kind: 'invalid', issues: locateIssues(fromZodIssues(result.error.issues, ['procedure']), parsed.locate) };
  // The treaty's provisions and parties ride along, so that events are checked against them too.
  const roster = treatyRosterFrom(parsed.value);
  return { kind: 'procedure', procedure: roster ? { ...result.data, roster } : result.data };
}

/** The throwing twin: `not-found` without a procedure, `invalid-input` listing every issue. */
export function loadProcedure(treaty: string, treatiesDir: string): Procedure {
  const read = readProcedure(treaty, treatiesDir);
  if (read.kind === 'procedure') return read.procedure;
  if (read.kind === 'none')
    throw new CasusError('not-found', `treaty "${treaty}" declares no case-file procedure: ${read.message}`);
  throw new CasusError('invalid-input', `the procedure of treaty "${treaty}" is invalid (${read.issues.length} issue(s))`, {
    issues: read.issues,
  });
}

/** Ids of the treaties whose file declares a valid procedure, sorted. */
export function treatiesWithProcedure(treatiesDir: string): string[] {
  if (!existsSync(treatiesDir)) return [];
  return readdirSync(treatiesDir)
    .filter((n) => n.endsWith('.yaml'))
    .map((n) => n.slice(0, -'.yaml'.length))
    .filter((t) => readProcedure(t, treatiesDir).kind === 'procedure')
    .sort();
}

/**
 * Checks a treaty filter (`--treaty`, `?treaty=`): a treaty that declares a case-file procedure, else
 * `invalid-input` naming `field` and listing the known ones (an unknown id must not print nothing).
 * @example assertTreatyWithProcedure('xyz', 'data/treaties', '--treaty')  // throws: --treaty: expected one of anzus, csto, eu-tue-42-7, nato, rio, rus-arm-1997, rus-prk-2024, us-japan, us-philippines; got "xyz"
 */
export function assertTreatyWithProcedure(treaty: string, treatiesDir: string, field: string): void {
  const known = treatiesWithProcedure(treatiesDir);
  if (!known.includes(treaty))
    throw invalidInput(field, `one of ${known.join(', ') || '(no treaty declares a procedure yet)'}`, treaty);
}
