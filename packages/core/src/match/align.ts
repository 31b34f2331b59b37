/**
 * @module match/align
 * Aligns the tokens of a query name with those of a listed name in any order, one to one, allowing a
 * token on one side to stand for two joined tokens on the other (`Tongchol` ~ `Tong Chol`,
 * `Abdulrahman` ~ `Abdul Rahman`). The name score is the weighted share of both names that aligned.
 */
import { joinTokens, optionBits, type ComparisonMemo } from './comparison-memo.js';
import type { NameForm, NameToken } from './name-form.js';
import { alignmentCredit, tokenSimilarity, type SimilarityOptions, type TokenMatchKind, type TokenSimilarity } from './token-similarity.js';
import { COMPOUND_ENDINGS } from '../text/firm-words.js';
import { FIRM_NAME_FUNCTION_WORDS } from '../text/legal-forms.js';

/** Pairs below this similarity are not an alignment at all. Tuned on the dev set, 2026-11. */
export const MIN_TOKEN_SIMILARITY = 0.72;

export interface AlignedPair {
  /** Indexes of the query tokens (two when joined). */
  query: number[];
  /** Indexes of the listed name's tokens (two when joined). */
  candidate: number[];
  similarity: number;
  /** What counted towards the name score (fuzzy similarities count less). */
  credit: number;
  kind: TokenMatchKind;
  /** One side is two neighbouring tokens read as one. */
  joined: boolean;
}

export interface Alignment {
  pairs: AlignedPair[];
  /** Weighted share of both names covered by aligned pairs, in [0, 1]. */
  score: number;
  queryUnmatched: number[];
  candidateUnmatched: number[];
}

export type TokenWeight = (token: NameToken) => number;

interface Option {
  q: number[];
  c: number[];
  similarity: number;
  credit: number;
  kind: TokenMatchKind;
  joined: boolean;
}

/** A token aligned at least this well on its own is not tried as part of a joined pair. */
const WELL_MATCHED = 0.9;

/** A joined pair can only match a token of about its length. */
function lengthsFit(joinedLength: number, other: NameToken): boolean {
  return Math.abs(joinedLength - other.text.length) <= 2;
}

function options(
  query: readonly NameToken[],
  listedForm: NameForm,
  similarityOptions: SimilarityOptions,
  personNames: boolean,
  memo?: ComparisonMemo,
): Option[] {
  const candidate = listedForm.tokens;
  const out: Option[] = [];
  const bits = optionBits(similarityOptions);
  const compare = (a: NameToken, b: NameToken) =>
    memo ? memo.similarity(a, b, similarityOptions, bits) : tokenSimilarity(a, b, similarityOptions);
  const option = (q: number[], c: number[], sim: TokenSimilarity, joined: boolean): Option => ({
    q,
    c,
    similarity: sim.similarity,
    credit: alignmentCredit(sim, personNames),
    kind: sim.kind,
    joined,
  });
  // Best single-token similarity of each token (scratch arrays, reused: this runs ~50 times a query).
  const bestQ = scratch(bestQScratch, query.length);
  const bestC = scratch(bestCScratch, candidate.length);
  for (let i = 0; i < query.length; i++)
    for (let j = 0; j < candidate.length; j++) {
      const sim = compare(query[i], candidate[j]);
      if (sim.similarity < MIN_TOKEN_SIMILARITY) continue;
      out.push(option([i], [j], sim, false));
      if (sim.similarity > bestQ[i]) bestQ[i] = sim.similarity;
      if (sim.similarity > bestC[j]) bestC[j] = sim.similarity;
    }
  // Joining is only worth trying where a token found no good partner on its own.
  for (let j = 0; j + 1 < candidate.length; j++) {
    const length = candidate[j].text.length + candidate[j + 1].text.length;
    // An English compound in two words translates one word of another language, whatever its length
    // (MACHINE-BUILDING: mashinostroitelny).
    const compound = similarityOptions.organisation === true && COMPOUND_ENDINGS.has(candidate[j + 1].text);
    if (
      spansLegalForm(candidate[j], candidate[j + 1]) ||
      (!compound && length > 16) ||
      (bestC[j] >= WELL_MATCHED && bestC[j + 1] >= WELL_MATCHED) ||
      (!compound && !anyLooseFitting(query, bestQ, length))
    )
      continue;
    const pair = memo ? memo.joinListedAt(listedForm, j) : joinTokens(candidate[j], candidate[j + 1]);
    const particleJoin = isParticleJoin(candidate[j], candidate[j + 1]);
    for (let i = 0; i < query.length; i++) {
      if (bestQ[i] >= WELL_MATCHED || (!lengthsFit(length, query[i]) && !(compound && query[i].meaning !== ''))) continue;
      const sim = compare(query[i], pair);
      if (sim.similarity >= MIN_TOKEN_SIMILARITY && (sim.kind !== 'vowels' || particleJoin)) out.push(option([i], [j, j + 1], sim, true));
    }
  }
  if (similarityOptions.abbreviations) {
    acronymOptions(query, candidate, (i, js) =>
      out.push({ q: [i], c: js, similarity: ACRONYM_SIMILARITY, credit: ACRONYM_SIMILARITY, kind: 'abbreviation', joined: true }),
    );
    acronymOptions(candidate, query, (j, is) =>
      out.push({ q: is, c: [j], similarity: ACRONYM_SIMILARITY, credit: ACRONYM_SIMILARITY, kind: 'abbreviation', joined: true }),
    );
  }
  for (let i = 0; i + 1 < query.length; i++) {
    const length = query[i].text.length + query[i + 1].text.length;
    const compound = similarityOptions.organisation === true && COMPOUND_ENDINGS.has(query[i + 1].text);
    if (
      spansLegalForm(query[i], query[i + 1]) ||
      (!compound && length > 16) ||
      (bestQ[i] >= WELL_MATCHED && bestQ[i + 1] >= WELL_MATCHED) ||
      (!compound && !anyLooseFitting(candidate, bestC, length))
    )
      continue;
    const pair = memo ? memo.joinQuery(query[i], query[i + 1]) : joinTokens(query[i], query[i + 1]);
    const particleJoin = isParticleJoin(query[i], query[i + 1]);
    for (let j = 0; j < candidate.length; j++) {
      if (bestC[j] >= WELL_MATCHED || (!lengthsFit(length, candidate[j]) && !(compound && candidate[j].meaning !== ''))) continue;
      const sim = compare(pair, candidate[j]);
      if (sim.similarity >= MIN_TOKEN_SIMILARITY && (sim.kind !== 'vowels' || particleJoin)) out.push(option([i, i + 1], [j], sim, true));
    }
  }
  return out;
}

/** An acronym standing for the words of a firm's name (DPRK, IRGC). Tuned on the dev set, 2026-12. */
const ACRONYM_SIMILARITY = 0.85;
/** Acronyms this long at least: two letters (MS, AB) stand for too many things. */
const MIN_ACRONYM = 3;
const MAX_ACRONYM = 6;

/**
 * Each token of `short` that is the initials of a run of neighbouring tokens of `long` (small words
 * skipped inside the run): `found(index in short, indexes in long)`.
 */
export function acronymOptions(short: readonly NameToken[], long: readonly NameToken[], found: (i: number, run: number[]) => void): void {
  for (let i = 0; i < short.length; i++) {
    const acronym = short[i].text;
    if (acronym.length < MIN_ACRONYM || acronym.length > MAX_ACRONYM || short[i].hasDigit || short[i].role === 'legalForm') continue;
    for (let j = 0; j + 1 < long.length; j++) {
      if (long[j].text[0] !== acronym[0] || FIRM_NAME_FUNCTION_WORDS.has(long[j].text)) continue;
      const run: number[] = [];
      let letter = 0;
      for (let k = j; k < long.length && letter < acronym.length; k++) {
        const word = long[k].text;
        if (letter > 0 && FIRM_NAME_FUNCTION_WORDS.has(word)) run.push(k);
        else if (word[0] === acronym[letter]) {
          run.push(k);
          letter++;
        } else break;
      }
      if (letter === acronym.length) found(i, run);
    }
  }
}

const bestQScratch: number[] = [];
const bestCScratch: number[] = [];
const usedQScratch: number[] = [];
const usedCScratch: number[] = [];

/** The scratch array cleared to zeros for `length` entries. */
function scratch(array: number[], length: number): number[] {
  for (let k = 0; k < length; k++) array[k] = 0;
  return array;
}

/**
 * A legal form is never joined to a word of the name: the word a firm's name ends in and its form build
 * words that are neither (SBERBAN + LLC is no SBERBANK, XYZ BAN + CO no BANCO). The letters of one form
 * still join (S A is SA).
 */
function spansLegalForm(a: NameToken, b: NameToken): boolean {
  return (a.role === 'legalForm') !== (b.role === 'legalForm');
}

/**
 * Whether a join may also match with other vowels: an article's vowel is written every way (Abd al ~
 * Abdel, Ansar al ~ Ansarul), but between two words of a name other vowels make anything out of
 * anything (Akay Group ~ Ekogrupp, Thi Lun ~ Taloon).
 */
function isParticleJoin(a: NameToken, b: NameToken): boolean {
  return a.role === 'particle' || b.role === 'particle';
}

/** Whether some token without a good partner of its own has about the joined pair's length. */
function anyLooseFitting(tokens: readonly NameToken[], best: readonly number[], joinedLength: number): boolean {
  for (let k = 0; k < tokens.length; k++) if (best[k] < WELL_MATCHED && lengthsFit(joinedLength, tokens[k])) return true;
  return false;
}

/**
 * Greedy one-to-one alignment, best pairs first; ties prefer single tokens over joined ones.
 * @example alignNames(form('Kim Tongchol'), form('KIM, Tong Chol'), w).score ≈ 0.97
 */
export function alignNames(query: NameForm, candidate: NameForm, weight: TokenWeight, memo?: ComparisonMemo): Alignment {
  const q = query.tokens;
  const c = candidate.tokens;
  // Arabic script leaves short vowels unwritten, so a reading of it is compared on consonants. A Latin
  // query writes its vowels: against an Arabic-script listed name it needs more than shared consonants
  // (Mahmoud is not محمد, Muhammad), as against a Latin one. An Arabic-script query against a Latin name
  // must agree with the long vowels it does write (محمود is not MUHAMMAD).
  const unwrittenVowels = query.script === 'Arab' || (candidate.script === 'Arab' && query.script !== 'Latn');
  const writtenVowels = query.script === 'Arab' && candidate.script === 'Latn' ? query.writtenVowels : undefined;
  const personNames = candidate.kind === 'person' && query.kind !== 'organisation';
  const organisation = candidate.kind === 'organisation' || query.kind === 'organisation';
  const abbreviations = organisation && query.script === 'Latn' && candidate.script === 'Latn';
  // A Korean listed person's name against a Latin or Hangul query: syllables in any romanisation.
  const korean = candidate.korean === true && !organisation && (query.script === 'Latn' || query.script === 'Hang');
  const hForG = candidate.hForG === true && !organisation && query.script === 'Latn';
  const frenchCh = candidate.frenchCh === true && !organisation && query.script === 'Latn' && candidate.script === 'Latn';
  const germanSpelling = candidate.germanSpelling === true && !organisation && query.script === 'Latn' && candidate.script === 'Latn';
  const germanArabic = candidate.germanArabic === true && !organisation && query.script === 'Latn' && candidate.script === 'Latn';
  const transliteratedVowels = query.script === 'Cyrl';
  const opts = options(
    q,
    candidate,
    {
      unwrittenVowels,
      writtenVowels,
      transliteratedVowels,
      organisation,
      abbreviations,
      korean,
      hForG,
      frenchCh,
      germanSpelling,
      germanArabic,
    },
    personNames,
    memo,
  ).sort((a, b) => b.credit - a.credit || a.q.length + a.c.length - (b.q.length + b.c.length));
  // Used tokens as flags in scratch arrays (this runs ~50 times a query).
  const usedQ = scratch(usedQScratch, q.length);
  const usedC = scratch(usedCScratch, c.length);
  const pairs: AlignedPair[] = [];
  for (const o of opts) {
    if (o.q.some((i) => usedQ[i] === 1) || o.c.some((j) => usedC[j] === 1)) continue;
    for (const i of o.q) usedQ[i] = 1;
    for (const j of o.c) usedC[j] = 1;
    pairs.push({ query: o.q, candidate: o.c, similarity: o.similarity, credit: o.credit, kind: o.kind, joined: o.joined });
  }
  let total = 0;
  for (const t of q) total += weight(t);
  for (const t of c) total += weight(t);
  let covered = 0;
  for (const p of pairs) {
    let w = 0;
    for (const i of p.query) w += weight(q[i]);
    for (const j of p.candidate) w += weight(c[j]);
    covered += w * p.credit;
  }
  const queryUnmatched: number[] = [];
  for (let i = 0; i < q.length; i++) if (usedQ[i] === 0) queryUnmatched.push(i);
  const candidateUnmatched: number[] = [];
  for (let j = 0; j < c.length; j++) if (usedC[j] === 0) candidateUnmatched.push(j);
  return { pairs, score: total > 0 ? covered / total : 0, queryUnmatched, candidateUnmatched };
}
