/**
 * The DFAT workbook's quirks on hand-made sheets: how dates, names and references are written, and the files
 * that must be refused (not DFAT's header, a reference that is not one, a workbook cut short) with file and row.
 */
import { isEmbargoError, values } from '@embargo/core';
import { strToU8, zipSync } from 'fflate';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { hasSharedMore, sharedMoreList } from '../../../../../test/shared-data.js';
import { listFile } from '../../io.js';
import { parseAuDfatXlsx, readAuDates } from './index.js';
import { AU_COLUMNS } from './rows.js';

const dir = mkdtempSync(join(tmpdir(), 'embargo-au-'));
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const HEADER = AU_COLUMNS;
const COLUMNS = 'ABCDEFGHIJKL';
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const row = (n: number, cells: readonly string[]) =>
  `<row r="${n}">${cells.map((c, i) => (c ? `<c r="${COLUMNS[i]}${n}" t="inlineStr"><is><t>${escape(c)}</t></is></c>` : '')).join('')}</row>`;

let count = 0;
function workbook(rows: readonly (readonly string[])[], header: readonly string[] = HEADER) {
  const sheet = `<worksheet ${NS}><sheetData>${[header, ...rows].map((cells, i) => row(i + 1, cells)).join('')}</sheetData></worksheet>`;
  const core =
    '<cp:coreProperties xmlns:cp="x" xmlns:dcterms="y"><dcterms:modified>2024-11-11T01:01:21Z</dcterms:modified></cp:coreProperties>';
  const path = join(dir, `case-${++count}.xlsx`);
  writeFileSync(path, zipSync({ 'xl/worksheets/sheet1.xml': strToU8(sheet), 'docProps/core.xml': strToU8(core) }));
  return listFile(path, `cases/regulation8_consolidated-${count}.xlsx`);
}

/** A row of one party: reference, name, type, name type, then the other columns by name. */
function party(reference: string, name: string, type: string, nameType: string, more: Partial<Record<string, string>> = {}): string[] {
  return HEADER.map((column, i) => [reference, name, type, nameType][i] ?? more[column] ?? '');
}

async function refusal(file: ReturnType<typeof workbook>): Promise<string> {
  try {
    await parseAuDfatXlsx(file);
  } catch (e) {
    expect(isEmbargoError(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error('expected the workbook to be refused');
}

describe('dates of birth as DFAT writes them', () => {
  test.each([
    { why: 'an Excel date cell holds a day count', cell: '20427', expect: [{ value: '1955-12-04' }] },
    { why: 'a bare year is a year, not a day count', cell: '1960', expect: [{ value: '1960' }] },
    { why: 'day/month/year', cell: ' 19/08/1974', expect: [{ value: '1974-08-19', original: '19/08/1974' }] },
    {
      why: 'lettered items, each read on its own',
      cell: 'a) 1 Jan. 1964 b) 1959',
      expect: [{ value: '1964-01-01', original: '1 Jan. 1964' }, { value: '1959' }],
    },
    {
      why: 'an approximate range with a stray space',
      cell: 'Approximately 1955- 1958',
      expect: [{ value: '1955', until: '1958', approximate: true, original: 'Approximately 1955- 1958' }],
    },
    {
      why: '"Between … and …"',
      cell: 'Between 1975 and 1979',
      expect: [{ value: '1975', until: '1979', original: 'Between 1975 and 1979' }],
    },
    {
      why: '"; alt DOB:" separates dates',
      cell: '21/09/1964; alt DOB: 1962',
      expect: [{ value: '1964-09-21', original: '21/09/1964' }, { value: '1962' }],
    },
    {
      why: '">>" separates dates',
      cell: '14 Mar 1974 >> 1 Aug 1970',
      expect: [
        { value: '1974-03-14', original: '14 Mar 1974' },
        { value: '1970-08-01', original: '1 Aug 1970' },
      ],
    },
    {
      why: 'a remark on a date becomes its note',
      cell: '3 March 1979 (from false passport)',
      expect: [{ value: '1979-03-03', note: 'from false passport', original: '3 March 1979 (from false passport)' }],
    },
    { why: '"c." is circa', cell: 'c. 1962', expect: [{ value: '1962', approximate: true, original: 'c. 1962' }] },
    { why: '"na" is no date', cell: 'na', expect: [] },
    { why: 'a Hijri date is not read as a Gregorian one', cell: '24/06/1402 (Hijri Calendar)', expect: [] },
  ])('$why', ({ cell, expect: dates }) => {
    expect(readAuDates(cell).dates).toEqual(dates);
  });

  test('an item with a year but no reading keeps the year and is reported as unread', () => {
    expect(readAuDates('15 May 1968 (as Yasir) 1970 (as Ali)')).toEqual({
      dates: [{ value: '1968', original: '15 May 1968 (as Yasir) 1970 (as Ali)' }],
      unread: ['15 May 1968 (as Yasir) 1970 (as Ali)'],
    });
  });
});

describe('parties on hand-made sheets', () => {
  test('rows sharing a reference are one party, whatever the case and spaces of Type and Name Type', async () => {
    const list = await parseAuDfatXlsx(
      workbook([
        party('7', 'ALPHA ONE', 'Individual ', 'Primary Name ', {
          'Date of Birth': '20427',
          Citizenship: 'a) Russian b) Bosnia and Herzegovina',
        }),
        party('7a', 'Alfa Uno', 'individual', 'aka', { 'Date of Birth': '20427', Citizenship: 'a) Russian b) Bosnia and Herzegovina' }),
        party('7b', 'Альфа', 'Individual', 'original script'),
        party('7c', 'OLD ALPHA', 'Individual', 'Formerly known as'),
        party('8', 'BETA LLC', 'Entity', 'Primary Name', { Address: 'a) 1 Main St, Tehran, Iran b) NA', 'Control Date': '45607' }),
      ]),
    );
    expect(list.published).toBe('2024-11-11');
    const [alpha, beta] = list.entities;
    expect([alpha.id, alpha.schema, alpha.caption]).toEqual(['au:7', 'Person', 'ALPHA ONE']);
    expect(alpha.properties.alias).toEqual([{ value: 'Alfa Uno' }, { value: 'Альфа', script: 'Cyrl' }]);
    expect(values(alpha, 'previousName')).toEqual(['OLD ALPHA']);
    expect(values(alpha, 'birthDate')).toEqual(['1955-12-04']);
    expect(values(alpha, 'nationality')).toEqual(['RU', 'BA']);
    expect([beta.id, beta.schema]).toEqual(['au:8', 'Organization']);
    expect(beta.properties.address).toEqual([{ value: '1 Main St, Tehran, Iran', country: 'IR' }]);
    expect(values(beta, 'modifiedAt')).toEqual(['2024-11-11']);
    expect(list.issues).toEqual([]);
  });

  test('a party without a primary name, an unknown Type or Name Type: reported, still read', async () => {
    const list = await parseAuDfatXlsx(workbook([party('9', 'GAMMA', 'Vessel', 'aka'), party('9a', 'GAMMA TWO', 'Vessel', 'Weak alias')]));
    expect(list.entities.map((e) => [e.id, e.schema, e.caption])).toEqual([['au:9', 'LegalEntity', 'GAMMA']]);
    expect(list.issues.map((i) => [i.line, i.field, i.message])).toEqual([
      [2, 'Name Type', 'party has no "Primary Name" row; its first name is taken'],
      [2, 'Type', 'unknown Type "Vessel"; read as a legal entity'],
      [3, 'Name Type', 'unknown Name Type "Weak alias"; read as an alias'],
    ]);
  });
});

describe('refusals name the file and the row', () => {
  test('a header that is not DFAT’s', async () => {
    const message = await refusal(workbook([party('1', 'X', 'Entity', 'Primary Name')], ['Group ID', ...HEADER.slice(1)]));
    expect(message).toMatch(
      /^cases\/regulation8_consolidated-\d+\.xlsx:1: not the DFAT Consolidated List header: missing column\(s\) "Reference"$/,
    );
  });

  test('a reference that is not a DFAT reference number', async () => {
    const message = await refusal(workbook([party('1', 'X', 'Entity', 'Primary Name'), party('1-b', 'Y', 'Entity', 'aka')]));
    expect(message).toMatch(/^cases\/regulation8_consolidated-\d+\.xlsx:3: Reference "1-b" is not a DFAT reference number/);
  });

  test('a row without a name', async () => {
    const message = await refusal(workbook([party('1', '', 'Entity', 'Primary Name')]));
    expect(message).toMatch(/:2: row 1 has no "Name of Individual or Entity"$/);
  });

  test('a header and no rows', async () => {
    expect(await refusal(workbook([]))).toMatch(/:1: the sheet has a header but no rows/);
  });

  test.skipIf(!hasSharedMore('au-dfat/2024-11-11/regulation8_consolidated.xlsx'))('the real workbook cut in half', async () => {
    const bytes = readFileSync(sharedMoreList('au-dfat/2024-11-11/regulation8_consolidated.xlsx'));
    const path = join(dir, 'regulation8_consolidated.xlsx');
    writeFileSync(path, bytes.subarray(0, bytes.length >> 1));
    const message = await refusal(listFile(path, 'au-dfat/2024-11-11/regulation8_consolidated.xlsx'));
    expect(message).toMatch(/^au-dfat\/2024-11-11\/regulation8_consolidated\.xlsx: .*(zip|archive|central directory)/i);
  });
});
