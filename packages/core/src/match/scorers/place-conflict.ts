/**
 * @module match/scorers/place-conflict
 */
import { isPlaceWord } from '../name-form.js';
import { nameTokens } from '../../text/normalize.js';
import { editDistance } from '../token-similarity.js';
import { BELOW_THRESHOLD, comparesFirms, type MatchContext, type ScorerOutcome } from './context.js';

/** Two place names this close, from the same first letter, may be one mistyped (CHILE for CHINA): no conflict. */
const MAX_SLIP = 2;

function couldBeSlip(a: string, b: string): boolean {
  return a[0] === b[0] && editDistance(a, b, MAX_SLIP + 1) <= MAX_SLIP;
}

function placesIn(texts: readonly string[]): string[] {
  return texts.filter(isPlaceWord);
}

/**
 * The query and the listed firm each name a country or a Chinese place (a branch's, a subsidiary's) that
 * the other does not: BANCO SANTANDER MEXICO is not BANCO SANTANDER CHILE, BOWNE GLOBAL SOLUTIONS (FRANCE)
 * not its German sister. The score stays below the threshold: the firm is shown, but does not alert. A
 * place on one side only is a branch the other leaves out, and no conflict; nor is a place that may be the
 * other mistyped (STATE GRID CORPORATION OF CHILE for ... OF CHINA).
 */
export function scorePlaceConflict(ctx: MatchContext): ScorerOutcome | null {
  if (!comparesFirms(ctx)) return null;
  const queryPlaces = placesIn(ctx.queryForm.tokens.map((t) => t.text));
  if (queryPlaces.length === 0) return null;
  // The listed name's reading, and the name as the list writes it: the place may be in a parenthesis the
  // aligned form leaves out.
  const listedPlaces = placesIn([...ctx.listedForm.tokens.map((t) => t.text), ...nameTokens(ctx.listedForm.original)]);
  // Places both name (ISLAMIC STATE IN IRAQ … YEMEN, … IN IRAQ … LIBYA) are the name's own, not a branch's.
  const query = queryPlaces.filter((q) => !listedPlaces.includes(q));
  const listed = [...new Set(listedPlaces.filter((l) => !queryPlaces.includes(l)))];
  if (query.length === 0 || listed.length === 0) return null;
  if (query.some((q) => listed.some((l) => couldBeSlip(q, l)))) return null;
  return {
    value: 1,
    detail: `the query names ${query.join(' ').toUpperCase()}, the listed name ${listed.join(' ').toUpperCase()}: another branch or firm of the same name`,
    ceiling: ctx.threshold - BELOW_THRESHOLD,
  };
}
