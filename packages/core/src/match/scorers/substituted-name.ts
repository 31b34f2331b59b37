/**
 * @module match/scorers/substituted-name
 */
import type { MatchContext, ScorerOutcome } from './context.js';

/**
 * Each name has a word of a person's name the other has none of: not a name left out (a customer file
 * that drops a middle name), but another name in its place (MOHAMMED QASIM MIR ABDUL KHUDAI RAHIM against
 * ... MIR WALI KHUDAI RAHIM), which counts against the match beyond the words' share of the names.
 */
export function scoreSubstitutedName(ctx: MatchContext): ScorerOutcome | null {
  if (ctx.entity.schema !== 'Person' || ctx.listedForm.kind !== 'person') return null;
  const q = ctx.alignment.queryUnmatched.filter((i) => ctx.queryForm.tokens[i].role === 'word');
  if (q.length === 0) return null;
  const c = ctx.alignment.candidateUnmatched.filter((j) => ctx.listedForm.tokens[j].role === 'word');
  if (c.length === 0) return null;
  return {
    value: 1,
    detail: `the query names ${q.map((i) => ctx.queryForm.tokens[i].text).join(' ')} where the listed name has ${c.map((j) => ctx.listedForm.tokens[j].text).join(' ')}`,
  };
}
