/**
 * @module formats/ofac-csv/parse
 * Parses one publication of OFAC's legacy CSV files (SDN: sdn.csv, add.csv, alt.csv, sdn_comments.csv;
 * consolidated: cons_prim.csv, cons_add.csv, cons_alt.csv, cons_comments.csv) into core entities.
 * @example
 *   const list = await parseOfacCsv({ source: 'ofac-sdn', primary: listFile('data/sdn.csv') });
 *   list.entities.find((e) => e.id === 'ofac:21736')?.caption // 'JANG, Sung Nam'
 */
import { addStatement, type Entity, type PropertyName, type RecordIssue, type Statement } from '@embargo/core';
import type { ListFile, ParsedList } from '../../format.js';
import { parseOfacRemarks } from '../ofac-common/remarks.js';
import { resolveLinkedTo, type PendingLinks } from './linked-to.js';
import { addAddress, addAlias, COLUMNS, ofacRecordId, primaryEntity } from './mapping.js';
import { readOfacCsv, type OfacCsvRow } from './read-csv.js';

export interface OfacCsvFiles {
  source: 'ofac-sdn' | 'ofac-cons';
  /** sdn.csv or cons_prim.csv */
  primary: ListFile;
  /** add.csv or cons_add.csv */
  addresses?: ListFile;
  /** alt.csv or cons_alt.csv */
  aliases?: ListFile;
  /** sdn_comments.csv or cons_comments.csv: the remarks past 1,000 characters */
  comments?: ListFile;
}

/** OFAC cuts the Remarks field at 1,000 characters (cons_dat_spec.txt, "SPILLOVER FILES"). */
const REMARKS_LIMIT = 1000;

/** Reads the files of one publication; the legacy CSV files state no date, so `published` is null. */
export async function parseOfacCsv(files: OfacCsvFiles): Promise<ParsedList> {
  const [primaryRows, addressRows, aliasRows, commentRows] = await Promise.all([
    readOfacCsv(files.primary, { columns: COLUMNS.primary, allowEmpty: false }),
    optional(files.addresses, COLUMNS.addresses),
    optional(files.aliases, COLUMNS.aliases),
    optional(files.comments, COLUMNS.comments),
  ]);
  const issues: RecordIssue[] = [];
  const byId = new Map<string, Entity>();
  const remarks: { entity: Entity; line: number; text: string | null }[] = [];
  for (const row of primaryRows) {
    const { entity, remarks: text } = primaryEntity(row, files.source, files.primary.name, issues);
    if (byId.has(entity.id)) {
      issues.push({
        file: files.primary.name,
        line: row.line,
        recordId: entity.id,
        message: 'ent_num repeated; the later record is ignored',
      });
      continue;
    }
    byId.set(entity.id, entity);
    remarks.push({ entity, line: row.line, text });
  }
  attach(addressRows, files.addresses, byId, issues, addAddress);
  attach(aliasRows, files.aliases, byId, issues, addAlias);
  const continuations = remarkContinuations(commentRows);
  const pending: PendingLinks[] = [];
  for (const { entity, line, text } of remarks) {
    const continuation = continuations.get(entity.id);
    continuations.delete(entity.id);
    const read = readRemarks(entity, files.primary.name, line, text, continuation);
    if (!read) continue;
    issues.push(...read.issues);
    if (read.linkedTo.length) pending.push({ from: entity.id, line, names: read.linkedTo });
  }
  for (const [id] of continuations) {
    issues.push({ file: files.comments!.name, recordId: id, message: 'remarks continuation for a record not in the primary file' });
  }
  const entities = [...byId.values()];
  const links = resolveLinkedTo(entities, pending, files.primary.name);
  issues.push(...links.issues);
  return { format: 'ofac-csv', source: files.source, published: null, entities, relationships: links.relationships, issues };
}

/**
 * Reads a record's remarks into its properties. The continuation from the comments file goes on mid-word
 * ("…Linked To: PROMO RAI" + "Z S.A.S.; …"), so it is joined as is. Every complete remark ends with a period;
 * one of 1,000 characters that does not, and has no continuation, was cut.
 */
function readRemarks(entity: Entity, file: string, line: number, remarks: string | null, continuation?: string) {
  const text = (remarks ?? '') + (continuation ?? '');
  if (!text.trim()) return undefined;
  const truncated = continuation === undefined && text.length >= REMARKS_LIMIT && !text.trimEnd().endsWith('.');
  const read = parseOfacRemarks(text, { file, line, recordId: entity.id, schema: entity.schema, truncated });
  for (const [property, statements] of Object.entries(read.properties) as [PropertyName, Statement[]][]) {
    for (const st of statements) addStatement(entity, property, st);
  }
  return read;
}

function optional(file: ListFile | undefined, columns: number): Promise<OfacCsvRow[]> {
  return file ? readOfacCsv(file, { columns, allowEmpty: true }) : Promise.resolve([]);
}

/** The comments file's text per record, several rows of one record joined in file order. */
function remarkContinuations(rows: readonly OfacCsvRow[]): Map<string, string> {
  const byId = new Map<string, string>();
  for (const { fields } of rows) {
    const id = ofacRecordId(fields[0]!.trim());
    if (fields[1] !== null) byId.set(id, (byId.get(id) ?? '') + fields[1]);
  }
  return byId;
}

function attach(
  rows: readonly OfacCsvRow[],
  file: ListFile | undefined,
  byId: ReadonlyMap<string, Entity>,
  issues: RecordIssue[],
  add: (entity: Entity, row: OfacCsvRow, file: string, issues: RecordIssue[]) => void,
): void {
  for (const row of rows) {
    const id = ofacRecordId(row.fields[0]!.trim());
    const entity = byId.get(id);
    if (entity) add(entity, row, file!.name, issues);
    else issues.push({ file: file!.name, line: row.line, recordId: id, message: 'row for a record not in the primary file' });
  }
}
