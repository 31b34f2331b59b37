/**
 * @module formats/uk-hmt-csv/parse
 * Parses HM Treasury's consolidated list CSV into core entities, one per Group ID.
 * @example
 *   const list = await parseUkHmtCsv(listFile('uk-hmt-conlist/2014-04-02/sanctionsconlist.csv'));
 *   list.published // '2014-04-02'
 */
import type { RecordIssue } from '@embargo/core';
import type { ListFile, ParsedList } from '../../format.js';
import { mapUkRows } from '../uk-common/mapping.js';
import { readUkHmtCsv } from './read-csv.js';
import { ukParentLinks } from '../uk-common/parent-links.js';

export async function parseUkHmtCsv(file: ListFile): Promise<ParsedList> {
  const sheet = await readUkHmtCsv(file);
  const issues: RecordIssue[] = [];
  if (!sheet.published)
    issues.push({ file: file.name, line: 1, field: 'Last Updated', raw: sheet.lastUpdatedText, message: 'cannot read the list date' });
  const entities = mapUkRows(sheet.rows, file.name, issues);
  return { format: 'uk-hmt-csv', source: 'uk-hmt', published: sheet.published, entities, relationships: ukParentLinks(entities), issues };
}
