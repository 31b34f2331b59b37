/**
 * @module match/smallest
 * The k smallest numbers of an array, in ascending order, without sorting the rest. A query's blocking
 * vote keeps up to a few thousand names and aligns the best 50: sorting them all took a fifth of the
 * vote's time (profile of the dev set, 2026-12-07).
 * @example smallestInOrder(new Float64Array([5, 1, 4, 2, 3]), 5, 2) // → Float64Array [1, 2]
 */

/**
 * Rearranges `values[0, length)` so that its k smallest come first, in ascending order, and returns that
 * prefix (a view of `values`). Quickselect (Hoare partitions around the median of three), then a sort of the
 * k. Equal values are interchangeable: the callers' values are distinct (each carries an id).
 */
export function smallestInOrder(values: Float64Array, length: number, k: number): Float64Array {
  const n = Math.min(length, values.length);
  const wanted = Math.min(k, n);
  if (wanted <= 0) return values.subarray(0, 0);
  let lo = 0;
  let hi = n - 1;
  // Narrow [lo, hi] to the part holding the boundary between the wanted and the rest.
  while (hi - lo > 16 && lo < wanted && hi >= wanted) {
    const mid = (lo + hi) >>> 1;
    const pivot = medianOfThree(values[lo], values[mid], values[hi]);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    // Now [lo, j] ≤ pivot ≤ [i, hi]; what lies between equals the pivot.
    if (wanted - 1 <= j) hi = j;
    else if (wanted - 1 >= i) lo = i;
    else break;
  }
  // Everything before `wanted` is now among the smallest, plus at most the small window [lo, hi] to settle.
  const end = Math.min(n, Math.max(wanted, hi + 1));
  const prefix = values.subarray(0, end);
  prefix.sort();
  return values.subarray(0, wanted);
}

function medianOfThree(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}
