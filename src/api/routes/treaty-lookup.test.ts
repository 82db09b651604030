import { describe, expect, it } from 'vitest';
import { CasusError } from '../../domain/errors.js';
import { loadKnowledge } from '../../knowledge/index.js';
import { findProvision, findTreaty } from './treaty-lookup.js';

const { treaties } = loadKnowledge();

function thrown(f: () => unknown): CasusError {
  try {
    f();
  } catch (error) {
    if (error instanceof CasusError) return error;
    throw error;
  }
  throw new Error('expected a CasusError');
}

describe('findTreaty and findProvision', () => {
  it('find what exists', () => {
    const nato = findTreaty(treaties, 'nato', { part: 'path', name: 'id' });
    expect(nato.id).toBe('nato');
    expect(findProvision(nato, 'art-5', { part: 'query', name: 'provision' }).id).toBe('art-5');
  });

  it('answer an unknown id in a path with not-found, naming the field and the known ids', () => {
    const e = thrown(() => findTreaty(treaties, 'warsaw', { part: 'path', name: 'id' }));
    expect(e.code).toBe('not-found');
    expect(e.message).toMatch(/^path\.id: no treaty "warsaw" \(known: .*csto.*nato/);
    expect(e.issues).toMatchObject([{ code: 'not-found', path: ['path', 'id'], received: 'warsaw' }]);
  });

  it('answer an unknown id in a query or body field with invalid-input', () => {
    const nato = findTreaty(treaties, 'nato', { part: 'path', name: 'id' });
    const q = thrown(() => findProvision(nato, 'art-99', { part: 'query', name: 'provision' }));
    expect(q.code).toBe('invalid-input');
    expect(q.message).toMatch(/^query\.provision: expected one of .*art-5.*; got "art-99"$/);
    expect(q.issues).toMatchObject([{ path: ['query', 'provision'], message: 'nato has no provision "art-99"' }]);
    const b = thrown(() => findTreaty(treaties, 'seato', { part: 'body', name: 'treaty' }));
    expect(b.message).toMatch(/^body\.treaty: expected one of .*; got "seato"$/);
    expect(b.issues).toMatchObject([{ path: ['body', 'treaty'], message: 'no treaty "seato"' }]);
  });
});
