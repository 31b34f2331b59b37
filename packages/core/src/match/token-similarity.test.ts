/**
 * Token similarity and how much an aligned pair counts: a romanisation variant near-certain, one slip in
 * a long word at its similarity, closer calls between people's names squared.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameForms } from './name-form.js';
import { alignmentCredit, editDistance, editDistanceTable, tokenSimilarity } from './token-similarity.js';

const token = (word: string) => nameForms(word, 'person')[0].tokens[0];

describe('tokenSimilarity', () => {
  it('knows romanisation variants, one slip in a long word, and short words that differ', () => {
    expect(tokenSimilarity(token('grigoriy'), token('grigorii'))).toEqual({ similarity: 0.95, kind: 'romanisation' });
    expect(tokenSimilarity(token('tahfer'), token('taher')).kind).toBe('spelling');
    expect(tokenSimilarity(token('song'), token('jong')).similarity).toBe(0);
  });

  it('counts two neighbouring letters swapped as half a slip', () => {
    expect(tokenSimilarity(token('alden'), token('laden'))).toEqual({ similarity: 0.9, kind: 'spelling' });
    expect(tokenSimilarity(token('ahstari'), token('ashtari')).similarity).toBeCloseTo(1 - 0.5 / 7);
    // Not a swap: one letter changed.
    expect(tokenSimilarity(token('marlen'), token('marken')).similarity).toBeCloseTo(1 - 1 / 6);
  });

  it('reads an h after k, t, p, b, d or g in a short word as a romanisation mark (Khin/Kin), and no other letter', () => {
    expect(tokenSimilarity(token('khin'), token('kin'))).toEqual({ similarity: 0.85, kind: 'spelling' });
    expect(tokenSimilarity(token('tan'), token('than')).similarity).toBeGreaterThanOrEqual(0.85); // a key variant already
    expect(tokenSimilarity(token('phyo'), token('pyo')).similarity).toBe(0.85);
    // Not aspiration: an h after another letter, or elsewhere, is another letter; so is any other letter added.
    expect(tokenSimilarity(token('mhin'), token('min')).similarity).toBe(0);
    expect(tokenSimilarity(token('kina'), token('kin')).similarity).toBe(0);
    expect(tokenSimilarity(token('hkin'), token('kin')).similarity).toBe(0);
  });

  it('makes a listed short word with an aspirated consonant and the query without it align (generated)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('k', 't', 'p', 'b', 'd', 'g'),
        fc.constantFrom('a', 'i', 'o', 'u', 'e'),
        fc.constantFrom('n', 'm', 'r', 'l'),
        (c, v, end) => {
          const plain = c + v + end;
          expect(tokenSimilarity(token(c + 'h' + v + end), token(plain)).similarity).toBeGreaterThanOrEqual(0.85);
        },
      ),
    );
  });

  it('trusts other vowels less where two consonants are all a word has', () => {
    expect(tokenSimilarity(token('lazim'), token('lazem'))).toEqual({ similarity: 0.86, kind: 'vowels' }); // l, z, m
    // m, n; the vowels differ in two places, a step below one place
    expect(tokenSimilarity(token('moinie'), token('minai')).kind).toBe('vowels');
    expect(tokenSimilarity(token('moinie'), token('minai')).similarity).toBeCloseTo(0.825, 6);
  });
});

describe('abbreviations in firms’ names', () => {
  const firm = (word: string) => nameForms(word, 'organisation')[0].tokens[0];
  const latinFirms = { organisation: true, abbreviations: true };
  const kind = (a: string, b: string, options = latinFirms) => tokenSimilarity(firm(a), firm(b), options).kind;

  it('reads a word’s beginning or its consonants as the word cut short, either way round', () => {
    expect(tokenSimilarity(firm('imp'), firm('import'), latinFirms)).toEqual({ similarity: 0.85, kind: 'abbreviation' });
    expect(kind('elec', 'electronic')).toBe('abbreviation');
    expect(kind('shipping', 'shpg')).toBe('abbreviation');
    expect(kind('dept', 'department')).toBe('abbreviation');
    expect(kind('mgmt', 'management')).toBe('abbreviation');
    expect(kind('govt', 'government')).toBe('abbreviation');
  });

  it('reads the conventional abbreviations of firm words (firm-words) by their meaning', () => {
    expect(kind('intl', 'international')).toBe('translation');
    expect(kind('mfg', 'manufacturing')).toBe('translation');
    expect(kind('bros', 'brothers')).toBe('translation');
  });

  it('does not take names, initials or near-whole words for abbreviations', () => {
    expect(kind('adam', 'abdulkarim')).not.toBe('abbreviation'); // vowels kept: a name, not a contraction
    expect(kind('dml', 'demirel')).not.toBe('abbreviation'); // three consonants: initials more often
    expect(kind('im', 'import')).not.toBe('abbreviation');
    expect(kind('impor', 'import')).not.toBe('abbreviation'); // one letter dropped is a slip, not an abbreviation
    expect(kind('ship', 'shop')).not.toBe('abbreviation');
    expect(kind('for', 'foreign')).not.toBe('abbreviation'); // a word of its own: BANK FOR TRADE is no FOREIGN bank
    expect(kind('and', 'andes')).not.toBe('abbreviation');
  });

  it('only where both names are written in Latin letters', () => {
    expect(kind('cha', 'charitable', { organisation: true, abbreviations: false })).not.toBe('abbreviation');
  });
});

describe('translations in firms’ names', () => {
  const firm = (word: string) => nameForms(`${word} yantar`, 'organisation')[0].tokens[0];
  const firms = { organisation: true, abbreviations: true };

  it('matches a word with its translation, and a Russian place adjective with its place', () => {
    expect(tokenSimilarity(firm('zavod'), firm('plant'), firms)).toEqual({ similarity: 0.9, kind: 'translation' });
    expect(tokenSimilarity(firm('sudostroitelny'), firm('shipbuilding'), firms).kind).toBe('translation');
    expect(tokenSimilarity(firm('dubnensky'), firm('dubna'), firms).kind).toBe('stem');
  });

  it('not in people’s names', () => {
    expect(tokenSimilarity(token('zavod'), token('plant')).kind).toBe('none');
  });

  it('a translation of a generic word is generic too, and counts as little', () => {
    expect(firm('inversiones').role).toBe('generic');
    expect(firm('bonyad').role).toBe('generic');
    expect(firm('zavod').role).toBe('word');
    expect(tokenSimilarity(firm('bonyad'), firm('foundation'), firms).kind).toBe('translation');
  });
});

describe('alignmentCredit', () => {
  it('counts one slip in a six-letter word of a person at its similarity', () => {
    const slip = tokenSimilarity(token('mubeek'), token('mubeen'));
    expect(slip).toEqual({ similarity: 1 - 1 / 6, kind: 'spelling' });
    expect(alignmentCredit(slip, true)).toBeCloseTo(1 - 1 / 6, 10);
  });

  it('squares less alike spellings of people’s names, but not of firms’', () => {
    const twoSlips = tokenSimilarity(token('abdelkarim'), token('abdelkader'));
    expect(twoSlips.kind).toBe('spelling');
    expect(twoSlips.similarity).toBe(0.7);
    expect(alignmentCredit(twoSlips, true)).toBeCloseTo(0.49, 10);
    expect(alignmentCredit(twoSlips, false)).toBe(0.7);
  });

  it('counts a romanisation variant at its similarity', () => {
    expect(alignmentCredit({ similarity: 0.95, kind: 'romanisation' }, true)).toBe(0.95);
  });
});

describe('editDistance', () => {
  it('gives the table’s answer for any two short strings, swaps of neighbours counting once', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'abcdeh0'), maxLength: 12 }),
        fc.string({ unit: fc.constantFrom(...'abcdeh0'), maxLength: 12 }),
        (a, b) => {
          expect(editDistance(a, b)).toBe(editDistanceTable(a, b));
        },
      ),
      { numRuns: 3000 },
    );
    expect(editDistance('umbeen', 'mubeen')).toBe(1);
    expect(editDistance('abdelkarim', 'abdelkader')).toBe(3);
    expect(editDistance('ca', 'abc')).toBe(3); // OSA, not unrestricted Damerau–Levenshtein (2)
  });

  it('answers limit + 1 beyond the limit, and handles long and non-ASCII strings by the table', () => {
    expect(editDistance('kimjongun', 'parkgeunhye', 2)).toBe(3);
    const long = 'a'.repeat(40);
    expect(editDistance(long, long.slice(1) + 'b')).toBe(editDistanceTable(long, long.slice(1) + 'b'));
    expect(editDistance('müller', 'muller')).toBe(1);
  });
});
