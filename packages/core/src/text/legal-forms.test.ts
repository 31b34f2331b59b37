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

describe('legal forms across languages, transliterations and abbreviations', () => {
  const classOf = (form: string) => classesIn(`acme ${form}`);

  it.each([
    {
      why: 'Russian OAO',
      forms: ['oao', 'ojsc', 'open joint stock company', 'otkrytoe aktsionernoe obshchestvo', 'otkrytoye aktsionernoye obschestvo'],
    },
    { why: 'Russian AO', forms: ['ao', 'jsc', 'joint stock company', 'aktsionernoe obshchestvo', 'aktsionernoye obshestvo'] },
    { why: 'Russian ZAO', forms: ['zao', 'cjsc', 'closed joint stock company', 'zakrytoe aktsionernoe obshchestvo'] },
    { why: 'Russian PAO', forms: ['pao', 'pjsc', 'public joint stock company', 'publichnoe aktsionernoe obschestvo'] },
    {
      why: 'Russian OOO, in every transliteration and the lists own misspelling',
      forms: [
        'ooo',
        'llc',
        'l l c',
        'limited liability company',
        'obshchestvo s ogranichennoy otvetstvennostyu',
        'obschestvo s ogranichennoi otvetstvennostiu',
        'obshestvo s ogranichennoy otvetstvennostyu',
        'obschestvo s organichennoy otvetstvennostyu',
        'mkooo',
      ],
    },
    { why: 'Ukrainian TOV', forms: ['tov', 'llc', 'tovarystvo z obmezhenoyu vidpovidalnistyu'] },
    { why: 'Ukrainian PAT and AT', forms: ['pat', 'jsc', 'publichne aktsionerne tovarystvo', 'aktsionerne tovarystvo'] },
    { why: 'Belarusian TAA', forms: ['taa', 'llc', 'tavarystva z abmezhavanay adkaznastsyu'] },
    { why: 'Belarusian AAT', forms: ['aat', 'ojsc', 'adkrytae aktsyyanernae tavarystva', 'adkrytaye aktsyyanernaye tavarystva'] },
    {
      why: 'state unitary enterprises',
      forms: ['fsue', 'fgup', 'federal state unitary enterprise', 'federalnoe gosudarstvennoe unitarnoe predpriyatie', 'dp'],
    },
    {
      why: 'private enterprises',
      forms: ['pe', 'pp', 'private enterprise', 'private company', 'pryvatne pidpryiemstvo', 'chastnoe predpriyatie'],
    },
    { why: 'Turkish AS', forms: ['as', 'a s', 'anonim sirketi', 'jsc'] },
    { why: 'Persian private joint-stock', forms: ['sahami khass', 'private joint stock company', 'jsc'] },
    { why: 'Spanish S.A. de C.V., dotted or not', forms: ['sa de cv', 's a de c v', 's a', 'sociedad anonima'] },
    { why: 'German GmbH', forms: ['gmbh', 'ltd', 'limited'] },
    { why: 'Chinese youxian gongsi', forms: ['youxian gongsi', 'you xian gong si', 'co ltd', 'company limited'] },
    { why: 'Korean jusik hoesa', forms: ['jusik hoesa', 'chusik hoesa', 'jsc'] },
    { why: 'Gulf W.L.L.', forms: ['wll', 'w l l', 'llc'] },
  ])('$why: all one class', ({ forms }) => {
    const classes = forms.map(classOf);
    for (const [i, c] of classes.entries()) expect(c, forms[i]).toHaveLength(1);
    expect(new Set(classes.flat()), forms.join(', ')).toHaveProperty('size', 1);
  });

  it('tolerates a letter left out of a long word of a form, not a letter changed', () => {
    expect(classesIn('aktsionernoe oshchestvo pasit')).toEqual(['joint-stock']);
    expect(classesIn('cooperation acme')).toEqual([]);
  });

  it('tells the classes apart', () => {
    expect(classOf('ooo')).not.toEqual(classOf('oao'));
    expect(classOf('fgup')).not.toEqual(classOf('pe'));
  });
});
