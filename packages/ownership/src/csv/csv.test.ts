/**
 * parseOwnershipCsv on files written for these tests (testdata/csv): a customer's owners around VELMUR
 * MANAGEMENT PTE LTD (ofac:22606) and TRANSATLANTIC PARTNERS PTE. LTD. (ofac:22605), designated on
 * 22 August 2017, in CRLF with quoted fields; and a file with one mistake per row.
 */
import { describe, expect, it } from 'vitest';
import { OwnershipParseError } from '../errors.js';
import { edgeLine, nodeLine, testdataFile } from '../test-support.js';
import { parseOwnershipCsv } from './index.js';
import { readCsv } from './read-csv.js';
import { ProblemList } from '../errors.js';

describe('parseOwnershipCsv on velmur-owners.csv', () => {
  const parsed = parseOwnershipCsv('velmur-owners.csv', testdataFile('csv/velmur-owners.csv'));

  it('makes a node of each party named only in the file, once per name whatever its case, and none for listed records', () => {
    expect(parsed.format).toBe('csv');
    expect(parsed.nodes.map(nodeLine)).toEqual([
      'velmur trading pte ltd ? "Velmur Trading Pte Ltd"',
      'tan, wei ling ? "Tan, Wei Ling"',
      'crm:C-1001 ? "C-1001"',
      'oceanic bunkering services ? "Oceanic Bunkering Services"',
      'chi yuming ? "Chi Yuming"',
    ]);
    expect(parsed.nodes[0].source).toEqual({ kind: 'file', file: 'velmur-owners.csv', row: 2 });
  });

  it('makes an edge of each row: shares exact or as a range, kinds other than ownership without a share', () => {
    expect(parsed.edges.map(edgeLine)).toEqual([
      'ofac:22606 → velmur trading pte ltd ownership 25–50% direct',
      'ofac:22605 → velmur trading pte ltd ownership 30% direct',
      'tan, wei ling → velmur trading pte ltd ownership 20% direct',
      'velmur trading pte ltd → crm:C-1001 ownership 100% direct',
      'crm:C-1001 → oceanic bunkering services ownership 51.5% direct',
      'tan, wei ling → oceanic bunkering services directorship',
      'tan, wei ling → ofac:22606 associate associate',
      'chi yuming → ofac:22612 family',
      'velmur trading pte ltd → oceanic bunkering services control other',
    ]);
  });

  it('keeps the file, row, source column and date of each edge', () => {
    expect(parsed.edges[0]).toMatchObject({
      id: 'csv:velmur-owners.csv#2',
      date: '2024-01-31',
      source: { kind: 'file', file: 'velmur-owners.csv', row: 2, text: 'ACRA business profile' },
    });
    expect(parsed.edges[5].source.text).toBe('ACRA officers, 2 Nov 2022');
    expect(parsed.edges[8].source.text).toBe("shareholders' agreement, clause 7");
    expect(parsed.edges[6]).not.toHaveProperty('date');
  });
});

describe('parseOwnershipCsv refuses mistakes, naming file, line and column', () => {
  it('reports every mistake of velmur-owners-bad.csv at once', () => {
    try {
      parseOwnershipCsv('velmur-owners-bad.csv', testdataFile('csv/velmur-owners-bad.csv'));
      throw new Error('parsed');
    } catch (e) {
      expect(e).toBeInstanceOf(OwnershipParseError);
      const error = e as OwnershipParseError;
      expect(error.problems.map((p) => `line ${p.line}, column ${p.column ?? '-'} (${p.field ?? '-'}): ${p.reason}`)).toEqual([
        'line 2, column 3 (share): "about half" is not a percentage (write 25, 25.5 or 25%)',
        'line 3, column 3 (share): 120 is more than 100%',
        'line 4, column 4 (share_max): 40 is less than the share 60',
        'line 5, column 5 (kind): "partner" is not one of ownership, control, directorship, family, associate',
        'line 6, column 3 (share): must be empty for a family tie: only ownership has a share',
        'line 7, column - (-): has 3 columns; the header has 7',
        'line 8, column 7 (date): month 13 does not exist',
      ]);
      expect(error.message).toBe(
        'velmur-owners-bad.csv: line 2, column 3 (share): "about half" is not a percentage (write 25, 25.5 or 25%) (and 6 more problems)',
      );
      expect(error.code).toBe('OWNERSHIP_PARSE');
    }
  });

  const header = 'owner,owned,share';
  const cases: { why: string; text: string; expect: string }[] = [
    { why: 'an empty file', text: '', expect: 'f.csv: line 1: the file is empty: it needs a header row (owner,owned,share…)' },
    { why: 'a header and no rows', text: `${header}\n`, expect: 'f.csv: line 2: the file has a header and no rows' },
    {
      why: 'an unknown column',
      text: 'owner,owned,share,percent\na,b,1,2',
      expect: 'f.csv: line 1, column 4: "percent" is not a column of the ownership CSV',
    },
    { why: 'no share column', text: 'owner,owned\na,b', expect: 'f.csv: line 1: the header has no "share" column' },
    {
      why: 'an empty owner',
      text: `${header}\n,b,10`,
      expect: 'f.csv: line 2, column 1 (owner): is empty; name the holder party or give its id',
    },
    { why: 'a party that owns itself', text: `${header}\nAcme,ACME,10`, expect: 'f.csv: line 2, column 2 (owned): is the owner itself' },
    {
      why: 'a range without its share',
      text: 'owner,owned,share,share_max\na,b,,50',
      expect: 'f.csv: line 2, column 4 (share_max): needs a share',
    },
    { why: 'a decimal comma splits the row', text: `${header}\na,b,25,5`, expect: 'f.csv: line 2: has 4 columns; the header has 3' },
    {
      why: 'a quote inside a field',
      text: `${header}\nAcme "Holdings",b,10`,
      expect: 'f.csv: line 2, column 1: a quote inside an unquoted field',
    },
    { why: 'an unclosed quote', text: `${header}\n"Acme,b,10\n`, expect: 'f.csv: line 2, column 1: a quoted field is never closed' },
  ];
  for (const c of cases) it(c.why, () => expect(() => parseOwnershipCsv('f.csv', c.text)).toThrow(c.expect));

  it('reads an ownership row without a share as owned, share not stated', () => {
    const { edges } = parseOwnershipCsv('f.csv', `${header}\nofac:22606,Acme,\n`);
    expect(edges.map(edgeLine)).toEqual(['ofac:22606 → acme ownership direct']);
  });
});

describe('readCsv', () => {
  it('keeps the line each row starts on when a quoted field spans lines, and skips blank lines', () => {
    const problems = new ProblemList();
    const rows = readCsv('a,b\r\n"x\ny",z\r\n\r\nlast,"q ""r"""', problems);
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\ny', 'z'] },
      { line: 5, cells: ['last', 'q "r"'] },
    ]);
    expect(problems.count).toBe(0);
  });

  it('refuses text after a closing quote and a quote inside a field, with line and column, and reads spaces around quotes', () => {
    const problems = new ProblemList();
    expect(readCsv('a,  "b" ,c\n"x"y,z\nok,w"v\n', problems)).toEqual([{ line: 1, cells: ['a', 'b', 'c'] }]);
    expect(problems.problems).toEqual([
      { line: 2, column: 1, reason: 'text after the closing quote of a quoted field' },
      { line: 3, column: 2, reason: 'a quote inside an unquoted field (quote the whole field and double the quote: "a ""b""")' },
    ]);
  });
});
