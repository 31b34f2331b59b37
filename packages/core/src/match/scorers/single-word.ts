/**
 * @module match/scorers/single-word
 * A one-word name (a vessel MARIA, a firm PARDIS) matched by spelling only has no second word to confirm
 * it: PARDIS, NARDIS, PARMIS and ZARDIS are different firms. Such a match needs to be closer than a
 * match of a longer name before it alerts.
 */
import type { MatchContext, ScorerOutcome } from './context.js';

/** One-word spelling matches below this similarity do not alert. Tuned on the dev set, 2026-11. */
const SINGLE_WORD_MIN_SIMILARITY = 0.83;
/**
 * A one-word consonant skeleton this short names too many words: القاعدة (qaida) is k-d, as is KUDA, a
 * listed person's nickname. It identifies a party only when that one word is the party's name as listed
 * (the UN's FAIZ, فيض), not when it is an alias of a party with a fuller name.
 */
const MIN_SINGLE_SKELETON = 3;
const BELOW_THRESHOLD = 0.05;

/**
 * Both names have one real word, and it matched only by spelling, or as an abbreviation or translation of
 * the other: STAN is not STANKOPROM cut short, nor SANAN the vessel SANANDAJ; those readings need other
 * words of the name that agree.
 */
export function scoreSingleWordSpelling(ctx: MatchContext): ScorerOutcome | null {
  const words = (tokens: typeof ctx.queryForm.tokens) => tokens.filter((t) => t.role === 'word').length;
  if (words(ctx.queryForm.tokens) !== 1 || words(ctx.listedForm.tokens) !== 1) return null;
  const pair = ctx.alignment.pairs.find((p) => p.query.some((i) => ctx.queryForm.tokens[i].role === 'word'));
  if (!pair) return null;
  const shortSkeleton =
    ctx.listedForm.script === 'skeleton' &&
    ctx.name.property !== 'name' &&
    pair.query.every((i) => ctx.queryForm.tokens[i].text.length < MIN_SINGLE_SKELETON);
  const loose =
    (pair.kind === 'spelling' && pair.similarity < SINGLE_WORD_MIN_SIMILARITY) ||
    pair.kind === 'abbreviation' ||
    pair.kind === 'translation' ||
    shortSkeleton;
  if (!loose) return null;
  const how = shortSkeleton
    ? `by a consonant skeleton of ${pair.query.map((i) => ctx.queryForm.tokens[i].text).join('')} alone`
    : pair.kind === 'spelling'
      ? `by spelling (${pair.similarity.toFixed(2)})`
      : pair.kind === 'abbreviation'
        ? 'as an abbreviation'
        : 'as a translation';
  return { value: 1, detail: `a single word matched ${how}`, ceiling: ctx.threshold - BELOW_THRESHOLD };
}
