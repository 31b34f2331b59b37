/**
 * @module match/postings
 * The (blocking-key hash, name id) pairs an index is built from, gathered in typed arrays and grouped by
 * hash with a radix sort. An index of the OFAC and UN lists has ~1.5 million of them: held as doubles in
 * an array and sorted by comparison they took a fifth of the index's build time.
 */

/** Key hashes are 30-bit (`blocking-keys`): two passes of 15 bits sort them. */
const HASH_BITS = 30;
const RADIX_BITS = 15;
const RADIX = 1 << RADIX_BITS;
const RADIX_MASK = RADIX - 1;

/** Postings as they are found, name by name. */
export class PostingBuffer {
  private hashes = new Int32Array(1 << 16);
  private ids = new Int32Array(1 << 16);
  private size = 0;

  get length(): number {
    return this.size;
  }

  add(hash: number, id: number): void {
    if (this.size === this.hashes.length) this.grow();
    this.hashes[this.size] = hash;
    this.ids[this.size] = id;
    this.size++;
  }

  /**
   * The postings ordered by hash, and within a hash in the order they were added (a stable sort): added
   * name by name, a key's names are in id order, as the index's votes expect them.
   */
  sortedByHash(): { hashes: Int32Array; ids: Int32Array } {
    const n = this.size;
    let hashes = this.hashes;
    let ids = this.ids;
    let hashesOut = new Int32Array(n);
    let idsOut = new Int32Array(n);
    const count = new Int32Array(RADIX);
    for (let shift = 0; shift < HASH_BITS; shift += RADIX_BITS) {
      count.fill(0);
      for (let p = 0; p < n; p++) count[(hashes[p] >>> shift) & RADIX_MASK]++;
      let start = 0;
      for (let b = 0; b < RADIX; b++) {
        const c = count[b];
        count[b] = start;
        start += c;
      }
      for (let p = 0; p < n; p++) {
        const at = count[(hashes[p] >>> shift) & RADIX_MASK]++;
        hashesOut[at] = hashes[p];
        idsOut[at] = ids[p];
      }
      [hashes, hashesOut] = [hashesOut, hashes];
      [ids, idsOut] = [idsOut, ids];
    }
    // After an even number of passes the sorted postings are in the buffer's own arrays: copy them out to
    // their length, so that the index keeps no spare capacity.
    return { hashes: hashes.slice(0, n), ids: ids.slice(0, n) };
  }

  private grow(): void {
    const hashes = new Int32Array(this.hashes.length * 2);
    const ids = new Int32Array(this.ids.length * 2);
    hashes.set(this.hashes);
    ids.set(this.ids);
    this.hashes = hashes;
    this.ids = ids;
  }
}
