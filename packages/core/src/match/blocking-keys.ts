/**
 * @module match/blocking-keys
 * Blocking keys as 30-bit hashes, computed without building strings: a token's romanisation key and
 * every one-letter deletion of it (so that names one typing error apart share a key), its consonant
 * skeleton, and the key of two neighbouring tokens joined. Hash collisions only add a candidate that
 * the full comparison then rejects; they never lose one.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Seeds keep the kinds of key apart: a skeleton 'mhmt' is not the key 'mhmt'. */
export const KEY_SEED = {
  key: 1,
  skeleton: 2,
  joined: 3,
  arabicSkeleton: 4,
  eastSlavic: 5,
  frenchCh: 6,
  germanSpelling: 7,
  germanArabic: 8,
  meaning: 9,
} as const;

function fnv(seed: number, s: string, skip = -1, h = FNV_OFFSET ^ seed): number {
  for (let i = 0; i < s.length; i++) {
    if (i === skip) continue;
    h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  }
  // 30 bits: the index packs (hash, name id) into one double, which holds 53 bits exactly.
  return (h >>> 0) & 0x3fffffff;
}

function fnvRaw(seed: number, s: string): number {
  let h = FNV_OFFSET ^ seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Deletion keys are only generated for keys at least this long: shorter ones must match exactly. */
const MIN_DELETION_LENGTH = 4;

/** Pushes the hash of `key` and of each of its one-letter deletions (seeded by kind). */
export function pushDeletionHashes(key: string, seed: number, out: number[]): void {
  out.push(fnv(seed, key));
  if (key.length >= MIN_DELETION_LENGTH) for (let i = 0; i < key.length; i++) out.push(fnv(seed, key, i));
}

export function hashKey(seed: number, key: string): number {
  return fnv(seed, key);
}

/** The hash of two keys joined, as if one string. */
export function joinedKeyHash(a: string, b: string): number {
  return fnv(0, b, -1, fnvRaw(KEY_SEED.key, a));
}
