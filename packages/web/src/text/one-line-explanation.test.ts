/** The one-line explanation on a search result (issue 16 points 2 and 3). */
import { describe, expect, it } from 'vitest';
import type { MatchExplanation, ScorerContribution } from '../api/types';
import { oneLineExplanation } from './one-line-explanation';

const scorer = (name: string, label: string, contribution: number, ceiling?: number): ScorerContribution => ({
  name,
  label,
  value: 1,
  weight: contribution,
  contribution,
  detail: '',
  ...(ceiling !== undefined ? { ceiling } : {}),
});

function explanation(over: Partial<MatchExplanation>): MatchExplanation {
  return {
    algorithm: 'name-logic-v1',
    threshold: 0.81,
    query: { name: 'x', reading: 'x', script: 'Latn' },
    matched: { name: 'KOREA MINING DEVELOPMENT TRADING CORPORATION', property: 'name', weak: false, reading: '', script: 'Latn' },
    tokens: [],
    unmatched: { query: [], listed: [] },
    scorers: [],
    summary: '',
    ...over,
  };
}

describe('oneLineExplanation', () => {
  it('says "the same words" for an exact name and leaves out a bonus on a score already at 100%', () => {
    const e = explanation({
      tokens: ['korea', 'mining'].map((w) => ({ query: w, listed: w, similarity: 1, how: 'exact' })),
      scorers: [scorer('nameSimilarity', 'Name similarity', 1), scorer('nameContained', 'One name contains the other', 0.05)],
    });
    expect(oneLineExplanation(e, 1)).toBe('Primary name “KOREA MINING DEVELOPMENT TRADING CORPORATION”: the same words.');
  });

  it('names the variant pairs, the missing query words and each move with its points', () => {
    const e = explanation({
      matched: { name: 'JANG, Sung Nam', property: 'name', weak: false, reading: 'jang sung nam', script: 'Latn' },
      tokens: [
        { query: 'jang', listed: 'jang', similarity: 1, how: 'exact' },
        { query: 'song', listed: 'sung', similarity: 0.95, how: 'romanisation' },
      ],
      unmatched: { query: ['pak'], listed: [] },
      scorers: [
        scorer('nameSimilarity', 'Name similarity', 0.983),
        scorer('nameContained', 'One name contains the other', 0.05),
        scorer('birthDateConflict', 'Birth date conflicts', -0.3),
      ],
    });
    expect(oneLineExplanation(e, 0.733)).toBe(
      'Primary name “JANG, Sung Nam”: song ≈ sung (romanisation variant); not in the listed name: pak; ' +
        'one name contains the other +5 points, birth date conflicts −30 points.',
    );
  });

  it('names a cap only when it lowered the score', () => {
    const weak = (base: number) =>
      explanation({
        matched: { name: 'Serbian', property: 'weakAlias', weak: true, reading: 'serbian', script: 'Latn' },
        tokens: [{ query: 'serbin', listed: 'serbian', similarity: 0.86, how: 'vowels' }],
        scorers: [scorer('nameSimilarity', 'Name similarity', base), scorer('weakAliasOnly', 'Weak alias only', 0, 0.76)],
      });
    expect(oneLineExplanation(weak(0.699), 0.699)).toBe('Weak alias “Serbian”: serbin ≈ serbian (vowel variant).');
    expect(oneLineExplanation(weak(0.9), 0.76)).toBe(
      'Weak alias “Serbian”: serbin ≈ serbian (vowel variant); weak alias only: capped at 76%.',
    );
  });

  it('says when the name that matched is another list’s record of the party', () => {
    const e = explanation({
      matched: {
        name: 'KOMID',
        property: 'alias',
        weak: false,
        reading: 'komid',
        script: 'Latn',
        record: { id: 'un:KPe.001', caption: 'KOMID', reason: 'organisationName', value: 'KOMID' },
      },
      tokens: [{ query: 'komid', listed: 'komid', similarity: 1, how: 'exact' }],
    });
    expect(oneLineExplanation(e, 1)).toBe('Alias “KOMID” (on the linked record un:KPe.001): the same word.');
  });
});
