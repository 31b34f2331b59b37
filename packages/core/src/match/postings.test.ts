/**
 * The postings' radix sort against a comparison sort: grouped by hash, and within a hash in the order
 * added, for random 30-bit hashes (many repeated) and any number of postings, including none.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PostingBuffer } from './postings.js';

describe('PostingBuffer', () => {
  it('sorts by hash, keeping the order of addition within a hash', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 30 - 1 }), fc.integer({ min: 0, max: 50 })), { maxLength: 3000 }),
        (pairs) => {
          const buffer = new PostingBuffer();
          // Hashes drawn from a few values as well, so that many postings share one.
          const added = pairs.map(([hash, small], id) => [small % 3 === 0 ? small : hash, id] as const);
          for (const [hash, id] of added) buffer.add(hash, id);
          expect(buffer.length).toBe(added.length);
          const expected = [...added].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          const { hashes, ids } = buffer.sortedByHash();
          expect(Array.from(hashes)).toEqual(expected.map(([h]) => h));
          expect(Array.from(ids)).toEqual(expected.map(([, id]) => id));
        },
      ),
      { numRuns: 200, seed: 20261207 },
    );
  });

  it('grows past its first capacity', () => {
    const buffer = new PostingBuffer();
    for (let i = 0; i < 200_000; i++) buffer.add((i * 7919) % 1000, i);
    const { hashes, ids } = buffer.sortedByHash();
    expect(hashes.length).toBe(200_000);
    expect(hashes[0]).toBe(0);
    expect(hashes[199_999]).toBe(999);
    // Within a hash, ids ascend (the order they were added in).
    for (let p = 1; p < ids.length; p++) if (hashes[p] === hashes[p - 1]) expect(ids[p]).toBeGreaterThan(ids[p - 1]);
  });
});
