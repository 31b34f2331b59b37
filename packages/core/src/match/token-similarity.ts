/**
 * @module match/token-similarity
 * How alike two name tokens are, in [0, 1], and why: the same letters, the same romanisation key, the
 * same consonant skeleton, an initial, or a few typing errors apart.
 */
import type { NameToken } from './name-form.js';

export type TokenMatchKind = 'exact' | 'romanisation' | 'skeleton' | 'initial' | 'spelling' | 'none';

export interface TokenSimilarity {
  similarity: number;
  kind: TokenMatchKind;
}

/** Tuned on the dev set, 2026-11: a key match is near-certain, a skeleton match (vowels unwritten) less so. */
export const ROMANISATION_SIMILARITY = 0.95;
export const SKELETON_SIMILARITY = 0.82;
export const INITIAL_SIMILARITY = 0.75;
/** Tokens this short differ by one letter only between different names (Jong/Song, Un/Il). */
const SHORT_TOKEN_LENGTH = 4;
/** Spelling similarity below this counts as no similarity. */
const MIN_SPELLING_SIMILARITY = 0.7;
/** Skeletons shorter than this say too little (Kim and Kam share 'km'). */
const MIN_SKELETON_LENGTH = 3;

/** Optimal-string-alignment (restricted Damerau–Levenshtein) distance: a swap of neighbours counts once. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  let prev2 = new Array<number>(lb + 1).fill(0);
  let prev = Array.from({ length: lb + 1 }, (_, j) => j);
  let curr = new Array<number>(lb + 1).fill(0);
  for (let i = 1; i <= la; i++) {
    curr[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let d = Math.min(prev[j] + 1, curr[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) d = Math.min(d, prev2[j - 2] + 1);
      curr[j] = d;
    }
    [prev2, prev, curr] = [prev, curr, prev2];
  }
  return prev[lb];
}

/** Similarity from edit distance, strict on short tokens: one letter off in 'Un'/'Il' is another name. */
export function spellingSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 0;
  // Only distances that can still reach MIN_SPELLING_SIMILARITY are worth computing.
  if (longest <= SHORT_TOKEN_LENGTH) return a === b ? 1 : 0;
  const allowed = Math.floor(longest * (1 - MIN_SPELLING_SIMILARITY));
  if (Math.abs(a.length - b.length) > allowed) return 0;
  const distance = editDistance(a, b);
  if (distance > allowed || (longest <= 5 && distance > 1)) return 0;
  return 1 - distance / longest;
}

/**
 * @example tokenSimilarity(tok('grigoriy'), tok('grigorii')) → { similarity: 0.95, kind: 'romanisation' }
 */
export function tokenSimilarity(a: NameToken, b: NameToken): TokenSimilarity {
  if (a.text === b.text) return { similarity: 1, kind: 'exact' };
  if (a.key === b.key) return { similarity: ROMANISATION_SIMILARITY, kind: 'romanisation' };
  // Numbers (vessel hulls, aircraft tails) match exactly or not at all.
  if (/\d/.test(a.text) || /\d/.test(b.text)) return { similarity: 0, kind: 'none' };
  if (a.text.length === 1 || b.text.length === 1) {
    const [short, long] = a.text.length === 1 ? [a, b] : [b, a];
    return long.text.startsWith(short.text) && long.text.length > 1
      ? { similarity: INITIAL_SIMILARITY, kind: 'initial' }
      : { similarity: 0, kind: 'none' };
  }
  const spelling = Math.max(spellingSimilarity(a.key, b.key), spellingSimilarity(a.text, b.text));
  if (a.skeleton === b.skeleton && a.skeleton.length >= MIN_SKELETON_LENGTH && spelling < SKELETON_SIMILARITY)
    return { similarity: SKELETON_SIMILARITY, kind: 'skeleton' };
  return spelling > 0 ? { similarity: spelling, kind: 'spelling' } : { similarity: 0, kind: 'none' };
}
