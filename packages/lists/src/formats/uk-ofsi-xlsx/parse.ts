/**
 * @module formats/uk-ofsi-xlsx/parse
 * Parses OFSI's Consolidated List of Financial Sanctions Targets as a workbook (ConList.xlsx): one sheet,
 * row 1 "Last Updated" | "14/04/2025", row 2 the column names, then one row per name variant, grouped by
 * "Group ID" into one entity each, mapped like the CSV (uk-common). Messages give the sheet row as the line.
 * @example
 *   const list = await parseUkOfsiXlsx(listFile('uk-hmt-conlist/2025-04-14/ConList.xlsx'));
 *   list.published // '2025-04-14'
 */
import { listParseError, type RecordIssue } from '@embargo/core';
import type { ListFile, ParsedList } from '../../format.js';
import { readBytes } from '../../io.js';
import { mapUkRows } from '../uk-common/mapping.js';
import { checkHeader, cleanCell, readLastUpdated, type UkRow, type UkSheet } from '../uk-common/rows.js';
import { openXlsx } from './xlsx-package.js';
import { readSharedStrings, readSheetRows } from './sheet-xml.js';
import { ukParentLinks } from '../uk-common/parent-links.js';

export async function parseUkOfsiXlsx(file: ListFile): Promise<ParsedList> {
  const sheet = readUkOfsiXlsx(file, await readBytes(file));
  const issues: RecordIssue[] = [];
  if (!sheet.published)
    issues.push({ file: file.name, line: 1, field: 'Last Updated', raw: sheet.lastUpdatedText, message: 'cannot read the list date' });
  const entities = mapUkRows(sheet.rows, file.name, issues);
  return { format: 'uk-ofsi-xlsx', source: 'uk-hmt', published: sheet.published, entities, relationships: ukParentLinks(entities), issues };
}

/** The workbook's first sheet as HMT rows. */
export function readUkOfsiXlsx(file: ListFile, bytes: Uint8Array): UkSheet {
  const parts = openXlsx(file, bytes);
  const sheetRows = readSheetRows(file, parts.sheetPath, parts.sheetXml, readSharedStrings(file, parts.sharedStringsXml));
  const [first, header, ...body] = sheetRows;
  if (!first) throw listParseError(file.name, undefined, `${parts.sheetPath} has no rows`);
  const lastUpdatedText = excelSerialToText(first.cells[1] ?? '');
  const published = readLastUpdated(file.name, first.number, [first.cells[0] ?? '', lastUpdatedText]);
  if (!header) throw listParseError(file.name, first.number + 1, 'no header row after "Last Updated"');
  const columns = header.cells.map((c) => c.trim());
  checkHeader(file.name, header.number, columns);
  const rows: UkRow[] = [];
  for (const sheetRow of body) {
    if (sheetRow.cells.every((c) => !c.trim())) continue;
    if (sheetRow.cells.length > columns.length && sheetRow.cells.slice(columns.length).some((c) => c.trim())) {
      throw listParseError(file.name, sheetRow.number, `row has values beyond the ${columns.length} named columns`);
    }
    const cells: Record<string, string> = {};
    columns.forEach((column, i) => (cells[column] = cleanCell(sheetRow.cells[i] ?? '')));
    rows.push({ line: sheetRow.number, cells });
  }
  return { published, lastUpdatedText, rows };
}

/**
 * OFSI writes the date as text ("14/04/2025"); a copy re-saved by Excel may hold a date serial instead
 * (days since 1899-12-30), which is turned back into dd/mm/yyyy.
 */
function excelSerialToText(value: string): string {
  if (!/^\d{5}(\.\d+)?$/.test(value.trim())) return value;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(value)) * 86_400_000);
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${date.getUTCFullYear()}`;
}
