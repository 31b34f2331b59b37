/**
 * @module formats/au-dfat-xlsx/parse
 * Parses DFAT's Consolidated List workbook into one entity per party, and the UN records their remarks name
 * into relationships (un-references.ts). Messages give the sheet row as the line.
 * @example
 *   const list = await parseAuDfatXlsx(listFile('au-dfat/2024-11-11/regulation8_consolidated.xlsx'));
 *   list.entities.length // 3062
 */
import type { RecordIssue } from '@embargo/core';
import type { ListFile, ParsedList } from '../../format.js';
import { readBytes } from '../../io.js';
import { groupParties, mapAuParty } from './mapping.js';
import { readAuDfatXlsx } from './rows.js';
import { auUnReferences } from './un-references.js';

export async function parseAuDfatXlsx(file: ListFile): Promise<ParsedList> {
  const sheet = readAuDfatXlsx(file, await readBytes(file));
  const issues: RecordIssue[] = [];
  if (!sheet.published) issues.push({ file: file.name, field: 'docProps/core.xml', message: 'the workbook states no modification date' });
  const entities = groupParties(sheet.rows).map((rows) => mapAuParty(rows, file.name, issues));
  return {
    format: 'au-dfat-xlsx',
    source: 'au-dfat',
    published: sheet.published,
    entities,
    relationships: auUnReferences(entities),
    issues,
  };
}
