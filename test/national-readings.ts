/**
 * Checks shared by the tests of the national readings (French ch, German spellings of Cyrillic and of Arabic
 * names): a word and its national spelling are one name under the reading's option and less alike without
 * it, and the option never lowers a similarity.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { nameForms, type NameToken } from '../packages/core/src/match/name-form.js';
import { tokenSimilarity, type SimilarityOptions } from '../packages/core/src/match/token-similarity.js';

/** A word as a person's name token. */
export const personToken = (word: string): NameToken => nameForms(word, 'person')[0].tokens[0];

/** `query` and `listed` are one name under `option` (a national spelling, 0.9), and less alike without it. */
export function expectNationalSpelling(query: string, listed: string, option: SimilarityOptions): void {
  const read = tokenSimilarity(personToken(query), personToken(listed), option);
  expect(read).toEqual({ similarity: 0.9, kind: 'romanisation' });
  expect(tokenSimilarity(personToken(query), personToken(listed)).similarity).toBeLessThan(read.similarity);
}

/** Between any two words `word` generates, `option` never lowers the similarity; `also` checks more of each pair. */
export function expectNeverLowers(option: SimilarityOptions, word: fc.Arbitrary<string>, also?: (a: string, b: string) => void): void {
  fc.assert(
    fc.property(word, word, (a, b) => {
      const plain = tokenSimilarity(personToken(a), personToken(b));
      expect(tokenSimilarity(personToken(a), personToken(b), option).similarity).toBeGreaterThanOrEqual(plain.similarity);
      also?.(a, b);
    }),
    { numRuns: 500 },
  );
}
