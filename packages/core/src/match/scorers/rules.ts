/**
 * @module match/scorers/rules
 * Rules that bound a score rather than add to it: the schema must fit, a surname alone never alerts
 * (OFAC FAQ 5), and a weak alias alone never alerts.
 */
import { schemataCompatible } from '../../model/schema.js';
import { BELOW_THRESHOLD, type MatchContext, type ScorerOutcome } from './context.js';
import { scoreBirthDateAgreement } from './birth-date.js';
import { scoreIdentifierMatch } from './identifier.js';
import { nameForms, type NameForm } from '../name-form.js';
import { isKoreanEntity } from './korean-syllables.js';
import { nameTokens } from '../../text/normalize.js';
import { KUNYA_PARTICLES, NASAB_PARTICLES } from '../../text/name-words.js';
import { KOREAN_SURNAME_SPELLINGS } from '../../text/scripts/hangul-surnames.js';
import { tokenSimilarity } from '../token-similarity.js';

/** Token pairs at least this alike count as "matched" for the rules below. */
const MATCHED = 0.8;

/** The query's type fits the listed record's (a Person never matches a Vessel). */
export function scoreSchemaCompatibility(ctx: MatchContext): ScorerOutcome | null {
  const schema = ctx.query.query.schema;
  if (!schema) return null;
  if (schemataCompatible(schema, ctx.entity.schema)) return null;
  return { value: 1, detail: `query is a ${schema}, listed record a ${ctx.entity.schema}`, exclude: true };
}

/**
 * Only one distinctive name of a listed person matched (usually the family name): "Kim" is not
 * Kim Jong Un, however rare the listed person's other names.
 */
export function scoreSurnameOnly(ctx: MatchContext): ScorerOutcome | null {
  if (ctx.entity.schema !== 'Person') return null;
  const c = ctx.listedForm.tokens;
  const distinctive = c.filter((t) => t.role === 'word').length;
  if (distinctive < 2) return null;
  const matched = ctx.alignment.pairs.filter((p) => p.similarity >= MATCHED && p.candidate.some((j) => c[j].role === 'word'));
  const matchedTokens = matched.reduce((n, p) => n + p.candidate.filter((j) => c[j].role === 'word').length, 0);
  if (matchedTokens >= 2) return null;
  const initial = matchedTokens === 1 ? initialOfListedWord(ctx) : undefined;
  if (initial !== undefined && rareWord(ctx, matched))
    return {
      value: 1,
      detail: `only ${matchedTokens} of ${distinctive} names of the listed person matched, and ${initial.toUpperCase()}. is the initial of another: at the threshold, for an analyst to check`,
      ceiling: ctx.threshold + AT_THRESHOLD,
    };
  return {
    value: 1,
    detail: `only ${matchedTokens} of ${distinctive} names of the listed person matched`,
    ceiling: ctx.threshold - BELOW_THRESHOLD,
  };
}

/**
 * A customer's record often gives a given name as its initial (V. Putin, A. Khamenei): with a family name
 * few listed names share, the listed person is meant often enough to be shown, at the threshold. With a
 * common family name (M. Khan) the rule above holds.
 */
const AT_THRESHOLD = 0.01;
/** A listed word of at least this weight (its role's, times its rarity) is one few listed names share: about 40 of the bundled lists' 100,000 names at most (PUTIN 0.86, LUKASHENKO 0.78; KHAN 0.60, KIM 0.56). */
const RARE_WORD_WEIGHT = 0.75;

/** The query's initial aligned with a word of the listed name it begins, where the query has no other word left over. */
function initialOfListedWord(ctx: MatchContext): string | undefined {
  const q = ctx.queryForm.tokens;
  const c = ctx.listedForm.tokens;
  if (ctx.alignment.queryUnmatched.some((i) => q[i].role === 'word' || q[i].role === 'initial')) return undefined;
  const pair = ctx.alignment.pairs.find(
    (p) =>
      p.kind === 'initial' && p.query.length === 1 && q[p.query[0]].role === 'initial' && p.candidate.every((j) => c[j].role === 'word'),
  );
  return pair ? q[pair.query[0]].text : undefined;
}

/** Whether the one listed word matched in full is rare among listed names, as written on both sides (NASSER is common, NASIR not). */
function rareWord(ctx: MatchContext, matched: readonly { query: number[]; candidate: number[] }[]): boolean {
  const q = ctx.queryForm.tokens;
  const c = ctx.listedForm.tokens;
  const rare = (t: (typeof c)[number]) => ctx.weight(t) >= RARE_WORD_WEIGHT;
  return matched.some((p) => p.candidate.some((j) => c[j].role === 'word' && rare(c[j])) && p.query.every((i) => rare(q[i])));
}

/** The best match is on a weak alias (OFAC weak a.k.a., UN low quality) with nothing else confirming it. */
export function scoreWeakAliasOnly(ctx: MatchContext): ScorerOutcome | null {
  if (!ctx.name.weak) return null;
  const confirmed = (scoreBirthDateAgreement(ctx)?.value ?? 0) >= 0.6 || scoreIdentifierMatch(ctx) !== null;
  if (confirmed) return null;
  return { value: 1, detail: `matched only the weak alias "${ctx.name.form.original}"`, ceiling: ctx.threshold - BELOW_THRESHOLD };
}

/**
 * A Korean listed person's family name, as the record's primary name writes it: before the comma
 * (OFAC's "KIM, Yong Chol"), after it (the UK's "YONG CHOL, KIM"), or first (the UN's "KIM YONG CHOL").
 */
function koreanFamilyName(caption: string): string | undefined {
  const isSurname = (words: string[]) => words.length === 1 && ROMANISED_KOREAN_SURNAMES.has(words[0]);
  const [before, after] = caption.split(',', 2).map(nameTokens);
  if (after !== undefined) return isSurname(before) ? before[0] : isSurname(after) ? after[0] : undefined;
  return before.length > 1 && isSurname(before.slice(0, 1)) ? before[0] : undefined;
}
const ROMANISED_KOREAN_SURNAMES: ReadonlySet<string> = new Set([...KOREAN_SURNAME_SPELLINGS.values()].flat());

/**
 * The list gives a Korean person's given name alone as an alias (the UK's "YOUNG-CHUL" for KIM Yong
 * Chol), and the query has that given name and another word the alias does not explain, which is not the
 * record's family name: "Hyun Young-chul" is another family's Young-chul, a very common given name.
 * (Arabic, Persian and Spanish family names move about between a record's names; Korean ones do not.)
 */
export function scoreFamilyNameLeftOut(ctx: MatchContext): ScorerOutcome | null {
  if (ctx.name.property === 'name' || !(ctx.listedForm.korean || isKoreanEntity(ctx.entity))) return null;
  const q = ctx.queryForm.tokens;
  const leftover = ctx.alignment.queryUnmatched.filter((i) => q[i].role === 'word' || q[i].role === 'initial');
  if (leftover.length === 0) return null;
  const family = koreanFamilyName(ctx.entity.caption);
  const familyToken = family === undefined ? undefined : nameForms(family, 'person')[0]?.tokens[0];
  if (!familyToken) return null;
  const isFamily = (t: (typeof q)[number]) => tokenSimilarity(t, familyToken, { korean: true }).similarity >= MATCHED;
  if (ctx.listedForm.tokens.some(isFamily) || leftover.some((i) => isFamily(q[i]))) return null;
  return {
    value: 1,
    detail: `the alias "${ctx.name.form.original}" leaves out the family name ${family!.toUpperCase()}, and the query's ${leftover.map((i) => q[i].text).join(' ')} is not it`,
    ceiling: ctx.threshold - BELOW_THRESHOLD,
  };
}

/**
 * A word that one side writes after Abu or Umm (a kunya, "father of") aligned with the same word standing
 * alone on the other side, the Abu left over: "Abou Mohamed Salah" is not "Salah Muhammad".
 */
export function scoreKunyaReadAsName(ctx: MatchContext): ScorerOutcome | null {
  const q = ctx.queryForm.tokens;
  const c = ctx.listedForm.tokens;
  const qLeft = new Set(ctx.alignment.queryUnmatched);
  const cLeft = new Set(ctx.alignment.candidateUnmatched);
  const kunyaBefore = (tokens: typeof q, i: number) => i > 0 && KUNYA_PARTICLES.has(tokens[i - 1].text);
  for (const p of ctx.alignment.pairs) {
    if (p.query.length !== 1 || p.candidate.length !== 1 || p.similarity < MATCHED) continue;
    const [i] = p.query;
    const [j] = p.candidate;
    const listedKunya = kunyaBefore(c, j) && cLeft.has(j - 1) && !kunyaBefore(q, i);
    const queryKunya = kunyaBefore(q, i) && qLeft.has(i - 1) && !kunyaBefore(c, j);
    if (!listedKunya && !queryKunya) continue;
    const [side, word] = listedKunya ? ['listed name', `${c[j - 1].text} ${c[j].text}`] : ['query', `${q[i - 1].text} ${q[i].text}`];
    return {
      value: 1,
      detail: `"${word}" in the ${side} is a kunya (father or mother of ${(listedKunya ? c[j] : q[i]).text}), matched with the name itself`,
      ceiling: ctx.threshold - BELOW_THRESHOLD,
    };
  }
  return null;
}

/**
 * The tokens a name's nasab gives as a father's name: each one after bin (ibn, ben, ould), in the name's
 * natural order. A list writes the family name first, before a comma ("HASSINE, Seifallah Ben" is
 * Seifallah Ben Hassine), so that order is undone first.
 */
function fathersNames(form: NameForm): Set<number> {
  const family = form.surname ?? [];
  const order =
    family.length > 0 && family[0] === 0
      ? [...form.tokens.keys()].filter((i) => !family.includes(i)).concat(family)
      : [...form.tokens.keys()];
  const fathers = new Set<number>();
  for (let k = 1; k < order.length; k++) if (NASAB_PARTICLES.has(form.tokens[order[k - 1]].text)) fathers.add(order[k]);
  return fathers;
}

function occurrences(tokens: readonly { text: string }[], text: string): number {
  let n = 0;
  for (const t of tokens) if (t.text === text) n++;
  return n;
}

/**
 * Father and son the other way round: the words that one side names as the person's own and the father's
 * (the word after bin, ibn, ben) are the other side's father's and own. "SALMAN BIN MUHAMMAD" is the son of a
 * Muhammad, "MUHAMMAD BIN SALMAN" the son of a Salman: two persons, whatever their family name. It takes two
 * words aligned crosswise (one alone may be a name the list gives in another order).
 */
export function scoreNasabReversed(ctx: MatchContext): ScorerOutcome | null {
  if (ctx.entity.schema !== 'Person') return null;
  const q = ctx.queryForm.tokens;
  const c = ctx.listedForm.tokens;
  if (!q.some((t) => NASAB_PARTICLES.has(t.text)) || !c.some((t) => NASAB_PARTICLES.has(t.text))) return null;
  const qFather = fathersNames(ctx.queryForm);
  const cFather = fathersNames(ctx.listedForm);
  const crosswise: string[] = [];
  for (const p of ctx.alignment.pairs) {
    if (p.query.length !== 1 || p.candidate.length !== 1 || p.similarity < MATCHED) continue;
    const [i] = p.query;
    const [j] = p.candidate;
    if (q[i].role !== 'word' || qFather.has(i) === cFather.has(j)) continue;
    // A word a name gives twice (Mohamad … bin Mohamad) may be either one: no evidence.
    if (occurrences(q, q[i].text) > 1 || occurrences(c, c[j].text) > 1) continue;
    crosswise.push(q[i].text);
  }
  if (crosswise.length < 2) return null;
  return {
    value: 1,
    detail: `${crosswise.join(' and ')}: one side's own name and father's name are the other's father's and own`,
    ceiling: ctx.threshold - BELOW_THRESHOLD,
  };
}
