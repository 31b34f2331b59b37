/**
 * The wording rules of issue 16 point 3, as a table: a bonus or cap is a move only when it changed the
 * final score, and says by how much; the effects add up to the final score.
 */
import { describe, expect, it } from 'vitest';
import type { ScorerContribution } from '../api/types';
import { effectSentence, scoreEffects } from './score-effects';

const base = (contribution: number): ScorerContribution => ({
  name: 'nameSimilarity',
  label: 'Name similarity',
  value: contribution,
  weight: 1,
  contribution,
  detail: '',
});
const scorer = (name: string, label: string, contribution: number, ceiling?: number): ScorerContribution => ({
  name,
  label,
  value: 1,
  weight: contribution,
  contribution,
  detail: '',
  ...(ceiling !== undefined ? { ceiling } : {}),
});
const countryAgrees = scorer('countryAgreement', 'Country agrees', 0.03);
const nameContained = scorer('nameContained', 'One name contains the other', 0.05);
const birthDateConflicts = scorer('birthDateConflict', 'Birth date conflicts', -0.3);
const weakAliasOnly = scorer('weakAliasOnly', 'Weak alias only', 0, 0.76);
const identifierMatches = scorer('identifierMatch', 'Identifier matches', 0.5);

const CASES: { why: string; scorers: ScorerContribution[]; score: number; expect: string[] }[] = [
  {
    why: 'a bonus on a score already at 100% changed nothing',
    scorers: [base(1), countryAgrees],
    score: 1,
    expect: ['Name similarity set the base score at 100%.', 'Country agrees: no change to the score.'],
  },
  {
    why: 'a bonus that took the score to 100% counts only what it added',
    scorers: [base(0.98), nameContained],
    score: 1,
    expect: ['Name similarity set the base score at 98%.', 'One name contains the other: raised the score by 2 percentage points.'],
  },
  {
    why: 'a lowering move first, so the bonus after it is counted in full',
    scorers: [base(0.983), nameContained, birthDateConflicts],
    score: 0.733,
    expect: [
      'Name similarity set the base score at 98%.',
      'One name contains the other: raised the score by 5 percentage points.',
      'Birth date conflicts: lowered the score by 30 percentage points.',
    ],
  },
  {
    why: 'a cap above the score capped nothing',
    scorers: [base(0.699), weakAliasOnly],
    score: 0.699,
    expect: ['Name similarity set the base score at 70%.', 'Weak alias only: no change to the score.'],
  },
  {
    why: 'a cap below the score says how much it took',
    scorers: [base(0.95), weakAliasOnly],
    score: 0.76,
    expect: ['Name similarity set the base score at 95%.', 'Weak alias only: capped the score at 76%, 19 percentage points lower.'],
  },
  {
    why: 'of two caps only the lower one applies',
    scorers: [base(1), scorer('surnameOnly', 'Only one name matched', 0, 0.8), weakAliasOnly],
    score: 0.76,
    expect: [
      'Name similarity set the base score at 100%.',
      'Only one name matched: no change to the score.',
      'Weak alias only: capped the score at 76%, 24 percentage points lower.',
    ],
  },
  {
    why: 'a shared identifier lifts a weak name to the floor, and the lift is the identifier’s',
    scorers: [base(0.3), identifierMatches],
    score: 0.95,
    expect: ['Name similarity set the base score at 30%.', 'Identifier matches: raised the score by 65 percentage points.'],
  },
  {
    why: 'fractions of a point are kept',
    scorers: [base(0.9), scorer('x', 'X', 0.025)],
    score: 0.925,
    expect: ['Name similarity set the base score at 90%.', 'X: raised the score by 2.5 percentage points.'],
  },
];

describe('scoreEffects and effectSentence', () => {
  for (const c of CASES)
    it(c.why, () => {
      const effects = scoreEffects(c.scorers, c.score);
      expect(effects.map(effectSentence)).toEqual(c.expect);
      // The effects add up to the final score.
      const sum = effects.reduce((t, e) => t + (e.kind === 'base' ? e.scorer.contribution : e.effect), 0);
      expect(sum).toBeCloseTo(c.score, 3);
    });

  it('never reports a bonus as "+… percentage points" on a score that stayed at 100%', () => {
    const sentences = scoreEffects([base(1), countryAgrees, nameContained], 1).map(effectSentence);
    expect(sentences.join(' ')).not.toMatch(/raised/);
  });
});
