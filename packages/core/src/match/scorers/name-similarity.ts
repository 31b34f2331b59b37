/**
 * @module match/scorers/name-similarity
 */
import type { MatchContext, ScorerOutcome } from './context.js';

/** How much of both names aligned, token by token, weighted by how rare and name-like each token is. */
export function scoreNameSimilarity(ctx: MatchContext): ScorerOutcome {
  const q = ctx.queryForm.tokens;
  const c = ctx.listedForm.tokens;
  const aligned = ctx.alignment.pairs
    .map((p) => `${p.query.map((i) => q[i].text).join('+')}~${p.candidate.map((j) => c[j].text).join('+')}`)
    .join(', ');
  return { value: ctx.alignment.score, detail: `aligned ${aligned || 'nothing'}` };
}
