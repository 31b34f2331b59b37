/**
 * @module match/scorers/surname-alignment
 * Word order is free, but where a query written in Chinese or Korean script (family name first) meets a
 * listed "SURNAME, Given", a family name that aligned only with a given name is evidence of two
 * different people: 焉振东 (Yan Zhendong) is not CHEN, Dong.
 */
import type { MatchContext, ScorerOutcome } from './context.js';

/** The family names on both sides are known, and the query's aligned with a listed given name instead. */
export function scoreSurnameMisaligned(ctx: MatchContext): ScorerOutcome | null {
  const qSurname = ctx.queryForm.surname;
  const cSurname = ctx.listedForm.surname;
  // Only a Chinese or Korean name is sure of its family name: the lists' own aliases move Arabic,
  // Persian and Spanish family names about ("RADMARD, Gholamreza" ~ "IRANAGH, Gholamreza Radmard").
  const cjk = ctx.queryForm.script === 'Hang' || ctx.queryForm.script === 'Hani';
  if (!qSurname || !cSurname || !cjk) return null;
  const q = new Set(qSurname);
  const c = new Set(cSurname);
  let surnamesMet = false;
  let crossed: string | undefined;
  for (const p of ctx.alignment.pairs) {
    const qIs = p.query.some((i) => q.has(i));
    const cIs = p.candidate.some((j) => c.has(j));
    if (qIs && cIs) surnamesMet = true;
    else if (qIs !== cIs && !crossed)
      crossed = `${p.query.map((i) => ctx.queryForm.tokens[i].text).join(' ')}~${p.candidate.map((j) => ctx.listedForm.tokens[j].text).join(' ')}`;
  }
  if (surnamesMet || !crossed) return null;
  return { value: 1, detail: `family names did not align with each other (${crossed} crosses family and given names)` };
}
