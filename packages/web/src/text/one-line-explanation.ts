/**
 * @module text/one-line-explanation
 * A match's explanation in one line, shown on a search result before the analyst asks for the whole
 * (issue 16 point 2): which listed name aligned, the word pairs that are not the same word, the query
 * words the name lacks, and what moved the score (text/score-effects.ts: only what changed it).
 * @example
 *   oneLineExplanation(explanation, 0.733)
 *   // → 'Primary name “JANG, Sung Nam”: song ≈ sung (romanisation variant); one name contains the other +5 points, birth date conflicts −30 points.'
 */
import type { MatchExplanation } from '../api/types';
import { NAME_PROPERTY_WORDS, tokenMatchLabel } from './match-words';
import { scoreEffects } from './score-effects';

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A signed whole or decimal number of percentage points: "+5 points", "−30 points", "+2.5 points". */
function signedPoints(delta: number): string {
  const p = Math.round(Math.abs(delta) * 1000) / 10;
  const shown = Number.isInteger(p) ? String(p) : p.toFixed(1);
  return `${delta < 0 ? '−' : '+'}${shown} point${shown === '1' ? '' : 's'}`;
}

export function oneLineExplanation(e: MatchExplanation, score: number): string {
  const property = NAME_PROPERTY_WORDS[e.matched.property] ?? e.matched.property;
  const via = e.matched.record ? ` (on the linked record ${e.matched.record.id})` : '';
  const parts: string[] = [];
  const variants = e.tokens.filter((t) => t.how !== 'exact');
  if (e.tokens.length > 0 && variants.length === 0) parts.push(e.tokens.length === 1 ? 'the same word' : 'the same words');
  else if (variants.length > 0) parts.push(variants.map((t) => `${t.query} ≈ ${t.listed} (${tokenMatchLabel(t.how)})`).join(', '));
  if (e.unmatched.query.length > 0) parts.push(`not in the listed name: ${e.unmatched.query.join(', ')}`);
  const moves = scoreEffects(e.scorers, score)
    .filter((m) => m.kind !== 'base' && m.kind !== 'none')
    .map((m) =>
      m.kind === 'capped'
        ? `${m.scorer.label.toLowerCase()}: capped at ${Math.round(m.scorer.ceiling! * 100)}%`
        : `${m.scorer.label.toLowerCase()} ${signedPoints(m.effect)}`,
    );
  if (moves.length > 0) parts.push(moves.join(', '));
  return `${capitalise(property)} “${e.matched.name}”${via}${parts.length ? ': ' + parts.join('; ') : ''}.`;
}
