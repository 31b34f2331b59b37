import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { isEmbargoError } from '@embargo/core';
import { listFile, stripDosEof } from '../../io.js';
import { hasShared, sharedList } from '../../../../../test/shared-data.js';
import { eachOfacCsvRow, parseOfacCsvText, readOfacCsv, readOfacDialect, type OfacCsvRow } from './read-csv.js';

const file = listFile('/nowhere/sdn.csv', 'sdn.csv');
const primary = { columns: 12, allowEmpty: false };
const row = (id: number, name: string, remarks = '-0- ') =>
  `${id},"${name}",-0- ,"SDGT] [IRGC",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,${remarks}`;

/** The LIST_PARSE error a call throws, for asserting its message and line. */
function parseError(run: () => unknown) {
  try {
    run();
  } catch (e) {
    if (isEmbargoError(e)) return e;
    throw e;
  }
  throw new Error('expected a LIST_PARSE error');
}

describe('parseOfacCsvText: the quirks of the legacy files', () => {
  it('reads CRLF records, drops the trailing 0x1A and maps "-0- " to null', () => {
    const rows = parseOfacCsvText(
      file,
      `${row(36, 'AEROCARIBBEAN AIRLINES')}\r\n${row(306, 'BANCO', '"a.k.a. \'BNC\'."')}\r\n\x1a`,
      primary,
    );
    expect(rows).toEqual([
      { line: 1, fields: ['36', 'AEROCARIBBEAN AIRLINES', null, 'SDGT] [IRGC', null, null, null, null, null, null, null, null] },
      { line: 2, fields: ['306', 'BANCO', null, 'SDGT] [IRGC', null, null, null, null, null, null, null, "a.k.a. 'BNC'."] },
    ]);
  });

  it('keeps the spaces of a quoted field, as a remark cut at 1,000 characters may end with one', () => {
    const rows = parseOfacCsvText(file, '12300,"Gender "\r\n', { columns: 2, allowEmpty: false });
    expect(rows[0].fields[1]).toBe('Gender ');
  });

  it('accepts an empty file where it is allowed (cons_comments.csv of 2018-04-06 has 0 bytes)', () => {
    expect(parseOfacCsvText(file, '', { columns: 2, allowEmpty: true })).toEqual([]);
    expect(parseOfacCsvText(file, '\x1a', { columns: 2, allowEmpty: true })).toEqual([]);
  });

  it('falls back to csv-parse for CSV outside the plain dialect (doubled quotes, a newline inside quotes)', () => {
    const text = `1,"SAID ""THE TALL""",x\r\n\r\n2,"LINE\r\nBREAK",y\r\n3,"C",z\r\n`;
    expect(readOfacDialect(text)).toBeUndefined();
    expect(parseOfacCsvText(file, text, { columns: 3, allowEmpty: false })).toEqual([
      { line: 1, fields: ['1', 'SAID "THE TALL"', 'x'] },
      { line: 3, fields: ['2', 'LINE\nBREAK', 'y'] },
      { line: 5, fields: ['3', 'C', 'z'] },
    ]);
  });

  it('counts blank lines in the line numbers of the plain dialect too', () => {
    expect(readOfacDialect('1,"A"\r\n\r\n2,"B"\r\n')).toEqual([
      { line: 1, fields: ['1', 'A'] },
      { line: 3, fields: ['2', 'B'] },
    ]);
  });
});

describe('parseOfacCsvText: fatal problems name the file and the line', () => {
  it('a quote opened in the middle of the file and closed on a later line', () => {
    const e = parseError(() => parseOfacCsvText(file, `${row(1, 'A')}\r\n${row(2, 'B')}\r\n3,"BROKEN,-0- \r\n${row(4, 'D')}\r\n`, primary));
    expect(e.code).toBe('LIST_PARSE');
    expect(e.context).toMatchObject({ file: 'sdn.csv', line: 3 });
    expect(e.message).toMatch(/^sdn\.csv:3: broken CSV quoting in the record on this line/);
  });

  it('a quote that is never closed', () => {
    const e = parseError(() => parseOfacCsvText(file, `${row(1, 'A')}\r\n2,"BROKEN,-0- \r\n\x1a`, primary));
    expect(e.context).toMatchObject({ file: 'sdn.csv', line: 2 });
    expect(e.message).toMatch(/^sdn\.csv:2: quoted field is never closed/);
  });

  it('text after a closing quote', () => {
    const e = parseError(() => parseOfacCsvText(file, `${row(1, 'A')}\r\n2,"B"x,-0- \r\n`, primary));
    expect(e.context).toMatchObject({ file: 'sdn.csv', line: 2 });
    expect(e.message).toMatch(/^sdn\.csv:2: broken CSV quoting/);
  });

  it('an empty primary file', () => {
    const e = parseError(() => parseOfacCsvText(file, '\x1a', primary));
    expect(e.message).toMatch(/^sdn\.csv: file is empty/);
  });

  it('a record with the wrong number of fields', () => {
    const e = parseError(() => parseOfacCsvText(file, `${row(1, 'A')}\r\n2,"B",-0- \r\n`, primary));
    expect(e.message).toBe('sdn.csv:2: expected 12 fields, found 3');
  });

  it('a header row, which OFAC files do not have', () => {
    const e = parseError(() => parseOfacCsvText(file, 'ent_num,name\r\n1,"A"\r\n', { columns: 2, allowEmpty: false }));
    expect(e.message).toBe('sdn.csv:1: first field must be the numeric ent_num, found "ent_num"');
  });
});

describe('eachOfacCsvRow: the rows of the plain dialect one by one, as parseOfacCsvText reads them', () => {
  const each = (text: string, options = primary) => {
    const rows: OfacCsvRow[] = [];
    const read = eachOfacCsvRow(file, text, options, (r) => rows.push(r));
    return { read, rows };
  };

  it('hands over the rows parseOfacCsvText returns', () => {
    const text = `${row(1, 'A')}\r\n\r\n${row(2, 'B', '"DOB 1962."')}\r\n\x1a`;
    expect(each(text)).toEqual({ read: true, rows: parseOfacCsvText(file, text, primary) });
  });

  it('reads nothing from an empty file where that is allowed, and throws where it is not', () => {
    expect(each('\x1a', { columns: 2, allowEmpty: true })).toEqual({ read: true, rows: [] });
    expect(() => each('')).toThrow(/^sdn\.csv: file is empty/);
  });

  it('answers false for text outside the dialect, for the caller to read it with parseOfacCsvText', () => {
    expect(each(`1,"SAID ""THE TALL""",x\r\n`, { columns: 3, allowEmpty: false }).read).toBe(false);
  });

  it('throws the error parseOfacCsvText throws for a bad row, and hands over no row after it', () => {
    const text = `${row(1, 'A')}\r\n2,"B",-0- \r\n${row(3, 'C')}\r\n`;
    const rows: OfacCsvRow[] = [];
    expect(() => eachOfacCsvRow(file, text, primary, (r) => rows.push(r))).toThrow('sdn.csv:2: expected 12 fields, found 3');
    expect(rows.map((r) => r.line)).toEqual([1]);
  });

  it('leaves a bad row to csv-parse when a later line is outside the dialect, as its error comes first there', () => {
    const text = `${row(1, 'A')}\r\n2,"B",-0- \r\n3,"BROKEN,-0- \r\n`;
    expect(each(text).read).toBe(false);
    expect(parseError(() => parseOfacCsvText(file, text, primary)).message).toMatch(/^sdn\.csv:3: quoted field is never closed/);
  });
});

describe('readOfacCsv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-ofac-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects bytes that are not UTF-8, with the line they are on', async () => {
    const path = join(dir, 'sdn.csv');
    writeFileSync(path, Buffer.concat([Buffer.from(`${row(1, 'A')}\r\n2,"CAF`), Buffer.from([0xe9]), Buffer.from('",-0- \r\n')]));
    await expect(readOfacCsv(listFile(path, 'sdn.csv'), primary)).rejects.toMatchObject({
      code: 'LIST_PARSE',
      context: { file: 'sdn.csv', line: 2 },
    });
  });

  it('names a missing file', async () => {
    await expect(readOfacCsv(listFile(join(dir, 'absent.csv'), 'absent.csv'), primary)).rejects.toThrow(/^absent\.csv: cannot read file/);
  });
});

describe('the plain-dialect reader agrees with csv-parse on every real OFAC CSV file', () => {
  it.for([
    'ofac-sdn/2015-01-17/sdn.csv',
    'ofac-sdn/2018-01-26/sdn.csv',
    'ofac-sdn/2021-07-07/sdn.csv',
    'ofac-sdn/2021-07-07/add.csv',
    'ofac-sdn/2021-07-07/alt.csv',
    'ofac-sdn/2021-07-07/sdn_comments.csv',
    'ofac-sdn/2023-12-28/sdn.csv',
    'ofac-sdn/2023-12-28/add.csv',
    'ofac-sdn/2023-12-28/alt.csv',
    'ofac-sdn/2024-05-03/sdn.csv',
    'ofac-cons/2018-04-06/cons_prim.csv',
    'ofac-cons/2018-04-06/cons_add.csv',
    'ofac-cons/2018-04-06/cons_alt.csv',
    'ofac-cons/2025-12-19/cons_prim.csv',
    'ofac-cons/2025-12-19/cons_add.csv',
    'ofac-cons/2025-12-19/cons_alt.csv',
    'ofac-cons/2025-12-19/cons_comments.csv',
  ])('%s', (name, { skip }) => {
    if (!hasShared(name)) return skip();
    const body = stripDosEof(readFileSync(sharedList(name), 'utf8'));
    const fast = readOfacDialect(body);
    expect(fast).toBeDefined();
    const reference = (parse(body, { relax_column_count: true, skip_empty_lines: true }) as string[][]).map((fields) =>
      fields.map((f) => (f.trim() === '' || f.trim() === '-0-' ? null : f)),
    );
    expect(fast!.map((r) => r.fields)).toEqual(reference);
    expect(fast!.map((r) => r.line)).toEqual(reference.map((_, i) => i + 1));
  });
});
