/** The summary's moves (issue 16 point 3): only what changed the score, by how much it did. */
import { describe, expect, it } from 'vitest';
import { summarise, type MatchExplanation, type ScorerContribution } from './explain.js';
import { scorerEffects } from './score-effects.js';

const scorer = (name: string, label: string, contribution: number, ceiling?: number): ScorerContribution => ({
  name,
  label,
  value: 1,
  weight: contribution,
  contribution,
  detail: '',
  ...(ceiling !== undefined ? { ceiling } : {}),
});
const base = (x: number) => scorer('nameSimilarity', 'Name similarity', x);

function explanation(scorers: ScorerContribution[]): Omit<MatchExplanation, 'summary'> {
  return {
    algorithm: 'name-logic-v1',
    threshold: 0.81,
    query: { name: 'Serbin', reading: 'serbin', script: 'Latn' },
    matched: { name: 'Serbian', property: 'weakAlias', weak: true, reading: 'serbian', script: 'Latn' },
    tokens: [{ query: 'serbin', listed: 'serbian', similarity: 0.86, how: 'vowels' }],
    unmatched: { query: [], listed: [] },
    scorers,
  };
}

const CASES: { why: string; scorers: ScorerContribution[]; score: number; moves: string }[] = [
  {
    why: 'a bonus on a score already at 1 is not a move',
    scorers: [base(1), scorer('countryAgreement', 'Country agrees', 0.03)],
    score: 1,
    moves: '',
  },
  {
    why: 'a bonus that reached 1 counts what it added',
    scorers: [base(0.98), scorer('nameContained', 'One name contains the other', 0.05)],
    score: 1,
    moves: '; one name contains the other +0.02',
  },
  {
    why: 'a cap the score never reached is not a move',
    scorers: [base(0.699), scorer('weakAliasOnly', 'Weak alias only', 0, 0.76)],
    score: 0.699,
    moves: '',
  },
  {
    why: 'a cap that bit says by how much',
    scorers: [base(0.95), scorer('weakAliasOnly', 'Weak alias only', 0, 0.76)],
    score: 0.76,
    moves: '; weak alias only: capped at 0.76 (-0.19)',
  },
  {
    why: 'a penalty and a bonus both moved the score',
    scorers: [
      base(0.983),
      scorer('nameContained', 'One name contains the other', 0.05),
      scorer('birthDateConflict', 'Birth date conflicts', -0.3),
    ],
    score: 0.733,
    moves: '; one name contains the other +0.05; birth date conflicts -0.30',
  },
];

describe('summarise: the moves it names', () => {
  for (const c of CASES)
    it(c.why, () => {
      const summary = summarise(explanation(c.scorers), c.score);
      const moves = /on serbin≈serbian \(vowels\)(.*): (?:no )?alert \(/.exec(summary)?.[1];
      expect(moves, summary).toBe(c.moves);
      const total = scorerEffects(c.scorers, c.score).reduce((t, e) => t + e.effect, 0);
      expect(total).toBeCloseTo(c.score, 3);
    });
});
