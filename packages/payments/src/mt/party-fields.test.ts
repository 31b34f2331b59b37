import { describe, expect, it } from 'vitest';
import type { PaymentParty } from '@embargo/core';
import { readPartyField } from './party-fields.js';

/** Reads `tag` written as `text` (lines split on `\n`) starting on line 10, as role 'debtor'. */
function party(tag: string, text: string) {
  return readPartyField({ tag, lines: text.split('\n'), line: 10 }, { role: 'debtor', source: tag });
}

const base = { role: 'debtor', addressLines: [], identifiers: [] } as const;

describe('readPartyField: options A, B, C, D', () => {
  const cases: { why: string; tag: string; text: string; expect: Partial<PaymentParty> }[] = [
    { why: 'A: BIC alone; an agent is a bank', tag: '57A', text: 'bicfooyy', expect: { kind: 'bank', bic: 'BICFOOYY' } },
    {
      why: 'A: account line then BIC',
      tag: '52A',
      text: '/0569\nFOOBESBBXXX',
      expect: { kind: 'bank', account: '0569', bic: 'FOOBESBBXXX' },
    },
    {
      why: 'A: "//" clearing code is the account and an identifier',
      tag: '54A',
      text: '//RT\nBICFOOYY',
      expect: { kind: 'bank', account: 'RT', bic: 'BICFOOYY', identifiers: [{ scheme: 'clearingCode', value: 'RT' }] },
    },
    {
      why: 'A: a debit/credit mark is not part of the account',
      tag: '53A',
      text: '/C/12345\nDEUTDEFF',
      expect: { kind: 'bank', account: '12345', bic: 'DEUTDEFF' },
    },
    {
      why: '50A: a customer named by BIC is an organisation',
      tag: '50A',
      text: 'SSSSESMMXXX',
      expect: { kind: 'organisation', bic: 'SSSSESMMXXX' },
    },
    {
      why: '59A: account and BIC',
      tag: '59A',
      text: '/123\nSSSSESMMXXX',
      expect: { kind: 'organisation', account: '123', bic: 'SSSSESMMXXX' },
    },
    { why: 'B: account only', tag: '53B', text: '/00000000000000', expect: { kind: 'bank', account: '00000000000000' } },
    {
      why: 'B: account and location',
      tag: '57B',
      text: '/123\nLONDON',
      expect: { kind: 'bank', account: '123', addressLines: ['LONDON'] },
    },
    {
      why: 'C: party identifier',
      tag: '57C',
      text: '//CP1234',
      expect: { kind: 'bank', account: 'CP1234', identifiers: [{ scheme: 'clearingCode', value: 'CP1234' }] },
    },
    { why: '50C: the MT101 instructing party by BIC', tag: '50C', text: 'TESTAR00', expect: { kind: 'organisation', bic: 'TESTAR00' } },
    {
      why: 'D: name then address lines',
      tag: '52D',
      text: 'NORTH FOO BANK\n999 BROAD FOO RD\nMELVILLE, NY 11747',
      expect: { kind: 'bank', name: 'NORTH FOO BANK', addressLines: ['999 BROAD FOO RD', 'MELVILLE, NY 11747'] },
    },
    {
      why: 'D: account, then name with runs of spaces collapsed',
      tag: '58D',
      text: '/ACC1\n  BANK   OF  X \nSTREET ',
      expect: { kind: 'bank', account: 'ACC1', name: 'BANK OF X', addressLines: ['STREET'] },
    },
  ];
  it.each(cases)('$why', ({ tag, text, expect: expected }) => {
    expect(party(tag, text).value).toEqual({ ...base, source: tag, ...expected });
  });
});

describe('readPartyField: customer options K, plain 59, G, H, L', () => {
  it('50K: account, name, address lines', () => {
    expect(party('50K', '/100811000148\nRASA ENGINEERING SERVICES (PVT) L\nNO 852-60\nSHARUK PURA\nSRI LANKA').value).toEqual({
      ...base,
      source: '50K',
      kind: 'unknown',
      account: '100811000148',
      name: 'RASA ENGINEERING SERVICES (PVT) L',
      addressLines: ['NO 852-60', 'SHARUK PURA', 'SRI LANKA'],
    });
  });
  it('50K without an account starts with the name', () => {
    expect(party('50K', 'FOO CAPITAL MARKETS LP\n99 WALL ST STE 9999').value).toEqual({
      ...base,
      source: '50K',
      kind: 'unknown',
      name: 'FOO CAPITAL MARKETS LP',
      addressLines: ['99 WALL ST STE 9999'],
    });
  });
  it('plain 59: account and name', () => {
    expect(party('59', '/-\nFOO SA').value).toEqual({ ...base, source: '59', kind: 'unknown', account: '-', name: 'FOO SA' });
  });
  it('50G: account and BIC; 50H: account, name and address', () => {
    expect(party('50G', '/344110001637\nTESTAR00AXX').value).toMatchObject({
      kind: 'organisation',
      account: '344110001637',
      bic: 'TESTAR00AXX',
    });
    expect(party('50H', '/344110001637\nTESTAR00AXXX\nUtrecht').value).toMatchObject({
      kind: 'unknown',
      account: '344110001637',
      name: 'TESTAR00AXXX',
      addressLines: ['Utrecht'],
    });
  });
  it('50L: the party identifier is an identifier', () => {
    expect(party('50L', 'ABC-123').value).toEqual({
      ...base,
      source: '50L',
      kind: 'unknown',
      identifiers: [{ scheme: 'partyIdentifier', value: 'ABC-123' }],
    });
  });
});

describe('readPartyField: option F (50F, 59F)', () => {
  it('reads account, name, address, country and town', () => {
    expect(party('50F', '/96325874\n1/GB Engineering \n2/Industrial Park\n3/GB/Cambridge').value).toEqual({
      ...base,
      source: '50F',
      kind: 'unknown',
      account: '96325874',
      name: 'GB Engineering',
      addressLines: ['Industrial Park', 'Cambridge'],
      country: 'GB',
    });
  });
  it('joins a name continued on a second 1/ line and keeps each 2/ line', () => {
    expect(party('50F', '/1\n1/JOHN JACOB\n1/SMITH\n2/HIGH STREET 1\n2/FLAT 3\n3/GB/LONDON').value).toMatchObject({
      name: 'JOHN JACOB SMITH',
      addressLines: ['HIGH STREET 1', 'FLAT 3', 'LONDON'],
    });
  });
  it('59F may start with its numbered lines (no account)', () => {
    expect(party('59F', '1/B Creditor Co\n2/Las Ramblas\n3/ES/Barcelona').value).toEqual({
      ...base,
      source: '59F',
      kind: 'unknown',
      name: 'B Creditor Co',
      addressLines: ['Las Ramblas', 'Barcelona'],
      country: 'ES',
    });
  });
  it('a birth date, place of birth or national id makes a person; 6/ 7/ 8/ are identifiers', () => {
    expect(party('50F', '/1\n1/JOHN SMITH\n4/19700101\n5/GB/LONDON\n6/GB/BANKX/C12345\n7/GB/AB123456C\n8/EXTRA').value).toEqual({
      ...base,
      source: '50F',
      kind: 'person',
      account: '1',
      name: 'JOHN SMITH',
      birthDate: '1970-01-01',
      identifiers: [
        { scheme: 'placeOfBirth', value: 'GB/LONDON' },
        { scheme: 'CUST', value: 'GB/BANKX/C12345' },
        { scheme: 'NIDN', value: 'GB/AB123456C' },
        { scheme: 'additionalInformation', value: 'EXTRA' },
      ],
    });
    expect(party('50F', '/1\n1/ACME LTD\n6/GB/BANKX/C12345').value?.kind).toBe('unknown');
  });
  it('a party identifier code on the first line: a passport makes a person, a customer number does not', () => {
    expect(party('50F', 'CCPT/GB/123456789\n1/JOHN SMITH').value).toMatchObject({
      kind: 'person',
      identifiers: [{ scheme: 'CCPT', value: 'GB/123456789' }],
    });
    expect(party('50F', 'CUST/GB/BANKX/99\n1/ACME').value).toMatchObject({
      kind: 'unknown',
      identifiers: [{ scheme: 'CUST', value: 'GB/BANKX/99' }],
    });
  });
});

describe('readPartyField: errors name the field and line', () => {
  it('a 50F line without a number', () => {
    expect(party('50F', '/96325874\n1/GB Engineering\nIndustrial Park').problem).toEqual({
      field: '50F',
      line: 12,
      reason: "50F line 'Industrial Park' has no line number (1/ to 8/)",
    });
  });
  it('a number 59F does not have', () => {
    expect(party('59F', '/1\n1/X\n4/19700101').problem).toMatchObject({
      field: '59F',
      line: 12,
      reason: '59F has no line number 4/ (it allows 1, 2, 3)',
    });
  });
  it('3/ without a country, 4/ not a date, a first line of neither kind', () => {
    expect(party('50F', '/1\n3/Cambridge').problem).toMatchObject({
      line: 11,
      reason: expect.stringContaining('does not start with a country code'),
    });
    expect(party('50F', '/1\n4/1970-01-01').problem).toMatchObject({
      line: 11,
      reason: "50F line '4/1970-01-01' is not a birth date YYYYMMDD",
    });
    expect(party('50F', 'GB Engineering\n1/X').problem).toMatchObject({ line: 10, reason: expect.stringContaining('neither') });
  });
  it('an option the field does not have', () => {
    expect(party('59K', 'X').problem).toEqual({
      field: '59K',
      line: 10,
      reason: '59K is not an option of field 59a (it has 59 without a letter, 59A, 59F)',
    });
  });
  it('option A without a valid BIC, or with lines after it', () => {
    expect(party('57A', 'NOT A BIC').problem?.reason).toBe(
      "57A must end with one BIC (as 'DEUTDEFF' or 'DEUTDEFFXXX'); it has 'NOT A BIC'",
    );
    expect(party('57A', 'DEUTDEFF\nFRANKFURT').problem?.field).toBe('57A');
    expect(party('57A', '/123').problem?.reason).toContain('it has nothing');
  });
  it('option B with two lines after the account, option C without its slash, option D with nothing', () => {
    expect(party('53B', '/1\nLONDON\nUK').problem?.field).toBe('53B');
    expect(party('56C', 'DEUTDEFF').problem?.field).toBe('56C');
    expect(party('52D', '').problem).toMatchObject({ field: '52D', reason: '52D has neither an account nor a name' });
  });
});
