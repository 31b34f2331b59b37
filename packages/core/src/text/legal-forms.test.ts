/**
 * Legal forms as firms write them: abbreviated, dotted (read as single letters), or in full, in the
 * languages of the lists; a short form inside a name is a word.
 */
import { describe, expect, it } from 'vitest';
import { findLegalForms, onlyLegalForms } from './legal-forms.js';

const classesIn = (name: string) => findLegalForms(name.split(' ')).map((m) => m.class);

describe('findLegalForms', () => {
  it('reads dotted forms, whose letters fold to single tokens, as their undotted form', () => {
    // SMILEWALLET B.V., C.I. PLANETA S.R.L., ... S.p.A.
    expect(classesIn('smilewallet b v')).toEqual(classesIn('smilewallet bv'));
    expect(classesIn('smilewallet b v')).toEqual(['limited']);
    expect(classesIn('planeta s r l')).toEqual(['limited']);
    expect(classesIn('fincantieri s p a')).toEqual(['joint-stock']);
    expect(classesIn('philips n v')).toEqual(['joint-stock']);
    expect(classesIn('acme besloten vennootschap')).toEqual(['limited']);
  });

  it('takes the longest phrase at each position', () => {
    expect(findLegalForms('dandong zhicheng metal materials co ltd'.split(' '))).toEqual([
      { start: 4, length: 2, class: 'limited', phrase: 'co ltd' },
    ]);
  });

  it('reads short ambiguous forms only at either end of the name', () => {
    expect(classesIn('bank as salam')).toEqual([]);
    expect(classesIn('anadolu as')).toEqual(['joint-stock']);
  });

  it('never reads a whole name as a legal form', () => {
    expect(classesIn('limited')).toEqual([]);
    expect(onlyLegalForms(['pte', 'ltd'])).toBe(true);
    expect(onlyLegalForms(['ocean', 'ltd'])).toBe(false);
  });
});
