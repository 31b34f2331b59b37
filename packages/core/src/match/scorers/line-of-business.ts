/**
 * @module match/scorers/line-of-business
 */
import { lineOfBusiness } from '../../text/firm-words.js';
import type { NameToken } from '../name-form.js';
import { BELOW_THRESHOLD, FIRM_SCHEMATA, type MatchContext, type ScorerOutcome } from './context.js';

/** The lines of business the words of `tokens` at `indexes` state. */
function linesOf(tokens: readonly NameToken[], indexes: readonly number[]): Set<string> {
  const lines = new Set<string>();
  for (const i of indexes) {
    const line = lineOfBusiness(tokens[i].text);
    if (line) lines.add(line);
  }
  return lines;
}

/**
 * The query and the listed firm each state a line of business the other leaves unmatched, and they are
 * different lines (MYANMA ECONOMIC BANK against MYANMA ECONOMIC HOLDINGS): sister firms or strangers
 * that share a name, not one firm. The score stays below the threshold: an analyst still sees the firm
 * when looking, but it does not alert. A line the other name also states anywhere is no conflict.
 */
export function scoreLineOfBusinessConflict(ctx: MatchContext): ScorerOutcome | null {
  if (!FIRM_SCHEMATA.has(ctx.entity.schema) || ctx.queryForm.kind === 'person' || ctx.listedForm.kind !== 'organisation') return null;
  const q = ctx.queryForm.tokens;
  const c = ctx.listedForm.tokens;
  const queryLines = linesOf(q, ctx.alignment.queryUnmatched);
  if (queryLines.size === 0) return null;
  const listedLines = linesOf(c, ctx.alignment.candidateUnmatched);
  if (listedLines.size === 0) return null;
  const allQuery = linesOf(
    q,
    q.map((_, i) => i),
  );
  const allListed = linesOf(
    c,
    c.map((_, j) => j),
  );
  for (const line of queryLines) if (allListed.has(line)) return null;
  for (const line of listedLines) if (allQuery.has(line)) return null;
  const words = (tokens: readonly NameToken[], indexes: readonly number[]) =>
    indexes
      .filter((i) => lineOfBusiness(tokens[i].text) !== '')
      .map((i) => tokens[i].text.toUpperCase())
      .join(' ');
  return {
    value: 1,
    detail: `the query names a ${[...queryLines].join('/')} (${words(q, ctx.alignment.queryUnmatched)}), the listed name a ${[...listedLines].join('/')} (${words(c, ctx.alignment.candidateUnmatched)}): another firm of the same name`,
    ceiling: ctx.threshold - BELOW_THRESHOLD,
  };
}
