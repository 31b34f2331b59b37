import { describe, expect, it } from 'vitest';
import { aliasProperty, formatOfacName, scriptCode } from './names.js';

describe('formatOfacName', () => {
  it.each([
    {
      why: 'a person: family name in capitals, given and middle names after a comma',
      parts: [
        { type: 'Last Name', value: 'Martelly' },
        { type: 'First Name', value: 'Michel' },
        { type: 'Middle Name', value: 'Joseph' },
      ],
      expect: {
        value: 'MARTELLY, Michel Joseph',
        original: 'Martelly, Michel Joseph',
        parts: { family: 'MARTELLY', given: 'Michel', middle: 'Joseph' },
      },
    },
    {
      why: 'an entity name in capitals, no parts',
      parts: [{ type: 'Entity Name', value: 'Vnesheconombank' }],
      expect: { value: 'VNESHECONOMBANK', original: 'Vnesheconombank' },
    },
    {
      why: 'a nickname alone is printed as written',
      parts: [{ type: 'Nickname', value: 'Sweet Micky' }],
      expect: { value: 'Sweet Micky' },
    },
    { why: 'a family name alone has no parts', parts: [{ type: 'Last Name', value: 'HANIYA' }], expect: { value: 'HANIYA' } },
    {
      why: 'Cyrillic is put in capitals too, as OFAC does',
      parts: [{ type: 'Entity Name', value: 'Банк ВТБ' }],
      expect: { value: 'БАНК ВТБ', original: 'Банк ВТБ' },
    },
    {
      why: 'empty parts are skipped',
      parts: [
        { type: 'Last Name', value: ' ' },
        { type: 'First Name', value: 'Ali' },
      ],
      expect: { value: 'Ali' },
    },
  ])('$why', ({ parts, expect: expected }) => {
    expect(formatOfacName(parts)).toEqual(expected);
  });
});

describe('aliasProperty', () => {
  it.each([
    ['a.k.a.', false, 'alias'],
    ['A.K.A.', true, 'weakAlias'],
    ['n.k.a.', false, 'alias'],
    ['f.k.a.', false, 'previousName'],
    ['F.K.A.', true, 'previousName'],
  ] as const)('%s weak=%s → %s', (type, weak, property) => {
    expect(aliasProperty(type, weak)).toBe(property);
  });
});

describe('scriptCode', () => {
  it.each([
    ['Latin', undefined],
    ['Cyrillic', 'Cyrl'],
    ['Chinese Simplified', 'Hani'],
    ['Chinese Traditional', 'Hani'],
    ['Korean', 'Hang'],
    ['Arabic', 'Arab'],
    [undefined, undefined],
  ] as const)('%s → %s', (name, code) => {
    expect(scriptCode(name)).toBe(code);
  });
});
