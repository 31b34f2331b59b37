/**
 * @module match/scorers/korean-syllables
 * Korean given names are pairs of syllables, and syllables one letter apart are different names:
 * Yong is not Kyong or Myong, Song is not Jong. A Korean listed person's syllable that aligned only by
 * spelling, not by a romanisation variant, is another person's name.
 */
import type { Entity } from '../../model/entity.js';
import { BELOW_THRESHOLD, type MatchContext, type ScorerOutcome } from './context.js';

/** Romanised Korean syllables are at most this long (kwang, hyong, chong). */
const MAX_SYLLABLE_LENGTH = 5;

/** Listed as North or South Korean, or under a DPRK programme. */
export function isKoreanEntity(entity: Entity): boolean {
  const p = entity.properties;
  const korean = (s: { value: string }) => s.value === 'KP' || s.value === 'KR';
  return Boolean(p.nationality?.some(korean) || p.citizenship?.some(korean) || p.program?.some((s) => /DPRK|^KP|\bKorea\b/i.test(s.value)));
}

/** A Korean listed person's syllable matched the query's only by a spelling difference. */
export function scoreKoreanSyllableMismatch(ctx: MatchContext): ScorerOutcome | null {
  if (ctx.entity.schema !== 'Person') return null;
  const c = ctx.listedForm.tokens;
  const q = ctx.queryForm.tokens;
  const pair = ctx.alignment.pairs.find(
    (p) =>
      !p.joined &&
      (p.kind === 'spelling' || p.kind === 'skeleton' || p.kind === 'vowels') &&
      p.candidate.every((j) => c[j].text.length <= MAX_SYLLABLE_LENGTH),
  );
  // The entity's countries and programmes are read last: most matches have no such pair.
  if (!pair || !isKoreanEntity(ctx.entity)) return null;
  const shown = `${pair.query.map((i) => q[i].text).join(' ')}≈${pair.candidate.map((j) => c[j].text).join(' ')}`;
  return { value: 1, detail: `Korean syllables ${shown} differ by a letter`, ceiling: ctx.threshold - BELOW_THRESHOLD };
}
