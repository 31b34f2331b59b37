import { isEmbargoError } from '@embargo/core';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { listFile } from '../../io.js';
import { readUkOfsiXlsx } from './parse.js';
import { columnIndex } from './sheet-xml.js';

const file = listFile('/dev/null', 'cases/ConList.xlsx');
const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const workbookXml = `<workbook ${NS}><sheets><sheet name="Data" sheetId="1" r:id="rId7"/></sheets></workbook>`;
const relsXml = (target: string) =>
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${target}"/></Relationships>`;
const sharedStringsXml = (strings: string[]) => `<sst ${NS}>${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`;
const sheetXml = (rows: string) =>
  `\ufeff<?xml version="1.0" encoding="utf-8"?><worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`;
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

function xlsx(members: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(members).map(([k, v]) => [k, strToU8(v)])));
}

// Row 1: date; row 2: header in another column order than OFSI's; data rows with gaps, shared and inline strings.
const HEADER = ['Group ID', 'Regime', 'Alias Type', 'Group Type', 'Name 1', 'Name 6'];
const goodSheet = sheetXml(
  `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
    `<row r="2">${HEADER.map((h, i) => inline(`${'ABCDEF'[i]}2`, h)).join('')}</row>` +
    `<row r="3">${inline('A3', '13530')}<c r="B3" t="s"><v>2</v></c>${inline('C3', 'Primary name')}${inline('D3', 'Individual')}${inline('E3', 'JANG')}${inline('F3', 'SUNG NAM')}</row>` +
    // E4 (Name 1) left out; a style-only cell as OFSI writes empty DOBs.
    `<row r="4">${inline('A4', '13530')}<c r="B4" t="s"><v>2</v></c>${inline('C4', 'AKA')}${inline('D4', 'Individual')}<c r="E4" s="1"/>${inline('F4', 'JANG SUNG NAM')}</row>`,
);

function error(bytes: Uint8Array): Error {
  try {
    readUkOfsiXlsx(file, bytes);
  } catch (e) {
    expect(isEmbargoError(e)).toBe(true);
    return e as Error;
  }
  throw new Error('expected a parse error');
}

describe('readUkOfsiXlsx on hand-made workbooks', () => {
  test('finds the sheet through the workbook relationships, reads shared and inline strings, maps columns by name', () => {
    const sheet = readUkOfsiXlsx(
      file,
      xlsx({
        'xl/workbook.xml': workbookXml,
        'xl/_rels/workbook.xml.rels': relsXml('worksheets/data.xml'),
        'xl/sharedStrings.xml': sharedStringsXml(['Last Updated', '14/04/2025', "Democratic People's Republic of Korea"]),
        'xl/worksheets/data.xml': goodSheet,
      }),
    );
    expect(sheet.published).toBe('2025-04-14');
    expect(sheet.rows).toEqual([
      {
        line: 3,
        cells: {
          'Group ID': '13530',
          Regime: "Democratic People's Republic of Korea",
          'Alias Type': 'Primary name',
          'Group Type': 'Individual',
          'Name 1': 'JANG',
          'Name 6': 'SUNG NAM',
        },
      },
      {
        line: 4,
        cells: {
          'Group ID': '13530',
          Regime: "Democratic People's Republic of Korea",
          'Alias Type': 'AKA',
          'Group Type': 'Individual',
          'Name 1': '',
          'Name 6': 'JANG SUNG NAM',
        },
      },
    ]);
  });

  test('an absolute relationship target and a date written as an Excel serial', () => {
    const sheet = readUkOfsiXlsx(
      file,
      xlsx({
        'xl/workbook.xml': workbookXml,
        'xl/_rels/workbook.xml.rels': relsXml('/xl/worksheets/sheet9.xml'),
        'xl/worksheets/sheet9.xml': sheetXml(
          `<row r="1">${inline('A1', 'Last Updated')}<c r="B1"><v>45761</v></c></row><row r="2">${HEADER.map((h, i) => inline(`${'ABCDEF'[i]}2`, h)).join('')}</row>`,
        ),
      }),
    );
    expect(sheet).toEqual({ published: '2025-04-14', lastUpdatedText: '14/04/2025', rows: [] });
  });

  test('a file that is not a zip archive', () => {
    expect(error(strToU8('Last Updated,14/04/2025\r\n')).message).toBe(
      'cases/ConList.xlsx: not an .xlsx workbook (the file is not a zip archive)',
    );
  });

  test('an empty file', () => {
    expect(error(new Uint8Array()).message).toBe('cases/ConList.xlsx: file is empty');
  });

  test('a zip that is cut short', () => {
    const bytes = xlsx({ 'xl/worksheets/sheet1.xml': goodSheet });
    expect(error(bytes.subarray(0, bytes.length - 30)).message).toMatch(/^cases\/ConList\.xlsx: zip archive is corrupt or truncated/);
  });

  test('a workbook without the sheet its relationships name', () => {
    const bytes = xlsx({
      'xl/workbook.xml': workbookXml,
      'xl/_rels/workbook.xml.rels': relsXml('worksheets/sheet1.xml'),
      'xl/styles.xml': '<styleSheet/>',
    });
    expect(error(bytes).message).toBe('cases/ConList.xlsx: the workbook has no worksheet xl/worksheets/sheet1.xml');
  });

  test('malformed sheet XML names the part, line and column', () => {
    const bytes = xlsx({ 'xl/worksheets/sheet1.xml': sheetXml('<row r="1">\n<c r="A1"><v>1</v></row>') });
    expect(error(bytes).message).toMatch(/^cases\/ConList\.xlsx: xl\/worksheets\/sheet1\.xml is malformed at line 2, column \d+: /);
  });

  test('a shared string index past the end of the table names the row', () => {
    const bytes = xlsx({
      'xl/sharedStrings.xml': sharedStringsXml(['Last Updated']),
      'xl/worksheets/sheet1.xml': sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>5</v></c></row>'),
    });
    expect(error(bytes).message).toBe('cases/ConList.xlsx:1: cell B1 refers to shared string "5", but the workbook has 1');
  });

  test('a sheet that is not the consolidated list', () => {
    const bytes = xlsx({ 'xl/worksheets/sheet1.xml': sheetXml(`<row r="1">${inline('A1', 'Name')}</row>`) });
    expect(error(bytes).message).toBe('cases/ConList.xlsx:1: expected "Last Updated" in the first cell, found "Name"');
  });
});

test.each([
  ['A1', 0],
  ['Z9', 25],
  ['AA3', 26],
  ['AJ18800', 35],
])('columnIndex(%s) = %i', (ref, index) => {
  expect(columnIndex(ref)).toBe(index);
});
