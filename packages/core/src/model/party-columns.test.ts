import { describe, expect, it } from 'vitest';
import { partyColumn, readPartyRow } from './party-columns.js';

describe('partyColumn', () => {
  it.each([
    ['name', 'name'],
    ['Full Name', 'name'],
    ['Customer', 'key'],
    ['id', 'key'],
    ['Date of Birth', 'birthDate'],
    ['DOB', 'birthDate'],
    ['Nationality', 'country'],
    ['Type', 'schema'],
    ['Passport No', undefined],
    ['Passport Number', 'passportNumber'],
    ['customer name', undefined],
  ])('%s → %s', (header, column) => expect(partyColumn(header)).toBe(column));
});

describe('readPartyRow', () => {
  it.each([
    {
      why: 'the kind of party may be a word banks use',
      row: { key: 'k-7', name: 'JANG, Sung Nam', schema: 'individual' },
      expect: { ok: true, key: 'k-7', query: { name: 'JANG, Sung Nam', schema: 'Person' } },
    },
    {
      why: 'our own schema names are taken as they are',
      row: { name: 'Sea Star', schema: 'Vessel' },
      expect: { ok: true, query: { name: 'Sea Star', schema: 'Vessel' } },
    },
    {
      why: 'empty cells are absent, not empty values',
      row: { key: '', name: ' Jang Sung Nam ', birthDate: '', country: ' ', schema: '' },
      expect: { ok: true, query: { name: 'Jang Sung Nam' } },
    },
    {
      why: 'passport and id numbers become typed identifiers',
      row: { name: 'Jang Sung Nam', passportNumber: '563120368', idNumber: 'X-1' },
      expect: {
        ok: true,
        query: {
          name: 'Jang Sung Nam',
          identifiers: [
            { type: 'passportNumber', value: '563120368' },
            { type: 'idNumber', value: 'X-1' },
          ],
        },
      },
    },
    {
      why: 'a row without a name says which column is missing',
      row: { key: '1', country: 'KP' },
      expect: { ok: false, column: 'name', reason: 'no name (the CSV needs a "name" column)' },
    },
    {
      why: 'an unknown kind of party is refused, not guessed',
      row: { name: 'Sea Star', schema: 'boat' },
      expect: { ok: false, column: 'schema', reason: 'unknown type "boat"' },
    },
  ])('$why', ({ row, expect: expected }) => expect(readPartyRow(row)).toEqual(expected));
});
