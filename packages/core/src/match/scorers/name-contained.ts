/**
 * @module match/scorers/name-contained
 * One name wholly inside the other: the list often records a shorter form ("ZHIROVA, Elena") of the
 * name a customer file gives in full ("Elena Borisovna Zhirova"), or a fuller form (a second surname,
 * "JUAREZ RAMIREZ, Julio Antonio") of a short one. When every real word of one side found a strong
 * partner, the words left over on the other side count a little less against the match.
 */
import type { NameToken } from '../name-form.js';
import type { MatchContext, ScorerOutcome } from './context.js';
import { statesLineAlwaysNamed } from '../../text/firm-words.js';

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

/**
 * The score the scorer gives back, as a share of the name score the leftover words took away: 1 would
 * ignore them. Tuned on the dev set, 2026-12.
 */
export const LEFTOVER_RESTORED = 0.5;
/**
 * A listed name inside the query has the query's extra words discounted only when they are this few: one
 * more given name or surname is the same person written out in full; two are more often another person
 * who shares a given name and a surname. Tuned on the dev set, 2026-12.
 */
const MAX_EXTRA_QUERY_WORDS = 1;
/** Pairs at least this alike are the same name (exact, or a romanisation variant). */
const SAME_NAME = 0.95;
/** The bonus when neither side has words left over (the same words). */
const SAME_WORDS = 0.1;

/**
 * Words this common among listed names (Mohammad, Jan, Salah) found inside a longer listed name say
 * little about which person it is: the query must carry this much rarity-weight for the leftover words
 * to be discounted. Tuned on the dev set, 2026-12.
 */
const MIN_DISTINCTIVE_WEIGHT = 1.25;

function distinctive(tokens: readonly NameToken[], ctx: MatchContext): boolean {
  let weight = 0;
  for (const t of tokens) if (t.role === 'word') weight += ctx.weight(t);
  return weight >= MIN_DISTINCTIVE_WEIGHT;
}

/**
 * An initial of the query that partners nothing, where the listed person's name has a name or an initial
 * left over too: it stands for another middle name ("Hans O Friedrich" against Hans Joachim Friedrich,
 * "Frost, William G." against William W Frost), so neither name is inside the other. (In a firm's name a
 * letter is only a letter: LE-HUA ELEC F CO.)
 */
function initialsConflict(ctx: MatchContext): boolean {
  // A Korean name's one-letter syllables (I, O, U) are syllables, not initials.
  if (ctx.listedForm.kind !== 'person' || ctx.listedForm.korean) return false;
  const q = ctx.queryForm.tokens;
  const c = ctx.listedForm.tokens;
  return (
    ctx.alignment.queryUnmatched.some((i) => q[i].role === 'initial') &&
    ctx.alignment.candidateUnmatched.some((j) => c[j].role === 'initial' || c[j].role === 'word')
  );
}

/** Whether a word at one of `indexes` states a line of business that firms of it always name (BANK, INSURANCE). */
function statesLineOfBusiness(tokens: readonly NameToken[], indexes: readonly number[]): boolean {
  return indexes.some((i) => statesLineAlwaysNamed(tokens[i].text, tokens[i].meaning));
}

/**
 * Every word of the query, or of the listed name, has a strong partner on the other side. The value is
 * a small bonus plus the share of both names that the other side's leftover words hold: with the
 * algorithm's weight, half of what those words took from the name score comes back.
 */
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
  if (initialsConflict(ctx)) return null;
  if (queryInside && listedInside) {
    // Said of the names only where every pair is the same name: JINQIAO against YINQIAO is a close
    // partner, and an examiner reading "the same words" would take it for the same word.
    const same = ctx.alignment.pairs.every((p) => p.similarity >= SAME_NAME);
    return {
      value: SAME_WORDS,
      detail: same ? 'the names are the same words' : 'every word of each name has a close partner in the other',
    };
  }
  // Leftover words are discounted only for people's names whose words all matched as the same name
  // (exactly or as a romanisation variant): a firm's name with words missing is often another firm, and
  // "Alix Morin" spelled near "Alex Moran" is often another person.
  const exactly = ctx.alignment.pairs.every((p) => p.similarity >= SAME_NAME);
  if (!queryInside) {
    // A query that names a bank (or an insurer, a university) where the listed name does not (MYANMA
    // ECONOMIC BANK against MYANMAR ECONOMIC CORPORATION) names a firm the listed one would call itself so
    // if it were one: the listed name inside it is no evidence.
    if (ctx.listedForm.kind === 'organisation' && statesLineOfBusiness(ctx.queryForm.tokens, ctx.alignment.queryUnmatched)) return null;
    // A short listed name inside a longer query: two common listed words ("Luis Lopez", "Chen Dong") turn
    // up inside many customers' longer names, so only a distinctive listed name, all of it the same words,
    // has the query's extra words (a middle name, a second surname) discounted.
    // A firm's name with its place or branch after it ("X TRADING LLC DUBAI BRANCH"), or a description
    // before it, is that firm.
    if (
      ctx.listedForm.kind === 'organisation' &&
      exactly &&
      atOneEnd(ctx.listedForm.tokens, ctx.alignment.candidateUnmatched, ctx.queryForm.tokens, ctx.alignment.queryUnmatched) &&
      distinctive(ctx.listedForm.tokens, ctx)
    )
      return leftoverDiscount(
        ctx,
        ctx.queryForm.tokens,
        ctx.alignment.queryUnmatched,
        'the listed name is the first or last words of the query',
        'query',
      );
    const which = 'every word of the listed name is in the query';
    const extra = ctx.alignment.queryUnmatched.filter((i) => ctx.queryForm.tokens[i].role === 'word');
    // The query's family name left over whole is another family (焉振东, Yan Zhendong, is not CHEN, Dong);
    // a second family name left over is a name written out in full (ABDOLLAHI ALIABADI, Ali).
    const family = ctx.queryForm.surname ?? [];
    const familyLeftOver = family.length > 0 && family.every((i) => extra.includes(i));
    if (
      ctx.listedForm.kind !== 'person' ||
      !exactly ||
      extra.length > MAX_EXTRA_QUERY_WORDS ||
      familyLeftOver ||
      !distinctive(ctx.listedForm.tokens, ctx)
    )
      return { value: SAME_WORDS, detail: which };
    return leftoverDiscount(ctx, ctx.queryForm.tokens, ctx.alignment.queryUnmatched, which, 'query');
  }
  // Common names inside a longer listed person's name (SALAH Muhammad in SALAH Ali Mohammad) are found in
  // many listed names: their being inside this one is no evidence at all.
  if (ctx.listedForm.kind === 'person' && !distinctive(ctx.queryForm.tokens, ctx)) return null;
  const which = 'every word of the query is in the listed name';
  // A firm is known by the first (or last) words of its name ("INTERCONTINENTAL BAUMASCHINEN" for the
  // same name "… UND NUTZFAHRZEUGE HANDELS GMBH"); words missing in the middle are more often another firm's.
  const { queryForm, listedForm, alignment } = ctx;
  const wordsAtOneEnd =
    listedForm.kind === 'organisation' &&
    atOneEnd(queryForm.tokens, alignment.queryUnmatched, listedForm.tokens, alignment.candidateUnmatched) &&
    distinctive(queryForm.tokens, ctx);
  if (!exactly || (ctx.listedForm.kind !== 'person' && !wordsAtOneEnd)) return { value: SAME_WORDS, detail: which };
  return leftoverDiscount(
    ctx,
    ctx.listedForm.tokens,
    ctx.alignment.candidateUnmatched,
    wordsAtOneEnd ? 'the query is the first or last words of the listed name' : which,
    'listed',
  );
}

/**
 * Every word of the inner name (legal forms aside) is matched, and they are the first or the last words
 * of the outer name (its unmatched legal forms aside): a firm's short name, or its name after a
 * description (CENTRE DE LOISIR SAFARI CLUB) or before a branch. INVERSIONES BUENOS AIRES is neither
 * of BUENOS AIRES SERVICIOS.
 */
function atOneEnd(
  inner: readonly NameToken[],
  innerUnmatched: readonly number[],
  outer: readonly NameToken[],
  outerUnmatched: readonly number[],
) {
  for (const i of innerUnmatched) if (inner[i].role !== 'legalForm') return false;
  // The matched words as one run (legal forms aside), with no word left over before it or none after it.
  let first = -1;
  let last = -1;
  for (let j = 0; j < outer.length; j++)
    if (!outerUnmatched.includes(j)) {
      if (first < 0) first = j;
      last = j;
    }
  if (first < 0) return false;
  let before = false;
  let after = false;
  for (const j of outerUnmatched) {
    if (outer[j].role === 'legalForm') continue;
    if (j > first && j < last) return false;
    if (j < first) before = true;
    else after = true;
  }
  return !before || !after;
}

/** The small bonus plus the share of both names that the outer side's leftover words hold. */
function leftoverDiscount(
  ctx: MatchContext,
  outer: readonly NameToken[],
  leftoverIndexes: readonly number[],
  which: string,
  side: 'query' | 'listed',
): ScorerOutcome {
  let total = 0;
  for (const t of ctx.queryForm.tokens) total += ctx.weight(t);
  for (const t of ctx.listedForm.tokens) total += ctx.weight(t);
  let leftover = 0;
  for (const i of leftoverIndexes) leftover += ctx.weight(outer[i]);
  const share = total > 0 ? leftover / total : 0;
  const words = leftoverIndexes.map((i) => outer[i].text).join(', ');
  return { value: SAME_WORDS + share, detail: words ? `${which}; the ${side} words left over (${words}) count half` : which };
}
