/**
 * @module match/explain
 * The explanation every match carries: which query name aligned with which listed name (in which
 * script or romanisation), each token pair, and each scorer's contribution, plus a one-line summary in
 * plain words for analysts and examiners.
 */
import type { Entity } from '../model/entity.js';
import type { CrossListLink, CrossListLinkReason } from '../lists/links.js';
import type { NameProperty } from '../model/schema.js';
import type { Alignment } from './align.js';
import type { NameForm } from './name-form.js';
import { ROUNDING, scorerEffects } from './score-effects.js';

export interface ScorerContribution {
  name: string;
  label: string;
  value: number;
  weight: number;
  contribution: number;
  detail: string;
  ceiling?: number;
}

export interface TokenAlignment {
  query: string;
  listed: string;
  similarity: number;
  /** exact, romanisation, skeleton, initial, spelling or joined. */
  how: string;
}

export interface MatchExplanation {
  algorithm: string;
  threshold: number;
  query: { name: string; reading: string; script: string };
  matched: {
    name: string;
    property: NameProperty;
    weak: boolean;
    reading: string;
    script: string;
    /** Set when the name is another list's record of the same party (the match's record has no such name). */
    record?: LinkedRecordNote;
  };
  tokens: TokenAlignment[];
  unmatched: { query: string[]; listed: string[] };
  scorers: ScorerContribution[];
  summary: string;
}

const PROPERTY_WORDS: Record<NameProperty, string> = {
  name: 'primary name',
  alias: 'alias',
  previousName: 'former name',
  weakAlias: 'weak alias',
};

const SCRIPT_WORDS: Record<string, string> = {
  Hang: 'Hangul, romanised',
  Hani: 'Chinese characters, read in pinyin',
  Cyrl: 'Cyrillic, transliterated',
  Arab: 'Arabic script, transliterated',
};

/** The record whose name matched, on another list, and why it is the same party. */
export interface LinkedRecordNote {
  id: string;
  caption: string;
  reason: CrossListLinkReason;
  value: string;
}

const LINK_WORDS: Record<CrossListLinkReason, string> = {
  passportNumber: 'the same passport number',
  idNumber: 'the same national ID number',
  nameAndBirthDate: 'the same name and birth date',
  namePartsAndBirthDate: 'the same birth date and a name within the other',
  organisationName: 'the same name',
  organisationAcronym: 'the same acronym, spelled out in one of its names',
  imoNumber: 'the same IMO number',
  swiftBic: 'the same SWIFT/BIC code',
  registrationNumber: 'the same registration number',
  unReference: 'the UN reference number the other list states for it',
};

export function linkedRecordOf(entity: Entity, link: CrossListLink): LinkedRecordNote {
  return { id: entity.id, caption: entity.caption, reason: link.reason, value: link.value };
}

export function tokenAlignments(queryForm: NameForm, listed: NameForm, alignment: Alignment): TokenAlignment[] {
  return alignment.pairs.map((p) => ({
    query: p.query.map((i) => queryForm.tokens[i].text).join(' '),
    listed: p.candidate.map((j) => listed.tokens[j].text).join(' '),
    similarity: round(p.similarity),
    how: p.joined ? `${p.kind}, joined` : p.kind,
  }));
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * The score and the threshold as the verdict prints them: to two places, or three where two would print a
 * score just below the threshold as equal to it ("no alert (0.81 < 0.81)" for 0.805).
 */
export function verdictFigures(score: number, threshold: number): [string, string] {
  const places = score.toFixed(2) === threshold.toFixed(2) && score !== threshold ? 3 : 2;
  return [score.toFixed(places), threshold.toFixed(places)];
}

/** One line an analyst can read: what matched, what moved the score, and the verdict. */
export function summarise(e: Omit<MatchExplanation, 'summary'>, score: number): string {
  const script = SCRIPT_WORDS[e.query.script];
  const via = script ? ` (query in ${script} as "${e.query.reading}")` : '';
  const pairs = e.tokens.map((t) => (t.how === 'exact' ? t.listed : `${t.query}≈${t.listed} (${t.how})`)).join(', ');
  // Only what changed the score, by how much it did: no bonus on a score already at 1, no cap above it (issue 16).
  const effects = scorerEffects(e.scorers, score);
  const moves = e.scorers
    .map((s, i) => ({ s, ...effects[i] }))
    .filter(({ s, effect }) => s.name !== 'nameSimilarity' && Math.abs(effect) > ROUNDING)
    .map(({ s, effect, capped }) =>
      capped
        ? `${s.label.toLowerCase()}: capped at ${s.ceiling!.toFixed(2)} (${effect.toFixed(2)})`
        : `${s.label.toLowerCase()} ${effect > 0 ? '+' : ''}${effect.toFixed(2)}`,
    );
  const missing = e.unmatched.query.length ? `; query words not on the list: ${e.unmatched.query.join(' ')}` : '';
  const extra = e.unmatched.listed.length ? `; listed words not in query: ${e.unmatched.listed.join(' ')}` : '';
  const [shown, threshold] = verdictFigures(score, e.threshold);
  const verdict = score >= e.threshold ? `alert (${shown} ≥ ${threshold})` : `no alert (${shown} < ${threshold})`;
  const record = e.matched.record;
  const of = record ? ` of the linked record ${record.id} (${LINK_WORDS[record.reason]}, ${record.value})` : '';
  return `Matched ${PROPERTY_WORDS[e.matched.property]} "${e.matched.name}"${of}${via} on ${pairs || 'nothing'}${missing}${extra}${moves.length ? '; ' + moves.join('; ') : ''}: ${verdict}.`;
}
