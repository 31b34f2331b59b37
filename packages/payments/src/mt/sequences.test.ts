import { describe, expect, it } from 'vitest';
import type { MtField } from './fields.js';
import { sequencesOf } from './sequences.js';

const fields = (...tags: string[]): MtField[] => tags.map((tag, i) => ({ tag, lines: ['x'], line: 2 + i }));
const layout = (sequences: ReturnType<typeof sequencesOf>) =>
  sequences.map((s) => [s.prefix, s.fields.map((f) => f.tag).join(' '), s.line]);

describe('sequencesOf', () => {
  it('one sequence for an MT103', () => {
    expect(layout(sequencesOf('single', fields('20', '21', '50K', '59'), 1))).toEqual([['', '20 21 50K 59', 2]]);
  });
  it("a cover's sequence B starts at its ordering customer", () => {
    expect(layout(sequencesOf('cover', fields('20', '21', '32A', '52A', '58A', '50F', '52A', '59F', '70'), 1))).toEqual([
      ['', '20 21 32A 52A 58A', 2],
      ['B/', '50F 52A 59F 70', 7],
    ]);
  });
  it('an MT101 has one sequence B per field 21 (not 21R or 21F)', () => {
    expect(
      layout(sequencesOf('transactions', fields('20', '21R', '28D', '50H', '30', '21', '21F', '32B', '59', '21', '32B', '59'), 1)),
    ).toEqual([
      ['', '20 21R 28D 50H 30', 2],
      ['B[1]/', '21 21F 32B 59', 7],
      ['B[2]/', '21 32B 59', 11],
    ]);
  });
  it('a cover without field 50 has sequence A only', () => {
    expect(layout(sequencesOf('cover', fields('20', '32A'), 1))).toEqual([['', '20 32A', 2]]);
    expect(layout(sequencesOf('single', [], 7))).toEqual([['', '', 7]]);
  });
});
