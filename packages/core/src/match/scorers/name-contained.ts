/**
 * @module match/scorers/name-contained
 * One name wholly inside the other: the list often records a shorter form ("ZHIROVA, Elena") of the
 * name a customer file gives in full ("Elena Borisovna Zhirova"), or a fuller form (a second surname,
 * "JUAREZ RAMIREZ, Julio Antonio") of a short one. When every real word of one side found a strong
 * partner, the words left over on the other side count a little less against the match.
 */
import type { NameToken } from '../name-form.js';
import type { MatchContext, ScorerOutcome } from './context.js';

/** Pairs at least this alike count as a strong partner (a romanisation variant, a one-letter slip in a long word). */
const STRONG = 0.85;
/** A one-word name inside another says too little (a surname, a common word)… */
const MIN_WORDS = 2;
/** …and so do two short syllables (Chinese "Ji Jun" inside Korean "JI Sang Jun"). */
const MIN_LETTERS = 6;

function wholeSide(tokens: readonly NameToken[], strongly: Set<number>): boolean {
  const words = tokens.map((t, i) => ({ t, i })).filter(({ t }) => t.role === 'word');
  const letters = words.reduce((n, { t }) => n + t.text.length, 0);
  return words.length >= MIN_WORDS && letters >= MIN_LETTERS && words.every(({ i }) => strongly.has(i));
}

/** Every word of the query, or of the listed name, has a strong partner on the other side. */
export function scoreNameContained(ctx: MatchContext): ScorerOutcome | null {
  const strongQ = new Set<number>();
  const strongC = new Set<number>();
  for (const p of ctx.alignment.pairs) {
    if (p.similarity < STRONG) continue;
    p.query.forEach((i) => strongQ.add(i));
    p.candidate.forEach((j) => strongC.add(j));
  }
  const queryInside = wholeSide(ctx.queryForm.tokens, strongQ);
  const listedInside = wholeSide(ctx.listedForm.tokens, strongC);
  if (!queryInside && !listedInside) return null;
  const which =
    queryInside && listedInside
      ? 'the names are the same words'
      : queryInside
        ? 'every word of the query is in the listed name'
        : 'every word of the listed name is in the query';
  return { value: 1, detail: which };
}
