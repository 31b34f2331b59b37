/**
 * @module match/scorers/single-word
 * A one-word name (a vessel MARIA, a firm PARDIS) matched by spelling only has no second word to confirm
 * it: PARDIS, NARDIS, PARMIS and ZARDIS are different firms. Such a match needs to be closer than a
 * match of a longer name before it alerts.
 */
import { BELOW_THRESHOLD, type MatchContext, type ScorerOutcome } from './context.js';
import { vowelRunsChanged } from '../token-similarity.js';

/** One-word spelling matches below this similarity do not alert. Tuned on the dev set, 2026-11. */
const SINGLE_WORD_MIN_SIMILARITY = 0.83;
/**
 * A one-word consonant skeleton this short names too many words: القاعدة (qaida) is k-d, as is KUDA, a
 * listed person's nickname. It identifies a party only when that one word is the party's name as listed
 * (the UN's FAIZ, فيض), not when it is an alias of a party with a fuller name.
 */
const MIN_SINGLE_SKELETON = 3;
/**
 * Two Latin spellings of one word with other vowels in more than this many places are two words as often
 * as one (KAISER and KOSAR, COSUR): with no second word to confirm it, such a match is loose. Readings of
 * Arabic script are not held to it (their vowels are guessed), nor of Cyrillic (already one place at most).
 */
const SINGLE_WORD_VOWEL_PLACES = 1;

/** Where a one-word match is a vowel variant of two Latin spellings, in how many places their vowels differ. */
function latinVowelPlaces(ctx: MatchContext, pair: MatchContext['alignment']['pairs'][number]): number {
  if (pair.kind !== 'vowels' || ctx.queryForm.script !== 'Latn' || ctx.listedForm.script !== 'Latn') return 0;
  const query = pair.query.map((i) => ctx.queryForm.tokens[i].key).join('');
  const listed = pair.candidate.map((j) => ctx.listedForm.tokens[j].key).join('');
  return vowelRunsChanged(query, listed);
}

/**
 * Both names have one real word, and it matched only by spelling, with other vowels in several places, or
 * as an abbreviation or translation of the other: STAN is not STANKOPROM cut short, nor SANAN the vessel
 * SANANDAJ, nor KAISER the firm KOSAR; those readings need other words of the name that agree.
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
  const vowelPlaces = latinVowelPlaces(ctx, pair);
  const loose =
    (pair.kind === 'spelling' && pair.similarity < SINGLE_WORD_MIN_SIMILARITY) ||
    vowelPlaces > SINGLE_WORD_VOWEL_PLACES ||
    pair.kind === 'abbreviation' ||
    pair.kind === 'translation' ||
    shortSkeleton;
  if (!loose) return null;
  const how = shortSkeleton
    ? `by a consonant skeleton of ${pair.query.map((i) => ctx.queryForm.tokens[i].text).join('')} alone`
    : pair.kind === 'spelling'
      ? `by spelling (${pair.similarity.toFixed(2)})`
      : pair.kind === 'vowels'
        ? `with other vowels in ${vowelPlaces} places`
        : pair.kind === 'abbreviation'
          ? 'as an abbreviation'
          : 'as a translation';
  return { value: 1, detail: `a single word matched ${how}`, ceiling: ctx.threshold - BELOW_THRESHOLD };
}
