import { describe, expect, test } from 'vitest';
import { issuerCountry, ukCountryCode } from './countries.js';
import { identifierStatements } from './identifiers.js';

describe('identifierStatements', () => {
  test('2014 free text: the number is read out, the text kept, the issuer taken from the demonym', () => {
    expect(identifierStatements('G827238 (Tunisian). Issued on 1 June 1996. Expired on 31 May 2001', '', 'Passport')).toEqual([
      { value: 'G827238', kind: 'Passport', original: 'G827238 (Tunisian). Issued on 1 June 1996. Expired on 31 May 2001', country: 'TN' },
    ]);
  });

  test('2014 numbered free text', () => {
    expect(identifierStatements('(1) 3219222002.2181558 (Indonesian) (2) 2181558', '', 'NI Number')).toEqual([
      { value: '3219222002.2181558', kind: 'NI Number', original: '3219222002.2181558 (Indonesian)', country: 'ID' },
      { value: '2181558', kind: 'NI Number' },
    ]);
  });

  test('2025 number and details columns are paired by number', () => {
    expect(
      identifierStatements('(1) OR 1961825. (2) TR024417', '(1) Philippines. Issued on 25 February 2015 (2) Philippines', 'Passport'),
    ).toEqual([
      { value: 'OR 1961825', kind: 'Passport', country: 'PH', note: 'Philippines. Issued on 25 February 2015' },
      { value: 'TR024417', kind: 'Passport', country: 'PH', note: 'Philippines' },
    ]);
  });

  test('2025 single number with unnumbered details naming the issuer before "number"', () => {
    expect(identifierStatements('A0002987', 'India number, issued on 4 Jun. 1985', 'Passport')).toEqual([
      { value: 'A0002987', kind: 'Passport', country: 'IN', note: 'India number, issued on 4 Jun. 1985' },
    ]);
  });

  test('an item without any number gives nothing', () => {
    expect(identifierStatements('(1) 20645897 (2) -', '', 'National Identification Number')).toEqual([
      { value: '20645897', kind: 'National Identification Number' },
    ]);
    expect(identifierStatements('Issued in Kabul', '', 'Passport')).toEqual([]);
  });
});

describe('countries', () => {
  test.each([
    { why: 'a demonym (2014 Nationality)', text: 'Afghan', expect: 'AF' },
    { why: 'a remark in brackets', text: 'Yemen (since Nov 2008)', expect: 'YE' },
    { why: 'a postcode after the name', text: 'Singapore 188425', expect: 'SG' },
    { why: 'the successor of a Soviet republic', text: 'Former USSR, now Azerbaijan', expect: 'AZ' },
    { why: 'a Soviet republic with its successor in brackets', text: 'Ukrainian SSR (now Ukraine)', expect: 'UA' },
    { why: 'only a remark is no country', text: '(Kish Branch)', expect: null },
    { why: 'a city is not a country', text: 'Moscow', expect: undefined },
  ])('$why', ({ text, expect: code }) => {
    expect(ukCountryCode(text)).toBe(code);
  });

  test('issuerCountry does not take "no" for Norway', () => {
    expect(issuerCountry('no 3603251708570001')).toBeUndefined();
  });
});
