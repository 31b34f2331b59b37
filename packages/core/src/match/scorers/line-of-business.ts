/**
 * @module match/scorers/line-of-business
 */
import { lineOfBusiness } from '../../text/firm-words.js';
import type { NameToken } from '../name-form.js';
import { BELOW_THRESHOLD, comparesFirms, type MatchContext, type ScorerOutcome } from './context.js';

const lineOf = (t: NameToken) => lineOfBusiness(t.text, t.meaning);

/**
 * The query and the listed firm each state a line of business the other leaves unmatched, and they are
 * different lines (MYANMA ECONOMIC BANK against MYANMA ECONOMIC HOLDINGS): sister firms or strangers
 * that share a name, not one firm. The score stays below the threshold: an analyst still sees the firm
 * when looking, but it does not alert. A line the other name also states anywhere is no conflict.
 */
export function scoreLineOfBusinessConflict(ctx: MatchContext): ScorerOutcome | null {
  if (!comparesFirms(ctx)) return null;
  const q = ctx.queryForm.tokens;
  const c = ctx.listedForm.tokens;
  const queryWords = ctx.alignment.queryUnmatched.map((i) => q[i]).filter((t) => lineOf(t) !== '');
  if (queryWords.length === 0) return null;
  const listedWords = ctx.alignment.candidateUnmatched.map((j) => c[j]).filter((t) => lineOf(t) !== '');
  if (listedWords.length === 0) return null;
  const queryLines = new Set(q.map(lineOf));
  const listedLines = new Set(c.map(lineOf));
  if (queryWords.some((t) => listedLines.has(lineOf(t))) || listedWords.some((t) => queryLines.has(lineOf(t)))) return null;
  const stated = (words: NameToken[]) =>
    `${[...new Set(words.map(lineOf))].join('/')} (${words.map((t) => t.text.toUpperCase()).join(' ')})`;
  return {
    value: 1,
    detail: `the query names a ${stated(queryWords)}, the listed name a ${stated(listedWords)}: another firm of the same name`,
    ceiling: ctx.threshold - BELOW_THRESHOLD,
  };
}
