/**
 * @module match/scorers/surname-alignment
 * Word order is free, but where both names say which word is the family name ("SURNAME, Given"; the
 * first syllable of a Chinese or Korean name), a family name that aligned only with a given name is
 * evidence of two different people: Yan Zhendong is not CHEN, Dong.
 */
import type { MatchContext, ScorerOutcome } from './context.js';

/** The family names on both sides are known, and the query's aligned with a listed given name instead. */
export function scoreSurnameMisaligned(ctx: MatchContext): ScorerOutcome | null {
  const qSurname = ctx.queryForm.surname;
  const cSurname = ctx.listedForm.surname;
  if (!qSurname || !cSurname) return null;
  const q = new Set(qSurname);
  const c = new Set(cSurname);
  let surnamesMet = false;
  let crossed: string | undefined;
  for (const p of ctx.alignment.pairs) {
    const qIs = p.query.some((i) => q.has(i));
    const cIs = p.candidate.some((j) => c.has(j));
    if (qIs && cIs) surnamesMet = true;
    else if (qIs !== cIs && !crossed) crossed = `${p.query.map((i) => ctx.queryForm.tokens[i].text).join(' ')}~${p.candidate.map((j) => ctx.listedForm.tokens[j].text).join(' ')}`;
  }
  if (surnamesMet || !crossed) return null;
  return { value: 1, detail: `family names did not align with each other (${crossed} crosses family and given names)` };
}
