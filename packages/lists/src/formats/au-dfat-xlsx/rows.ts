/**
 * @module formats/au-dfat-xlsx/rows
 * The DFAT Consolidated List workbook as rows: row 1 names the columns (Reference, Name of Individual or Entity,
 * Type, Name Type, Date of Birth, Place of Birth, Citizenship, Address, Additional Information, Listing
 * Information, Committees, Control Date), then one row per name. The sheet ends with rows that hold only
 * formatting; they are not data. The workbook states its date only in docProps/core.xml (dcterms:modified).
 * @example readAuDfatXlsx(file, bytes).rows[0] // { line: 2, reference: '2', party: '2', cells: { Type: 'Individual', … } }
 */
import { listParseError } from '@embargo/core';
import type { ListFile } from '../../format.js';
import { readSharedStrings, readSheetRows } from '../uk-ofsi-xlsx/sheet-xml.js';
import { openXlsx } from '../uk-ofsi-xlsx/xlsx-package.js';

/** The columns DFAT publishes, in its order. A workbook without one of them is not this list. */
export const AU_COLUMNS = [
  'Reference',
  'Name of Individual or Entity',
  'Type',
  'Name Type',
  'Date of Birth',
  'Place of Birth',
  'Citizenship',
  'Address',
  'Additional Information',
  'Listing Information',
  'Committees',
  'Control Date',
] as const;
export type AuColumn = (typeof AU_COLUMNS)[number];

export interface AuRow {
  /** The sheet row number, for messages. */
  line: number;
  /** The row's own reference as written, trimmed ("2a", "1276c1"). */
  reference: string;
  /** The party's reference number: the leading digits, shared by all its rows ("2"). */
  party: string;
  /** Cell text by column, trimmed, with non-breaking spaces and line breaks made single spaces. */
  cells: Readonly<Record<AuColumn, string>>;
}

export interface AuSheet {
  /** dcterms:modified of docProps/core.xml as YYYY-MM-DD; null when the workbook has none. */
  published: string | null;
  /** Every row of the sheet Excel numbers, empty ones included (what a count of the file's rows means). */
  sheetRows: number;
  rows: AuRow[];
}

/**
 * A reference is a number, then for the party's other names letters and digits ("2a", "34c1"); DFAT
 * sometimes leaves a trailing space ("1140g ").
 */
const REFERENCE = /^(\d+)[a-z]*\d*$/;

/** Reads the first sheet; a header that is not DFAT's, or a reference that is not one, is refused with its row. */
export function readAuDfatXlsx(file: ListFile, bytes: Uint8Array): AuSheet {
  const parts = openXlsx(file, bytes);
  const sheetRows = readSheetRows(file, parts.sheetPath, parts.sheetXml, readSharedStrings(file, parts.sharedStringsXml));
  const [header, ...body] = sheetRows;
  if (!header) throw listParseError(file.name, undefined, `${parts.sheetPath} has no rows`);
  const columns = header.cells.map(cleanCell);
  const missing = AU_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    throw listParseError(
      file.name,
      header.number,
      `not the DFAT Consolidated List header: missing column(s) ${missing.map((c) => `"${c}"`).join(', ')}`,
    );
  const index = Object.fromEntries(AU_COLUMNS.map((c) => [c, columns.indexOf(c)])) as Record<AuColumn, number>;
  const rows: AuRow[] = [];
  for (const sheetRow of body) {
    const cells = Object.fromEntries(AU_COLUMNS.map((c) => [c, cleanCell(sheetRow.cells[index[c]] ?? '')])) as Record<AuColumn, string>;
    if (AU_COLUMNS.every((c) => cells[c] === '')) continue;
    const reference = cells.Reference;
    const party = REFERENCE.exec(reference)?.[1];
    if (!party)
      throw listParseError(file.name, sheetRow.number, `Reference "${reference}" is not a DFAT reference number (digits, then letters)`);
    if (!cells['Name of Individual or Entity'])
      throw listParseError(file.name, sheetRow.number, `row ${reference} has no "Name of Individual or Entity"`);
    rows.push({ line: sheetRow.number, reference, party, cells });
  }
  if (rows.length === 0)
    throw listParseError(file.name, header.number, 'the sheet has a header but no rows: the file is cut short or empty');
  return { published: modifiedDate(parts.corePropertiesXml), sheetRows: sheetRows.length, rows };
}

/** Trimmed, with non-breaking spaces and line breaks (DFAT's cells have both) made single spaces. */
function cleanCell(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** `<dcterms:modified xsi:type="dcterms:W3CDTF">2024-11-11T01:01:21Z</dcterms:modified>` → 2024-11-11. */
function modifiedDate(xml: string | undefined): string | null {
  return /<dcterms:modified[^>]*>\s*(\d{4}-\d{2}-\d{2})/.exec(xml ?? '')?.[1] ?? null;
}
