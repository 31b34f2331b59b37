/**
 * @module transactions-csv/byte-interner
 * Numbers for byte strings met before, looked up from the bytes themselves. A million rows name a
 * hundred thousand parties two million times; making a JavaScript string of each field only to find it
 * in a Map cost seconds (V8 hashes every new string it is given), where hashing the bytes in place and
 * comparing them with the first copy costs a fraction of that. Only a spelling met for the first time
 * becomes a string.
 *
 * @example
 * const interner = new ByteInterner();
 * const bytes = new TextEncoder().encode('Acme Ltd,GB');
 * interner.find(bytes, 0, 8, hashBytes(bytes, 0, 8)); // -1: not met yet
 * interner.add(bytes, 0, 8, hashBytes(bytes, 0, 8), 42);
 * interner.find(bytes, 0, 8, hashBytes(bytes, 0, 8)); // 42
 */

/** FNV-1a over bytes[start, end). */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

const INITIAL_SLOTS = 1 << 10;

export class ByteInterner {
  /** Open addressing: entry index + 1 per slot, 0 for an empty slot. */
  private slots = new Int32Array(INITIAL_SLOTS);
  private hashes = new Uint32Array(INITIAL_SLOTS);
  private starts = new Int32Array(INITIAL_SLOTS);
  private lengths = new Int32Array(INITIAL_SLOTS);
  private values = new Int32Array(INITIAL_SLOTS);
  /** The bytes of every entry, one after the other. */
  private arena = new Uint8Array(1 << 16);
  private arenaUsed = 0;
  size = 0;

  /** The value stored for bytes[start, end) (whose hash is `hash`), or -1. */
  find(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] - 1;
      if (entry < 0) return -1;
      if (this.hashes[entry] !== hash || this.lengths[entry] !== length) continue;
      const at = this.starts[entry];
      let same = true;
      for (let i = 0; i < length; i++)
        if (this.arena[at + i] !== bytes[start + i]) {
          same = false;
          break;
        }
      if (same) return this.values[entry];
    }
  }

  /** Stores `value` for bytes[start, end), which must not be stored yet. */
  add(bytes: Uint8Array, start: number, end: number, hash: number, value: number): void {
    // Half full at most, so that a miss ends on an empty slot after a probe or two.
    if ((this.size + 1) * 2 > this.slots.length) this.growSlots();
    if (this.size === this.values.length) this.growEntries();
    const length = end - start;
    if (this.arenaUsed + length > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      arena.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = arena;
    }
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    const entry = this.size++;
    this.hashes[entry] = hash;
    this.starts[entry] = this.arenaUsed;
    this.lengths[entry] = length;
    this.values[entry] = value;
    this.arenaUsed += length;
    this.place(entry);
  }

  private place(entry: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[entry] & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry + 1;
  }

  private growSlots(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let entry = 0; entry < this.size; entry++) this.place(entry);
  }

  private growEntries(): void {
    const size = this.values.length * 2;
    const grown = <T extends Int32Array | Uint32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.hashes = grown(this.hashes);
    this.starts = grown(this.starts);
    this.lengths = grown(this.lengths);
    this.values = grown(this.values);
  }
}
