/**
 * @module match/engine
 * The screening engine: built once over the listed entities, then asked about one party at a time.
 * @example
 *   const engine = new ScreeningEngine(entities);
 *   engine.screen({ name: 'Kim Jong Un', schema: 'Person' })[0] // → { id: 'ofac:…', score: 0.97, alert: true, … }
 */
import type { Entity } from '../model/entity.js';
import { alignNames, type Alignment } from './align.js';
import { ComparisonMemo } from './comparison-memo.js';
import { NAME_LOGIC_V1, type MatchingAlgorithm } from './algorithm.js';
import { linkedRecordOf, round, summarise, tokenAlignments, type MatchExplanation, type ScorerContribution } from './explain.js';
import { CANDIDATES_PER_FORM, CANDIDATES_PER_OTHER_READING, NameIndex, type IndexedName } from './name-index.js';
import type { NameForm } from './name-form.js';
import { normaliseIdentifier, prepareQuery, type PreparedQuery, type ScreeningQuery } from './query.js';
import type { MatchContext } from './scorers/context.js';
import { arabicSkeletonWordReadings, latinSkeletonWords } from '../text/scripts/arabic-skeleton.js';
import { dominantScript } from '../text/scripts/detect.js';
import { nameToken, skeletonNameForm, type NameToken } from './name-form.js';
import { IDENTIFIER_PROPERTIES, schemataCompatible } from '../model/schema.js';
import { findCrossListLinks, type CrossListLink } from '../lists/links.js';

export interface ScreeningMatch {
  id: string;
  entity: Entity;
  score: number;
  alert: boolean;
  explanation: MatchExplanation;
}

export interface ScreenOptions {
  /** Most matches returned (default 10). */
  limit?: number;
  /** Candidates scoring below this are left out (default 0.5). */
  minScore?: number;
  /** Alert threshold (default: the algorithm's). */
  threshold?: number;
  /**
   * Most listed names aligned in full per reading of the query (default and most: CANDIDATES_PER_FORM,
   * 50, for its first reading; 30 for the others). Fewer is faster and can miss a match the blocking
   * votes ranked low: bulk network screening uses 20 (see `embargo network rank`).
   */
  candidatesPerReading?: number;
}

/** The best-aligned name of one entity, before the other scorers run. */
interface EntityCandidate {
  name: IndexedName;
  form: NameForm;
  listedForm: NameForm;
  alignment: Alignment;
  /** The name is another list's record of the same party, linked by a shared document or name and birth date. */
  via?: LinkedRecord;
}

/** A record another list keeps for the same party, and what links the two. */
interface LinkedRecord {
  entity: number;
  link: CrossListLink;
}

/** An entity scored, before its explanation is written. */
interface ScoredEntity {
  entity: Entity;
  candidate: EntityCandidate;
  score: number;
  /** The score before any cap: among equal capped scores, the match with more evidence ranks first. */
  uncapped: number;
  scorers: ScorerContribution[];
}

/** The least score of a record sharing an identifier with the query: an alert at the default threshold. */
const IDENTIFIED = 0.95;

/**
 * Names aligned more than this below minScore are not scored: the other scorers seldom add more. Not a
 * bound: a name wholly inside the other (nameContained) can give back more than this. So the cut is made
 * at minScore or EARLY_CUT_CEILING, whichever is lower: on the dev set no alert differs between minScore 0
 * and 0.5, while cutting at 0.81 (as payment and shipment screening ask, at their hold threshold) changed
 * the alerts of 27 of 6,534 queries. Queries giving a listed person's family name alone, whose given names
 * left out then count nothing, and records holding the query's identifier are always scored.
 */
const MAX_BONUS = 0.1;
/** The highest minScore the early cut follows (see MAX_BONUS). */
const EARLY_CUT_CEILING = 0.5;

/** How candidates of one entity are ranked: by name score, a weak alias a little below a strong name. */
function rankOf(candidate: EntityCandidate): number {
  return candidate.alignment.score - (candidate.name.weak ? 0.05 : 0);
}

/**
 * The words of each name the alignment left unpaired, for the explanation. Where both names have the same
 * legal forms (LTD and LIMITED, OOO and LLC), their words are not among them: the forms agree as forms,
 * and "query words not on the list: ltd" would tell an analyst they do not.
 */
function unmatchedWords(form: NameForm, listedForm: NameForm, alignment: Alignment): { query: string[]; listed: string[] } {
  const sameForms =
    form.legalForms.length > 0 &&
    form.legalForms.length === listedForm.legalForms.length &&
    form.legalForms.every((c) => listedForm.legalForms.includes(c));
  const shown = (t: NameToken) => !(sameForms && t.role === 'legalForm');
  return {
    query: alignment.queryUnmatched.filter((i) => shown(form.tokens[i])).map((i) => form.tokens[i].text),
    listed: alignment.candidateUnmatched.filter((j) => shown(listedForm.tokens[j])).map((j) => listedForm.tokens[j].text),
  };
}

export class ScreeningEngine {
  readonly index: NameIndex;
  readonly algorithm: MatchingAlgorithm;
  /** Token comparisons of the query being screened (queries run one at a time per engine). */
  private readonly memo: ComparisonMemo;
  /** The same for consonant-skeleton comparisons of queries in Arabic script. */
  private readonly skeletonMemo: ComparisonMemo;

  /**
   * Per entity position, the records other lists keep for the same party. The UN designates, and OFAC
   * and the UK list again, each under names of its own: a name on any of them identifies all of them.
   */
  private readonly linked = new Map<number, LinkedRecord[]>();
  /** The cross-list links among the engine's records (`findCrossListLinks`), for callers that show them. */
  readonly links: readonly CrossListLink[];

  /** Normalised identifier value → positions of the entities holding it (passport, national ID, IMO, BIC, registration). */
  private readonly byIdentifier = new Map<string, number[]>();

  constructor(entities: readonly Entity[], algorithm: MatchingAlgorithm = NAME_LOGIC_V1) {
    this.index = new NameIndex(entities);
    entities.forEach((entity, e) => {
      for (const property of IDENTIFIER_PROPERTIES)
        for (const s of entity.properties[property] ?? []) {
          const value = normaliseIdentifier(s.value);
          const holders = this.byIdentifier.get(value);
          if (!holders) this.byIdentifier.set(value, [e]);
          else if (holders[holders.length - 1] !== e) holders.push(e);
        }
    });
    const position = new Map(entities.map((e, i) => [e.id, i]));
    this.links = findCrossListLinks(entities);
    for (const link of this.links) {
      const a = position.get(link.a)!;
      const b = position.get(link.b)!;
      for (const [from, to] of [
        [a, b],
        [b, a],
      ]) {
        const records = this.linked.get(from);
        if (records) records.push({ entity: to, link });
        else this.linked.set(from, [{ entity: to, link }]);
      }
    }
    this.algorithm = algorithm;
    this.memo = new ComparisonMemo(this.index.tokenCount);
    this.skeletonMemo = new ComparisonMemo(0, false);
  }

  private readonly isListedFamilyName = (word: string): boolean => this.index.familyNames.has(word);

  /**
   * Whether the query is one of a listed person's family names alone, perhaps with patronymics ("BAKR" of
   * "BAKR, Osama Abdelmongy Abdalla"): the case `scoreFamilyNameAlone` scores up, whatever the alignment.
   */
  private namesFamilyName(form: NameForm, entity: Entity): boolean {
    const familyNames = this.index.familyNamesOf(entity);
    if (familyNames.size === 0) return false;
    let family = 0;
    for (const t of form.tokens) {
      if (t.role === 'patronymic') continue;
      if (t.role !== 'word' || !familyNames.has(t.text) || ++family > 1) return false;
    }
    return family === 1;
  }

  get size(): number {
    return this.index.entities.length;
  }

  screen(query: ScreeningQuery, options: ScreenOptions = {}): ScreeningMatch[] {
    const limit = options.limit ?? 10;
    const minScore = options.minScore ?? 0.5;
    const threshold = options.threshold ?? this.algorithm.threshold;
    const prepared = prepareQuery(query);
    this.index.weighQuery(prepared.forms);
    const { best, bestStrong, identified } = this.bestNamePerEntity(prepared, options.candidatesPerReading);
    const earlyCut = Math.min(minScore, EARLY_CUT_CEILING);
    const byEntity = new Map<number, ScoredEntity>();
    // Records scored below minScore whose linked records may score above it (`shareAcrossLinks`).
    const lenders = new Map<number, ScoredEntity>();
    for (const [entityIndex, candidate] of best) {
      const entity = this.index.entities[entityIndex];
      // Names aligned too poorly to reach minScore are left out, unless the record holds one of the query's
      // identifiers (a renamed vessel keeps its IMO number) or the query is the person's family name alone.
      if (candidate.alignment.score + MAX_BONUS < earlyCut && !identified.has(entityIndex) && !this.namesFamilyName(candidate.form, entity))
        continue;
      let outcome = this.scoreEntity(prepared, entity, candidate, threshold);
      // A weak alias aligned best, but cannot alert alone: the best of the record's other names may.
      const strong = candidate.name.weak ? bestStrong.get(entityIndex) : undefined;
      if (strong && (!outcome || outcome.score < threshold)) {
        const byStrongName = this.scoreEntity(prepared, entity, strong, threshold);
        if (byStrongName && (!outcome || byStrongName.score > outcome.score)) outcome = byStrongName;
      }
      if (outcome && outcome.score >= minScore) byEntity.set(entityIndex, outcome);
      else if (outcome && this.linked.has(entityIndex)) lenders.set(entityIndex, outcome);
    }
    this.shareAcrossLinks(prepared, byEntity, lenders, threshold, minScore);
    const scored = [...byEntity.values()];
    // Capped scores tie (every surname-only match sits just below the threshold): the uncapped score then
    // ranks the listed MORINA, Xhavit, whose family name the query is, above a weak alias MORENO.
    scored.sort((a, b) => b.score - a.score || b.uncapped - a.uncapped || a.entity.id.localeCompare(b.entity.id));
    // Explanations are written for the matches returned only: most candidates are scored and dropped.
    return scored.slice(0, limit).map((s) => this.explain(prepared, s, threshold));
  }

  /**
   * A record takes the match of its linked record on another list when that scores higher: the names the
   * UN gives a party are names of the party OFAC lists, and the other way round. The record's own dates,
   * countries and identifiers are then weighed against the query, as for any of its names. A record that
   * scored below minScore itself (a birth date of its own against the query's) still lends its names:
   * the answer for a higher minScore is then the same as for a lower one, cut at the higher.
   */
  private shareAcrossLinks(
    prepared: PreparedQuery,
    byEntity: Map<number, ScoredEntity>,
    lenders: Map<number, ScoredEntity>,
    threshold: number,
    minScore: number,
  ): void {
    if (this.linked.size === 0) return;
    const schema = prepared.query.schema;
    const shared: [number, ScoredEntity][] = [];
    for (const scoredHere of [byEntity, lenders])
      for (const [entityIndex, scored] of scoredHere) {
        for (const { entity: other, link } of this.linked.get(entityIndex) ?? []) {
          const entity = this.index.entities[other];
          if (schema && !schemataCompatible(schema, entity.schema)) continue;
          const outcome = this.scoreEntity(prepared, entity, { ...scored.candidate, via: { entity: entityIndex, link } }, threshold);
          if (!outcome || outcome.score < minScore || outcome.score <= (byEntity.get(other)?.score ?? 0)) continue;
          const pending = shared.find(([e]) => e === other);
          if (!pending) shared.push([other, outcome]);
          else if (outcome.score > pending[1].score) pending[1] = outcome;
        }
      }
    for (const [entityIndex, outcome] of shared) byEntity.set(entityIndex, outcome);
  }

  /**
   * Each entity's best-aligned name, and where that is a weak alias, its best other name (`bestStrong`).
   * Both maps are made per query: a long-lived map cleared and refilled each time churns the old generation.
   */
  private bestNamePerEntity(
    prepared: PreparedQuery,
    candidatesPerReading = CANDIDATES_PER_FORM,
  ): { best: Map<number, EntityCandidate>; bestStrong: Map<number, EntityCandidate>; identified: ReadonlySet<number> } {
    const best = new Map<number, EntityCandidate>();
    const bestStrong = new Map<number, EntityCandidate>();
    const schema = prepared.query.schema;
    const memo = this.memo;
    memo.startQuery(prepared.forms.reduce((n, f) => n + f.tokens.length, 0));
    // Arabic script leaves short vowels unwritten: besides its Latin reading, the query is compared as
    // consonant skeletons (one per reading of its letters) with the skeletons of listed Latin spellings.
    const querySkeletons =
      dominantScript(prepared.query.name) === 'Arab'
        ? arabicSkeletonWordReadings(prepared.query.name).map((words) => skeletonNameForm(prepared.query.name, words))
        : [];
    if (querySkeletons.length > 0) {
      const writtenVowels = new Map<string, string[]>();
      for (const { tokens } of querySkeletons)
        for (const { text, gaps } of tokens) writtenVowels.set(text, [...(writtenVowels.get(text) ?? []), gaps]);
      for (const form of prepared.forms) if (form.script === 'Arab') form.writtenVowels = writtenVowels;
      this.index.weighSkeletonQuery(querySkeletons);
      this.skeletonMemo.startQuery(querySkeletons.reduce((n, f) => n + f.tokens.length, 0));
    }
    // A name in another script has several readings; the later ones are variants of the first and mostly
    // find its candidates again, so each brings fewer of its own.
    const searches = prepared.forms.map((form, i) => ({
      form,
      ids: this.index.candidates(
        form,
        Math.min(candidatesPerReading, i === 0 ? CANDIDATES_PER_FORM : CANDIDATES_PER_OTHER_READING),
        schema,
      ),
    }));
    // Candidates found by skeleton are aligned with the query's first Latin reading as well.
    if (prepared.forms[0])
      for (const skeleton of querySkeletons)
        searches.push({ form: prepared.forms[0], ids: this.index.candidates(skeleton, CANDIDATES_PER_FORM, schema) });
    for (const { form, ids } of searches) {
      for (const id of ids) {
        const name = this.index.names[id];
        const entity = this.index.entities[name.entity];
        if (schema && !schemataCompatible(schema, entity.schema)) continue;
        let candidate: EntityCandidate = {
          name,
          form,
          listedForm: name.form,
          alignment: alignNames(form, name.form, this.index.tokenWeight, memo),
        };
        // An aircraft's names are registration marks and serial numbers, never an Arabic name's spelling.
        if (querySkeletons.length > 0 && entity.schema !== 'Airplane') {
          const listedSkeleton = this.skeletonForm(id);
          for (const querySkeleton of querySkeletons) {
            const bySkeleton = alignNames(querySkeleton, listedSkeleton, this.index.tokenWeight, this.skeletonMemo);
            if (bySkeleton.score > candidate.alignment.score)
              candidate = { name, form: querySkeleton, listedForm: listedSkeleton, alignment: bySkeleton };
          }
        }
        const current = best.get(name.entity);
        const wins = !current || rankOf(candidate) > rankOf(current);
        if (wins) best.set(name.entity, candidate);
        // Where a weak alias ranks first, the best other name is kept beside it (rare: only those entities).
        const loser = wins ? current : candidate;
        if (loser && !loser.name.weak && (wins ? candidate : current!).name.weak) {
          const strong = bestStrong.get(name.entity);
          if (!strong || loser.alignment.score > strong.alignment.score) bestStrong.set(name.entity, loser);
        }
      }
    }
    const identified = this.addIdentified(prepared, best);
    return { best, bestStrong, identified };
  }

  /**
   * Records holding one of the query's identifiers are scored whatever their names: a vessel renamed to
   * hide it keeps its IMO number. They are aligned on their best name, however badly it aligns. Returns
   * the positions of every record holding one, found by its name or not.
   */
  private addIdentified(prepared: PreparedQuery, best: Map<number, EntityCandidate>): ReadonlySet<number> {
    const identified = new Set<number>();
    const form = prepared.forms[0];
    if (!form) return identified;
    const schema = prepared.query.schema;
    for (const { value } of prepared.identifiers) {
      for (const e of this.byIdentifier.get(value) ?? []) {
        identified.add(e);
        if (best.has(e)) continue;
        if (schema && !schemataCompatible(schema, this.index.entities[e].schema)) continue;
        let top: EntityCandidate | undefined;
        for (const name of this.index.namesOf(e)) {
          const alignment = alignNames(form, name.form, this.index.tokenWeight, this.memo);
          if (!top || alignment.score > top.alignment.score) top = { name, form, listedForm: name.form, alignment };
        }
        if (top) best.set(e, top);
      }
    }
    return identified;
  }

  /** One token object per distinct skeleton word and gaps, weighed once and numbered for `skeletonMemo`. */
  private readonly skeletonTokens = new Map<string, NameToken>();

  private internSkeletonToken(token: NameToken): NameToken {
    const key = token.text + '\u0000' + token.gaps;
    let shared = this.skeletonTokens.get(key);
    if (!shared) {
      shared = nameToken(token.text, token, token.role, this.index.skeletonTokenWeight(token), this.skeletonTokens.size);
      this.skeletonTokens.set(key, shared);
    }
    return shared;
  }

  /** Consonant skeletons of listed names, made on demand for queries in Arabic script. */
  private readonly skeletons = new Map<number, NameForm>();

  private skeletonForm(nameId: number): NameForm {
    let form = this.skeletons.get(nameId);
    if (!form) {
      const original = this.index.names[nameId].form.original;
      form = skeletonNameForm(original, latinSkeletonWords(original));
      form.tokens = form.tokens.map((t) => this.internSkeletonToken(t));
      this.skeletons.set(nameId, form);
    }
    return form;
  }

  private scoreEntity(prepared: PreparedQuery, entity: Entity, candidate: EntityCandidate, threshold: number): ScoredEntity | undefined {
    const ctx: MatchContext = {
      query: prepared,
      entity,
      name: candidate.name,
      queryForm: candidate.form,
      listedForm: candidate.listedForm,
      alignment: candidate.alignment,
      weight: this.index.tokenWeight,
      threshold,
      isListedFamilyName: this.isListedFamilyName,
      familyNames: this.index.familyNamesOf(entity),
    };
    let total = 0;
    let ceiling = 1;
    let identified = false;
    const scorers: ScorerContribution[] = [];
    for (const s of this.algorithm.scorers) {
      const outcome = s.scorer(ctx);
      if (!outcome) continue;
      if (outcome.exclude) return undefined;
      const contribution = s.weight * outcome.value;
      total += contribution;
      if (outcome.ceiling !== undefined) ceiling = Math.min(ceiling, outcome.ceiling);
      if (outcome.certain) identified = true;
      scorers.push({
        name: s.name,
        label: s.label,
        value: round(outcome.value),
        weight: s.weight,
        contribution: round(contribution),
        detail: outcome.detail,
        ceiling: outcome.ceiling,
      });
    }
    // A shared passport, IMO or registration number is near-certain whatever the name: the caps that
    // guard name-only matches (a surname alone, a weak alias) do not apply, and the score is at least IDENTIFIED.
    const score = identified ? round(Math.max(IDENTIFIED, Math.min(1, total))) : round(Math.min(ceiling, Math.max(0, Math.min(1, total))));
    if (identified)
      for (const s of scorers)
        if (s.ceiling !== undefined) {
          s.detail += ' (not applied: an identifier matches)';
          delete s.ceiling;
        }
    return { entity, candidate, score, uncapped: round(total), scorers };
  }

  private explain(prepared: PreparedQuery, scored: ScoredEntity, threshold: number): ScreeningMatch {
    const { entity, score, scorers } = scored;
    const { form, name, alignment, listedForm } = scored.candidate;
    const explanation: Omit<MatchExplanation, 'summary'> = {
      algorithm: this.algorithm.name,
      threshold,
      query: { name: prepared.query.name, reading: form.reading, script: form.script },
      matched: {
        name: name.form.original,
        property: name.property,
        weak: name.weak,
        reading: listedForm.reading,
        script: name.form.script,
        ...(scored.candidate.via
          ? { record: linkedRecordOf(this.index.entities[scored.candidate.via.entity], scored.candidate.via.link) }
          : {}),
      },
      tokens: tokenAlignments(form, listedForm, alignment),
      unmatched: unmatchedWords(form, listedForm, alignment),
      scorers,
    };
    return {
      id: entity.id,
      entity,
      score,
      alert: score >= threshold,
      explanation: { ...explanation, summary: summarise(explanation, score) },
    };
  }
}
