/**
 * @module match/scorers/family-name-alone
 * A query that gives a listed person's family name alone ("MORINA"), or with the patronymic ("Ivanov
 * Petrovich"), names that person as well as such a query can: the given names it leaves out say nothing
 * against the match. It never alerts (a surname alone does not, OFAC FAQ 5), but it ranks that person
 * above names that only resemble the query, and a query spelled exactly as a listed family name is not
 * taken for a typing error of another one-word name (MORINA is not the vessel MARIANA mistyped).
 */
import { ROLE_WEIGHT } from '../name-form.js';
import { BELOW_THRESHOLD, type MatchContext, type ScorerOutcome } from './context.js';

/** Words at least this alike are the same name (exactly, or as a romanisation: RAISI ~ RA'EESI). */
const SAME_NAME = 0.95;
/** Patronymics at least this alike are the same (Sergeyevich ~ Sergeevich), as in the patronymic scorer. */
const SAME_PATRONYMIC = 0.8;

/**
 * The query's one word is the listed person's family name exactly (as one of the person's names writes
 * it, "MORINA, Xhavit"; the name aligned may spell it as another romanisation), and its other words, if
 * any, are patronymics, matched or left out by the aligned name: the listed given names the query leaves
 * out count nothing (the value gives back their share of the name score); the score stays below the
 * threshold.
 */
export function scoreFamilyNameAlone(ctx: MatchContext): ScorerOutcome | null {
  if (ctx.familyNames.size === 0) return null;
  const q = ctx.queryForm.tokens;
  const c = ctx.listedForm.tokens;
  // A patronymic the aligned name leaves out ("BASKAU, Dzmitry", an alias without one) still counts against
  // the match, at its small weight; one that contradicts the person's own is the patronymic scorer's.
  if (ctx.alignment.queryUnmatched.some((i) => q[i].role !== 'patronymic')) return null;
  let familyName: string | undefined;
  for (const p of ctx.alignment.pairs) {
    if (p.query.length !== 1 || p.candidate.length !== 1) return null;
    const [i] = p.query;
    if (q[i].role === 'word' && !familyName && ctx.familyNames.has(q[i].text) && p.similarity >= SAME_NAME) familyName = q[i].text;
    else if (q[i].role !== 'patronymic' || p.similarity < SAME_PATRONYMIC) return null;
  }
  if (!familyName) return null;
  let total = 0;
  for (const t of q) total += ctx.weight(t);
  for (const t of c) total += ctx.weight(t);
  let leftover = 0;
  for (const j of ctx.alignment.candidateUnmatched) leftover += ctx.weight(c[j]);
  const left = ctx.alignment.candidateUnmatched.map((j) => c[j].text).join(' ');
  return {
    value: total > 0 ? leftover / total : 0,
    detail: `the query is the family name ${familyName.toUpperCase()} as listed${left ? `; the names it leaves out (${left}) count nothing` : ''}`,
    ceiling: ctx.threshold - BELOW_THRESHOLD,
  };
}

/**
 * The query is one word spelled exactly as a listed person's family name, and this name matched it only
 * as another spelling: the query is likelier that name than a typing error for this one.
 */
export function scoreQueryIsAnotherFamilyName(ctx: MatchContext): ScorerOutcome | null {
  const q = ctx.queryForm.tokens;
  if (ctx.queryForm.script === 'skeleton') return null;
  let word = -1;
  for (let i = 0; i < q.length; i++) {
    if (q[i].role !== 'word') continue;
    if (word >= 0) return null;
    word = i;
  }
  // A romanisation of this person's own family name is not a typing error for another name.
  if (word < 0 || !ctx.isListedFamilyName(q[word].text) || ctx.familyNames.has(q[word].text)) return null;
  const pair = ctx.alignment.pairs.find((p) => p.query.includes(word));
  if (!pair || pair.kind === 'exact') return null;
  const listed = pair.candidate.map((j) => ctx.listedForm.tokens[j].text).join(' ');
  return {
    value: 1,
    detail: `${q[word].text.toUpperCase()} is spelled exactly as a listed family name; ${listed.toUpperCase()} is another spelling`,
    ceiling: ctx.threshold - BELOW_THRESHOLD,
  };
}

/** East Slavic patronymic endings: Turkic -oglu and the bare -ich of Heinrich end family and given names too. */
const SLAVIC_PATRONYMIC = /(ovich|evich|ovych|evych|ovna|evna|ivna|ichna)$/;

/**
 * The query is one name and a patronymic ("Ivanov Petrovich", "Sergei Petrovich"): a family or given name
 * and the father's name identify nobody alone, any more than a surname does, whatever record they match.
 * A word with a patronymic's ending that aligned with a listed person's name word is a family name
 * written after the given name (Igor KASTYUKEVICH, Aleksei POPOVICH), not a patronymic.
 */
export function scoreOneNameAndPatronymic(ctx: MatchContext): ScorerOutcome | null {
  const q = ctx.queryForm.tokens;
  const c = ctx.listedForm.tokens;
  const person = ctx.listedForm.kind === 'person';
  let words = 0;
  let patronymic: string | undefined;
  q.forEach((t, i) => {
    if (t.role === 'word') words++;
    else if (t.role === 'patronymic' && SLAVIC_PATRONYMIC.test(t.text)) {
      const pair = ctx.alignment.pairs.find((p) => p.query.includes(i));
      if (person && pair?.candidate.some((j) => c[j].role === 'word')) words++;
      else patronymic = t.text;
    }
  });
  if (words !== 1 || !patronymic) return null;
  return {
    value: 1,
    detail: `the query is one name and the patronymic ${patronymic.toUpperCase()}`,
    ceiling: ctx.threshold - BELOW_THRESHOLD,
  };
}

/**
 * A listed name word this common (rarity weight below this) is shared by many listed persons. Set by hand,
 * 2026-12, on the bundled SDN list (Mohammed, Omar, Abdul, Hussein fall below); the dev set does not move.
 */
const COMMON_WORD = 0.7;
/** A query word this rare (rarity weight at least this share of its role's weight) names few listed persons. */
const DISTINCTIVE_WORD = 0.9;

/**
 * The query and a listed person share only common names (Mohammed, Ali), and a distinctive word of the
 * query (Al-Qadi, Karamyan) is not in the listed name: "Mohammed Ali Hassan Al-Qadi" is not ALI,
 * Mohammed, however wholly that short listed name sits inside the query.
 */
export function scoreOnlyCommonNamesShared(ctx: MatchContext): ScorerOutcome | null {
  if (ctx.entity.schema !== 'Person') return null;
  const q = ctx.queryForm.tokens;
  const c = ctx.listedForm.tokens;
  // A word with a patronymic's ending counts by its rarity too: Turkish family names end in -oglu (Cobanoglu).
  const rare = (i: number) =>
    (q[i].role === 'word' || q[i].role === 'patronymic') && ctx.weight(q[i]) >= DISTINCTIVE_WORD * ROLE_WEIGHT[q[i].role];
  const missing = ctx.alignment.queryUnmatched.filter(rare);
  if (missing.length === 0 || ctx.alignment.pairs.length === 0) return null;
  for (const p of ctx.alignment.pairs)
    for (const j of p.candidate) if (c[j].role === 'word' && ctx.weight(c[j]) >= COMMON_WORD) return null;
  const shared = ctx.alignment.pairs.flatMap((p) => p.candidate.map((j) => c[j].text)).join(', ');
  return {
    value: 1,
    detail: `only common names are shared (${shared}); the query's ${missing.map((i) => q[i].text.toUpperCase()).join(' ')} is not in the listed name`,
    ceiling: ctx.threshold - BELOW_THRESHOLD,
  };
}
