/**
 * @module match/align
 * Aligns the tokens of a query name with those of a listed name in any order, one to one, allowing a
 * token on one side to stand for two joined tokens on the other (`Tongchol` ~ `Tong Chol`,
 * `Abdulrahman` ~ `Abdul Rahman`). The name score is the weighted share of both names that aligned.
 */
import { joinTokens, type ComparisonMemo } from './comparison-memo.js';
import type { NameForm, NameToken } from './name-form.js';
import { alignmentCredit, tokenSimilarity, type SimilarityOptions, type TokenMatchKind } from './token-similarity.js';

/** Pairs below this similarity are not an alignment at all. Tuned on the dev set, 2026-11. */
export const MIN_TOKEN_SIMILARITY = 0.72;

export interface AlignedPair {
  /** Indexes of the query tokens (two when joined). */
  query: number[];
  /** Indexes of the listed name's tokens (two when joined). */
  candidate: number[];
  similarity: number;
  /** What counted towards the name score (fuzzy similarities count less). */
  credit: number;
  kind: TokenMatchKind;
  /** One side is two neighbouring tokens read as one. */
  joined: boolean;
}

export interface Alignment {
  pairs: AlignedPair[];
  /** Weighted share of both names covered by aligned pairs, in [0, 1]. */
  score: number;
  queryUnmatched: number[];
  candidateUnmatched: number[];
}

export type TokenWeight = (token: NameToken) => number;

interface Option {
  q: number[];
  c: number[];
  similarity: number;
  credit: number;
  kind: TokenMatchKind;
  joined: boolean;
}

/** A token aligned at least this well on its own is not tried as part of a joined pair. */
const WELL_MATCHED = 0.9;

/** A joined pair can only match a token of about its length. */
function lengthsFit(joinedLength: number, other: NameToken): boolean {
  return Math.abs(joinedLength - other.text.length) <= 2;
}

function options(
  query: readonly NameToken[],
  candidate: readonly NameToken[],
  similarityOptions: SimilarityOptions,
  personNames: boolean,
  memo?: ComparisonMemo,
): Option[] {
  const out: Option[] = [];
  const consider = (q: number[], c: number[], a: NameToken, b: NameToken, joined: boolean) => {
    const sim = memo ? memo.similarity(a, b, similarityOptions) : tokenSimilarity(a, b, similarityOptions);
    if (sim.similarity >= MIN_TOKEN_SIMILARITY)
      out.push({ q, c, similarity: sim.similarity, credit: alignmentCredit(sim, personNames), kind: sim.kind, joined });
  };
  const bestQ = new Array<number>(query.length).fill(0);
  const bestC = new Array<number>(candidate.length).fill(0);
  for (let i = 0; i < query.length; i++)
    for (let j = 0; j < candidate.length; j++) {
      consider([i], [j], query[i], candidate[j], false);
      const last = out[out.length - 1];
      if (last && last.q[0] === i && last.c[0] === j && last.c.length === 1) {
        bestQ[i] = Math.max(bestQ[i], last.similarity);
        bestC[j] = Math.max(bestC[j], last.similarity);
      }
    }
  // Joining is only worth trying where a token found no good partner on its own.
  const loose = (best: number[], ...at: number[]) => at.some((k) => best[k] < WELL_MATCHED);
  for (let j = 0; j + 1 < candidate.length; j++) {
    const length = candidate[j].text.length + candidate[j + 1].text.length;
    if (length > 16 || !loose(bestC, j, j + 1) || !query.some((t, i) => bestQ[i] < WELL_MATCHED && lengthsFit(length, t))) continue;
    const pair = memo ? memo.joinListed(candidate[j], candidate[j + 1]) : joinTokens(candidate[j], candidate[j + 1]);
    for (let i = 0; i < query.length; i++)
      if (bestQ[i] < WELL_MATCHED && lengthsFit(length, query[i])) consider([i], [j, j + 1], query[i], pair, true);
  }
  for (let i = 0; i + 1 < query.length; i++) {
    const length = query[i].text.length + query[i + 1].text.length;
    if (length > 16 || !loose(bestQ, i, i + 1) || !candidate.some((t, j) => bestC[j] < WELL_MATCHED && lengthsFit(length, t))) continue;
    const pair = memo ? memo.joinQuery(query[i], query[i + 1]) : joinTokens(query[i], query[i + 1]);
    for (let j = 0; j < candidate.length; j++)
      if (bestC[j] < WELL_MATCHED && lengthsFit(length, candidate[j])) consider([i, i + 1], [j], pair, candidate[j], true);
  }
  return out;
}

/**
 * Greedy one-to-one alignment, best pairs first; ties prefer single tokens over joined ones.
 * @example alignNames(form('Kim Tongchol'), form('KIM, Tong Chol'), w).score ≈ 0.97
 */
export function alignNames(query: NameForm, candidate: NameForm, weight: TokenWeight, memo?: ComparisonMemo): Alignment {
  const q = query.tokens;
  const c = candidate.tokens;
  const unwrittenVowels = query.script === 'Arab' || candidate.script === 'Arab';
  const personNames = candidate.kind === 'person' && query.kind !== 'organisation';
  const organisation = candidate.kind === 'organisation' || query.kind === 'organisation';
  const opts = options(q, c, { unwrittenVowels, organisation }, personNames, memo).sort(
    (a, b) => b.credit - a.credit || a.q.length + a.c.length - (b.q.length + b.c.length),
  );
  const usedQ = new Set<number>();
  const usedC = new Set<number>();
  const pairs: AlignedPair[] = [];
  for (const o of opts) {
    if (o.q.some((i) => usedQ.has(i)) || o.c.some((j) => usedC.has(j))) continue;
    o.q.forEach((i) => usedQ.add(i));
    o.c.forEach((j) => usedC.add(j));
    pairs.push({ query: o.q, candidate: o.c, similarity: o.similarity, credit: o.credit, kind: o.kind, joined: o.joined });
  }
  let total = 0;
  for (const t of q) total += weight(t);
  for (const t of c) total += weight(t);
  let covered = 0;
  for (const p of pairs) {
    let w = 0;
    for (const i of p.query) w += weight(q[i]);
    for (const j of p.candidate) w += weight(c[j]);
    covered += w * p.credit;
  }
  return {
    pairs,
    score: total > 0 ? covered / total : 0,
    queryUnmatched: q.map((_, i) => i).filter((i) => !usedQ.has(i)),
    candidateUnmatched: c.map((_, j) => j).filter((j) => !usedC.has(j)),
  };
}
