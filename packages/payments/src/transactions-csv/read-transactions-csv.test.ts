/**
 * readTransactionsCsv: a good file in every way the format allows (quotes, CRLF, BOM, columns in another
 * order, an empty HS and vessel), and one case row per mistake, each refused with its line, column and field.
 * TransactionsCsvReader: the same table whatever the chunks, and the same values whether a row is read
 * from its bytes or checked as text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TransactionTable } from '@embargo/core';
import { readTransactionsCsv, TransactionsCsvReader, TransactionsParseError } from './read-transactions-csv.js';

const HEADER = 'date,payer,payer_country,payee,payee_country,amount,currency,hs,vessel';

function problemsOf(text: string): string[] {
  try {
    readTransactionsCsv('t.csv', text);
  } catch (e) {
    expect(e).toBeInstanceOf(TransactionsParseError);
    const error = e as TransactionsParseError;
    expect(error.code).toBe('TRANSACTIONS_PARSE');
    return error.problems.map((p) => `line ${p.line}${p.column ? `, column ${p.column} (${p.field})` : ''}: ${p.reason}`);
  }
  throw new Error('the file was read');
}

describe('readTransactionsCsv reads', () => {
  it('rows with quoted fields, CRLF line ends, a BOM, and amounts summed in US dollars', () => {
    const text =
      '\uFEFF' +
      [
        HEADER,
        '2025-03-01,"Fenwick Trading, Ltd",GB,Korea Ryonbong General Corporation,KP,100000,USD,2701,"CHON MA SAN"',
        '2025-03-02,"The ""Oak"" Company",DE,Fenwick Trading  Ltd,GB,1000.50,EUR,,',
      ].join('\r\n') +
      '\r\n';
    const table = readTransactionsCsv('t.csv', text);
    expect(table.rows).toBe(2);
    expect(table.transaction(0)).toEqual({
      line: 2,
      date: '2025-03-01',
      payer: 'Fenwick Trading, Ltd',
      payerCountry: 'GB',
      payee: 'Korea Ryonbong General Corporation',
      payeeCountry: 'KP',
      amount: 100000,
      currency: 'USD',
      hs: '2701',
      vessel: 'CHON MA SAN',
    });
    expect(table.transaction(1)).toMatchObject({
      line: 3,
      payer: 'The "Oak" Company',
      amount: 1000.5,
      currency: 'EUR',
      hs: '',
      vessel: '',
    });
    // EUR at the reference rate (1.08 US dollars).
    expect(table.value[1]).toBeCloseTo(1080.54, 2);
    // "Fenwick Trading  Ltd" differs from "Fenwick Trading, Ltd" by a comma: another party. Spacing alone would not be.
    expect(table.parties.map((p) => p.name)).toEqual([
      'Fenwick Trading, Ltd',
      'Korea Ryonbong General Corporation',
      'The "Oak" Company',
      'Fenwick Trading  Ltd',
    ]);
  });

  it('columns in any order, named in any case', () => {
    const table = readTransactionsCsv(
      't.csv',
      'PAYEE,payer,Amount,currency,date,hs,vessel,payer_country,payee_country\nB Ltd,A Ltd,5,USD,2025-01-31,03,,GB,KP\n',
    );
    expect(table.transaction(0)).toMatchObject({
      payer: 'A Ltd',
      payee: 'B Ltd',
      payeeCountry: 'KP',
      amount: 5,
      hs: '03',
      date: '2025-01-31',
    });
  });

  it('one party under one name whatever its case and spacing, with every country the file gives it', () => {
    const table = readTransactionsCsv('t.csv', `${HEADER}\n2025-01-01,Acme Ltd,GB,B,CN,1,USD,,\n2025-01-02,ACME  LTD,IE,B,CN,1,USD,,\n`);
    expect(table.parties[0]).toEqual({ name: 'Acme Ltd', countries: ['GB', 'IE'] });
    expect(table.payer[1]).toBe(0);
  });
});

/** Everything a table holds that a reader decides: its rows as the file gave them, and its parties. */
function contents(table: TransactionTable) {
  return {
    rows: Array.from({ length: table.rows }, (_, r) => ({
      ...table.transaction(r),
      payerId: table.payer[r],
      payeeId: table.payee[r],
      value: table.value[r],
    })),
    parties: table.parties,
  };
}

describe('TransactionsCsvReader', () => {
  const text =
    '\uFEFF' +
    [
      HEADER,
      '2025-03-01,"Fenwick Trading, Ltd",GB,Борей Логистик ООО,RU,100000,USD,2701,"CHON MA SAN"',
      '2025-03-02,Борей Логистик ООО,RU,"Fenwick Trading, Ltd",HK,1000.50,EUR,,',
      '2025-03-02,"The ""Oak"" Company",DE," fenwick trading, ltd ",GB,7,CNY,03,CHON MA SAN',
    ].join('\r\n');

  it('reads the same table from chunks of any size, split inside the byte order mark, a CRLF or a Cyrillic letter', () => {
    const whole = contents(readTransactionsCsv('t.csv', text));
    expect(whole.parties.map((p) => p.name)).toEqual(['Fenwick Trading, Ltd', 'Борей Логистик ООО', 'The "Oak" Company']);
    expect(whole.parties[0].countries).toEqual(['GB', 'HK']);
    // Quoted with spaces inside the quotes: read as text, trimmed, and one party with the first spelling.
    expect(whole.rows[2]).toMatchObject({ payee: 'Fenwick Trading, Ltd', payeeId: 0, vessel: 'CHON MA SAN' });
    expect(whole.rows[1]).toMatchObject({
      line: 3,
      payer: 'Борей Логистик ООО',
      payee: 'Fenwick Trading, Ltd',
      amount: 1000.5,
      hs: '',
      vessel: '',
    });
    const bytes = new TextEncoder().encode(text);
    for (let size = 1; size <= 40; size++) {
      const reader = new TransactionsCsvReader('t.csv');
      for (let at = 0; at < bytes.length; at += size) reader.push(bytes.slice(at, at + size));
      expect(contents(reader.end()), `chunks of ${size} bytes`).toEqual(whole);
    }
  });

  it('gives a row read from its bytes the same party and values as one checked as text', () => {
    // The second row has spaces around its names and a quoted amount: it is read as text.
    const table = readTransactionsCsv(
      't.csv',
      `${HEADER}\n2025-01-01,Acme Ltd,GB,Борей ООО,RU,1250.5,USD,2701,MV STAR\n2025-01-01, Acme Ltd ,GB,Борей ООО\u00a0,RU,"1250.5",USD,2701,MV STAR \n`,
    );
    expect(contents(table).rows.map(({ line: _, ...row }) => row)).toEqual(
      [contents(table).rows[0], contents(table).rows[0]].map(({ line: _, ...row }) => row),
    );
    expect(table.parties).toEqual([
      { name: 'Acme Ltd', countries: ['GB'] },
      { name: 'Борей ООО', countries: ['RU'] },
    ]);
  });

  it('reads every amount the format allows as Number reads its text', () => {
    const amount = fc
      .tuple(fc.oneof(fc.constant('0'), fc.stringMatching(/^[1-9]\d{0,14}$/)), fc.option(fc.stringMatching(/^\d{1,4}$/)))
      .map(([whole, decimals]) => (decimals === null ? whole : `${whole}.${decimals}`))
      .filter((text) => Number(text) > 0);
    fc.assert(
      fc.property(amount, (text) => {
        // Read from bytes, then (a space after the payer) as text: both as Number(text).
        const table = readTransactionsCsv('t.csv', `${HEADER}\n2025-01-01,A,GB,B,CN,${text},USD,,\n2025-01-01,A ,GB,B,CN,${text},USD,,\n`);
        expect([table.amount[0], table.amount[1]]).toEqual([Number(text), Number(text)]);
      }),
    );
  });
});

describe('readTransactionsCsv refuses', () => {
  const row = (fields: Partial<Record<string, string>>) => {
    const values = {
      date: '2025-03-01',
      payer: 'A Ltd',
      payer_country: 'GB',
      payee: 'B Ltd',
      payee_country: 'CN',
      amount: '100',
      currency: 'USD',
      hs: '2701',
      vessel: '',
      ...fields,
    };
    return `${HEADER}\n${Object.values(values).join(',')}\n`;
  };
  const cases: { why: string; text: string; expect: string }[] = [
    {
      why: 'an empty file',
      text: '',
      expect: 'line 1: the file is empty: it needs a header row (date,payer,payer_country,payee,payee_country,amount,currency,hs,vessel)',
    },
    { why: 'a header without transactions', text: `${HEADER}\n`, expect: 'line 1: the file has a header but no transactions' },
    {
      why: 'a header missing a column',
      text: 'date,payer,payee,amount\n',
      expect:
        'line 1: the header has no column "payer_country" (expected date,payer,payer_country,payee,payee_country,amount,currency,hs,vessel)',
    },
    {
      why: 'a header with another column',
      text: `${HEADER},note\n`,
      expect:
        'line 1: the header has a column "note" that is not one of date,payer,payer_country,payee,payee_country,amount,currency,hs,vessel',
    },
    { why: 'a row with too few columns', text: `${HEADER}\n2025-03-01,A,GB\n`, expect: 'line 2: has 3 columns; the header has 9' },
    {
      why: 'a date written another way',
      text: row({ date: '01/03/2025' }),
      expect: 'line 2, column 1 (date): "01/03/2025" is not a date written YYYY-MM-DD',
    },
    { why: 'a month that does not exist', text: row({ date: '2025-13-01' }), expect: 'line 2, column 1 (date): month 13 does not exist' },
    {
      why: 'a day that does not exist',
      text: row({ date: '2025-02-29' }),
      expect: 'line 2, column 1 (date): day 29 does not exist in 2025-02',
    },
    { why: 'no payer', text: row({ payer: ' ' }), expect: 'line 2, column 2 (payer): is empty: every transaction names its payer' },
    {
      why: 'a country name instead of its code',
      text: row({ payer_country: 'Germany' }),
      expect: 'line 2, column 3 (payer_country): "Germany" is not an ISO 3166 two-letter country code in capitals (GB, CN, KP)',
    },
    {
      why: 'a country code in lower case',
      text: row({ payee_country: 'kp' }),
      expect: 'line 2, column 5 (payee_country): "kp" is not an ISO 3166 two-letter country code in capitals (GB, CN, KP)',
    },
    {
      why: 'no payee country',
      text: row({ payee_country: '' }),
      expect: 'line 2, column 5 (payee_country): is empty: write the ISO 3166 two-letter code (GB, CN, KP)',
    },
    {
      why: 'an amount with a thousands separator (quoted)',
      text: row({ amount: '"1,250.00"' }),
      expect:
        'line 2, column 6 (amount): "1,250.00" is not an amount written as digits with an optional decimal point (1250 or 1250.50; no thousands separators)',
    },
    {
      why: 'a negative amount',
      text: row({ amount: '-5' }),
      expect:
        'line 2, column 6 (amount): "-5" is not an amount written as digits with an optional decimal point (1250 or 1250.50; no thousands separators)',
    },
    { why: 'a zero amount', text: row({ amount: '0.00' }), expect: 'line 2, column 6 (amount): must be more than 0' },
    {
      why: 'an amount in exponent notation',
      text: row({ amount: '1e6' }),
      expect:
        'line 2, column 6 (amount): "1e6" is not an amount written as digits with an optional decimal point (1250 or 1250.50; no thousands separators)',
    },
    {
      why: 'a currency symbol',
      text: row({ currency: '$' }),
      expect: 'line 2, column 7 (currency): "$" is not an ISO 4217 currency code in capitals (USD, EUR, CNY)',
    },
    {
      why: 'a currency without a reference rate',
      text: row({ currency: 'XAU' }),
      expect:
        'line 2, column 7 (currency): no reference rate for XAU (rates are known for USD, EUR, GBP, CHF, JPY, CNY, HKD, SGD, AED, RUB, INR, KRW, TRY, MYR, THB, VND, IDR, CAD, AUD, BRL, ZAR, IRR, KPW)',
    },
    {
      why: 'an HS code with a dot',
      text: row({ hs: '2701.12' }),
      expect: 'line 2, column 8 (hs): "2701.12" is not an HS code: 2 to 10 digits, no dots or spaces (2701, 270112)',
    },
    {
      why: 'a quote inside an unquoted field',
      text: row({ payer: 'A "B" Ltd' }),
      expect: 'line 2, column 2 (payer): a quote inside an unquoted field (quote the whole field and double the quote: "a ""b""")',
    },
    {
      why: 'a quoted field never closed',
      text: row({ vessel: '"CHON MA SAN' }),
      expect: 'line 2, column 9 (vessel): a quoted field is never closed (a field may not span lines)',
    },
  ];
  it.each(cases)('$why', ({ text, expect: expected }) => expect(problemsOf(text)[0]).toBe(expected));

  it('reports every problem of a file at once, the first in the message, and loads nothing', () => {
    const text = `${HEADER}\n2025-03-01,A,GB,B,CN,100,USD,,\n2025-02-30,A,GB,B,CN,100,USD,,\n2025-03-01,A,XX,B,CN,100,USD,,\n2025-03-01,A,GB,B,CN,100,USD,27.01,\n`;
    expect(problemsOf(text)).toEqual([
      'line 3, column 1 (date): day 30 does not exist in 2025-02',
      'line 4, column 3 (payer_country): "XX" is not an ISO 3166 two-letter country code in capitals (GB, CN, KP)',
      'line 5, column 8 (hs): "27.01" is not an HS code: 2 to 10 digits, no dots or spaces (2701, 270112)',
    ]);
    try {
      readTransactionsCsv('t.csv', text);
    } catch (e) {
      expect((e as Error).message).toBe('t.csv: line 3, column 1 (date): day 30 does not exist in 2025-02 (and 2 more problems)');
    }
  });

  it('names the column where the file puts it, not where the standard order would', () => {
    expect(
      problemsOf('amount,date,payer,payer_country,payee,payee_country,currency,hs,vessel\nten,2025-01-01,A,GB,B,CN,USD,,\n')[0],
    ).toMatch(/^line 2, column 1 \(amount\): "ten" is not an amount/);
  });
});
