/**
 * @module record-file
 * One shipped historical case, `data/record/<treaty>/<id>.yaml`: header, incident, and the sourced
 * events. Checked here without I/O: the shape (zod), every event (sources required), and the whole
 * log against the treaty's procedure. Every problem is returned at once, each with its path.
 */
import { z } from 'zod';
import type { Issue } from '../errors.js';
import type { CaseEvent } from './case-event.js';
import type { CaseLog } from './case-file.js';
import { parseCaseEvent } from './event-schema.js';
import { parseCaseIncident } from './incident-schema.js';
import type { Procedure } from './procedure-schema.js';
import { refusalIssues, replayCase } from './transition.js';
import { fromZodIssues } from './zod-issues.js';

const recordId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'expected a kebab-case id (csto-2022-armenia-jermuk)' });

/** The outer shape; incident and events are checked by their own parsers for precise issues. */
export const recordFileSchema = z.strictObject({
  id: recordId,
  treaty: z.string().min(1),
  title: z.string().min(1),
  incident: z.unknown(),
  events: z.array(z.unknown()).min(1, { message: 'a record case needs at least one event' }),
  notes: z.string().min(1).optional(),
});

/** Result of {@link checkRecordCase}. */
export type RecordCheck =
  | { readonly ok: true; readonly log: CaseLog }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Checks a parsed record file. `expected` names what the file's location implies (its id from the
 * file name, its treaty from the folder); `procedure` is the treaty's, or undefined when the treaty
 * declares none (an issue).
 * @example checkRecordCase(yaml.parse(text), procedure, { id: 'csto-2022-armenia-jermuk', treaty: 'csto' }).ok
 */
export function checkRecordCase(
  input: unknown,
  procedure: Procedure | undefined,
  expected: { readonly id?: string; readonly treaty?: string } = {},
): RecordCheck {
  const outer = recordFileSchema.safeParse(input, { reportInput: true });
  if (!outer.success) return { ok: false, issues: fromZodIssues(outer.error.issues) };
  const file = outer.data;
  const issues: Issue[] = [];
  if (expected.id !== undefined && file.id !== expected.id)
    issues.push({ code: 'invalid-value', path: ['id'], message: `id "${file.id}" must match the file name "${expected.id}.yaml"` });
  if (expected.treaty !== undefined && file.treaty !== expected.treaty)
    issues.push({
      code: 'invalid-value',
      path: ['treaty'],
      message: `treaty "${file.treaty}" must match the folder data/record/${expected.treaty}/`,
    });
  const incident = parseCaseIncident(file.incident, ['incident']);
  if (!incident.ok) issues.push(...incident.issues);
  const events: CaseEvent[] = [];
  file.events.forEach((raw, i) => {
    const parsed = parseCaseEvent(raw, 'record', ['events', i]);
    if (parsed.ok) events.push(parsed.event);
    else issues.push(...parsed.issues);
  });
  if (procedure === undefined)
    issues.push({
      code: 'missing',
      path: ['treaty'],
      message: `treaty "${expected.treaty ?? file.treaty}" declares no procedure: add a procedure: block to data/treaties/${expected.treaty ?? file.treaty}.yaml`,
    });
  if (issues.length > 0 || !incident.ok || procedure === undefined) return { ok: false, issues };
  const log: CaseLog = {
    id: file.id,
    treaty: file.treaty,
    title: file.title,
    incident: incident.incident,
    origin: 'record',
    recordId: file.id,
    events,
  };
  const replayed = replayCase(log, procedure);
  if (!replayed.ok)
    return { ok: false, issues: refusalIssues(replayed.refusal).map((i) => ({ ...i, path: ['events', replayed.index, ...i.path] })) };
  return { ok: true, log };
}
