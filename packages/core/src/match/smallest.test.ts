import { describe, expect, it } from 'vitest';
import { smallestInOrder } from './smallest.js';

/** A seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('smallestInOrder', () => {
  it('gives the k smallest in ascending order, as a full sort would, for any length, k and values', () => {
    const next = random(7);
    for (let round = 0; round < 2_000; round++) {
      const length = Math.floor(next() * 400);
      const values = new Float64Array(length + Math.floor(next() * 5));
      // Few distinct values in some rounds (ties), many in others; ranks packed with ids as the vote does.
      const spread = next() < 0.3 ? 4 : 1e6;
      for (let i = 0; i < values.length; i++) values[i] = Math.floor(next() * spread) * 2 ** 22 + i;
      const k = Math.floor(next() * 80);
      const expected = Array.from(values.subarray(0, length))
        .sort((a, b) => a - b)
        .slice(0, k);
      expect(Array.from(smallestInOrder(values, length, k))).toEqual(expected);
    }
  });

  it('answers nothing for k = 0 or an empty array, and everything sorted when k exceeds the length', () => {
    expect(smallestInOrder(new Float64Array([3, 1]), 2, 0).length).toBe(0);
    expect(smallestInOrder(new Float64Array(0), 0, 5).length).toBe(0);
    expect(Array.from(smallestInOrder(new Float64Array([3, 1, 2]), 3, 10))).toEqual([1, 2, 3]);
  });

  it('leaves values past the length alone', () => {
    const values = new Float64Array([9, 8, 7, 0, -1]);
    expect(Array.from(smallestInOrder(values, 3, 2))).toEqual([7, 8]);
    expect(Array.from(values.subarray(3))).toEqual([0, -1]);
  });
});
