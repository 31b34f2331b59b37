/**
 * The engine on inputs the edges refuse, for callers that skip the edges: a query name of thousands of
 * words (it threw "Cannot read properties of undefined") and an impossible birth date (it counted as a
 * date conflict and lowered an exact name below the alert threshold).
 */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../model/entity.js';
import { ScreeningEngine } from './engine.js';

const LIST: Entity[] = [
  {
    id: 'test:kim-jong-un',
    source: 'ofac-sdn',
    schema: 'Person',
    caption: 'KIM, Jong Un',
    properties: { name: [{ value: 'KIM, Jong Un' }], birthDate: [{ value: '1984-01-08' }] },
  },
  {
    id: 'test:kim-tong-chol',
    source: 'ofac-sdn',
    schema: 'Person',
    caption: 'KIM, Tong Chol',
    properties: { name: [{ value: 'KIM, Tong Chol' }] },
  },
  {
    id: 'test:ri-hong-sop',
    source: 'ofac-sdn',
    schema: 'Person',
    caption: 'RI, Hong Sop',
    properties: { name: [{ value: 'RI, Hong Sop' }] },
  },
];

describe('engine on inputs the edges refuse', () => {
  const engine = new ScreeningEngine(LIST);

  it('a name of 3,396 words does not throw (its votes once overflowed the candidate ranking)', () => {
    const name = Array.from({ length: 1132 }, () => 'Kim Jong Un').join(' ');
    expect(() => engine.screen({ name })).not.toThrow();
  });

  it.each([
    { why: 'month 13', birthDate: '1984-13-45' },
    { why: 'February 30', birthDate: '1984-02-30' },
  ])('an impossible birth date ($why) is no date conflict: the exact name still alerts', ({ birthDate }) => {
    const [best] = engine.screen({ name: 'Kim Jong Un', schema: 'Person', birthDate });
    const exact = engine.screen({ name: 'Kim Jong Un', schema: 'Person' })[0];
    expect(best.id).toBe('test:kim-jong-un');
    expect(best.alert).toBe(true);
    expect(best.score).toBe(exact.score);
    expect(best.explanation.scorers.map((s) => s.name)).not.toContain('birthDateConflict');
  });

  it('a real date that disagrees is still a conflict', () => {
    const [best] = engine.screen({ name: 'Kim Jong Un', schema: 'Person', birthDate: '1990-05-05' });
    const exact = engine.screen({ name: 'Kim Jong Un', schema: 'Person' })[0];
    expect(best.score).toBeLessThan(exact.score);
  });
});
