import { describe, expect, it } from 'vitest';
import { parseCaseEvent } from './event-schema.js';

const messages = (input: unknown, origin: 'record' | 'user' = 'record') => {
  const r = parseCaseEvent(input, origin, ['events', 0]);
  return r.ok ? [] : r.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const src = [{ title: 'T', url: 'https://example.org' }];

describe('parseCaseEvent', () => {
  it('normalises a single applicant to a list', () => {
    const r = parseCaseEvent({ type: 'application-lodged', date: '2022-01-05', by: 'KAZ', request: 'help', sources: src }, 'record');
    expect(r.ok && r.event).toMatchObject({ by: ['KAZ'] });
  });

  it('names an unknown event type and lists the known ones', () => {
    expect(messages({ type: 'invasion', date: '2022-01-05', sources: src })[0]).toMatch(/^events\.0\.type: expected an event type, one of incident-recorded, /);
  });

  it.each([
    [{ type: 'closed', date: '2022-01-05', sources: src }, 'events.0.reason: required (string)'],
    [{ type: 'closed', date: '2022-13-05', reason: 'x', sources: src }, 'events.0.date: expected a calendar date YYYY-MM-DD; got "2022-13-05"'],
    [{ type: 'closed', date: '2022-01-05', reason: 'x', sources: src, colour: 1 }, 'events.0.colour: unknown key "colour"'],
    [{ type: 'application-lodged', date: '2022-01-05', by: 'Kazakhstan', request: 'x', sources: src }, 'events.0.by: expected a polity id'],
    [{ type: 'application-lodged', date: '2022-01-05', by: 'KAZ', provision: 'article 4', request: 'x', sources: src }, 'events.0.provision: expected a provision id art-N'],
    [{ type: 'assistance-provided', date: '2022-01-05', kind: 'troops', sources: src }, 'events.0.kind: expected one of military, peacekeeping, equipment, advisers, other; got "troops"'],
    [{ type: 'closed', date: '2022-01-05', reason: 'x', sources: [{ title: 'T', url: 'example.org' }] }, 'events.0.sources.0.url: expected an http(s) URL'],
  ])('rejects %j with a message naming the field', (input, expected) => {
    expect(messages(input).join('\n')).toContain(expected);
  });

  it('requires a source on record events', () => {
    expect(messages({ type: 'closed', date: '2022-01-05', reason: 'x', note: 'n' })).toEqual(['events.0.sources: a record event needs at least one source']);
  });

  it('lets a user event go without sources only when a note says where it comes from', () => {
    expect(messages({ type: 'closed', date: '2022-01-05', reason: 'x' }, 'user')).toEqual([
      'events.0.note: an event without sources needs a note saying where it comes from',
    ]);
    expect(messages({ type: 'closed', date: '2022-01-05', reason: 'x', note: 'exercise' }, 'user')).toEqual([]);
  });
});
