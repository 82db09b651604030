import { describe, expect, it } from 'vitest';
import { fromZodIssues } from './zod-issues.js';
import { procedureSchema } from './procedure-schema.js';

const base = {
  initial: 'recorded',
  states: { recorded: { label: 'Recorded' }, applied: { label: 'Applied' }, closed: { label: 'Closed', final: true } },
  transitions: [
    { from: 'recorded', on: 'application-lodged', to: 'applied' },
    { from: ['recorded', 'applied'], on: 'closed', to: 'closed' },
  ],
  source: { title: 'Charter', url: 'https://example.org/charter' },
};

function issues(input: unknown): string[] {
  const r = procedureSchema.safeParse(input, { reportInput: true });
  return r.success ? [] : fromZodIssues(r.error.issues, ['procedure']).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('procedureSchema', () => {
  it('accepts the documented format', () => {
    expect(issues(base)).toEqual([]);
  });

  it.each([
    ['an unknown initial state', { ...base, initial: 'start' }, 'procedure.initial: unknown state "start"; the states are recorded, applied, closed'],
    ['a transition to an unknown state', { ...base, transitions: [{ from: 'recorded', on: 'closed', to: 'shut' }] }, 'procedure.transitions.0.to: unknown state "shut"'],
    ['a transition out of a final state', { ...base, transitions: [...base.transitions, { from: 'closed', on: 'application-lodged', to: 'applied' }] }, 'procedure.transitions.2.from: state "closed" is final and cannot be left'],
    ['two rows for the same state and event', { ...base, transitions: [...base.transitions, { from: 'recorded', on: 'closed', to: 'applied' }] }, 'procedure.transitions.2.from: "closed" in state "recorded" is already declared by transitions[1]; a procedure must be deterministic'],
    ['an unreachable state', { ...base, states: { ...base.states, limbo: { label: 'Limbo' } } }, 'procedure.states.limbo: state "limbo" cannot be reached from "recorded"'],
    ['a misspelt event type', { ...base, transitions: [{ from: 'recorded', on: 'application-lodge', to: 'applied' }] }, 'did you mean "application-lodged"?'],
    ['an unknown key', { ...base, note: 'x', colour: 'red' }, 'procedure.colour: unknown key "colour"'],
    ['a missing source', { ...base, source: undefined }, 'procedure.source: required'],
    ['a requirement no row can produce', { ...base, transitions: [...base.transitions, { from: 'applied', on: 'decision-taken', to: 'closed', requires: ['mission-dispatched'] }] }, 'procedure.transitions.2.requires.0: no transition accepts "mission-dispatched", so this row could never apply'],
    ['a requirement that is not an event type', { ...base, transitions: [{ from: 'recorded', on: 'closed', to: 'closed', requires: ['request'] }] }, 'procedure.transitions.0.requires.0: expected one of incident-recorded'],
  ])('rejects %s with a message naming the path', (_, input, expected) => {
    expect(issues(input).join('\n')).toContain(expected);
  });
});
