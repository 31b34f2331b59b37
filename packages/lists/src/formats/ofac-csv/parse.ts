/**
 * @module formats/ofac-csv/parse
 * Parses one publication of OFAC's legacy CSV files (SDN: sdn.csv, add.csv, alt.csv, sdn_comments.csv;
 * consolidated: cons_prim.csv, cons_add.csv, cons_alt.csv, cons_comments.csv) into core entities.
 * @example
 *   const list = await parseOfacCsv({ source: 'ofac-sdn', primary: listFile('data/sdn.csv') });
 *   list.entities.find((e) => e.id === 'ofac:21736')?.caption // 'JANG, Sung Nam'
 */
import { EmbargoError, type Entity, type RecordIssue } from '@embargo/core';
import type { ListFile, ParsedList } from '../../format.js';
import { addOfacRemarks } from '../ofac-common/remarks.js';
import { resolveLinkedTo, type PendingLinks } from './linked-to.js';
import { addAddress, addAlias, COLUMNS, ofacRecordId, primaryEntity } from './mapping.js';
import { eachOfacCsvRow, parseOfacCsvText, readOfacCsvText, type OfacCsvRow, type ReadOptions } from './read-csv.js';

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
  const [primary, addresses, aliases, comments] = await Promise.all(
    [files.primary, files.addresses, files.aliases, files.comments].map((file) => (file ? readOfacCsvText(file) : undefined)),
  );
  const texts: PublicationTexts = { primary: primary!, addresses, aliases, comments };
  // Every OFAC file is in the plain dialect, read row by row; csv-parse reads the publication otherwise.
  return readPublication(files, texts, eachOfacCsvRow) ?? readPublication(files, texts, eachParsedRow)!;
}

interface PublicationTexts {
  primary: string;
  addresses?: string;
  aliases?: string;
  comments?: string;
}

/** Hands each checked row of a file to `onRow`; false when the file must be read another way. */
type EachRow = (file: ListFile, text: string, options: ReadOptions, onRow: (row: OfacCsvRow) => void) => boolean;

function eachParsedRow(file: ListFile, text: string, options: ReadOptions, onRow: (row: OfacCsvRow) => void): boolean {
  for (const row of parseOfacCsvText(file, text, options)) onRow(row);
  return true;
}

/** The publication read with `eachRow`, or undefined when one of its files must be read another way. */
function readPublication(files: OfacCsvFiles, texts: PublicationTexts, eachRow: EachRow): ParsedList | undefined {
  const issues: RecordIssue[] = [];
  const byId = new Map<string, Entity>();
  const remarks: { entity: Entity; line: number; text: string | null }[] = [];
  const primaryRead = eachRow(files.primary, texts.primary, { columns: COLUMNS.primary, allowEmpty: false }, (row) => {
    const { entity, remarks: text } = primaryEntity(row, files.source, files.primary.name, issues);
    if (byId.has(entity.id)) {
      issues.push({
        file: files.primary.name,
        line: row.line,
        recordId: entity.id,
        message: 'ent_num repeated; the later record is ignored',
      });
      return;
    }
    byId.set(entity.id, entity);
    remarks.push({ entity, line: row.line, text });
  });
  if (!primaryRead) return undefined;
  const attach = (file: ListFile | undefined, text: string | undefined, columns: number, add: AddRow): boolean =>
    !file || eachRow(file, text!, { columns, allowEmpty: true }, (row) => attachRow(row, file, files.primary, byId, issues, add));
  if (!attach(files.addresses, texts.addresses, COLUMNS.addresses, addAddress)) return undefined;
  if (!attach(files.aliases, texts.aliases, COLUMNS.aliases, addAlias)) return undefined;
  const continuations = new Map<string, string>();
  if (
    files.comments &&
    !eachRow(files.comments, texts.comments!, { columns: COLUMNS.comments, allowEmpty: true }, (row) => addContinuation(continuations, row))
  ) {
    return undefined;
  }
  const pending: PendingLinks[] = [];
  for (const { entity, line, text } of remarks) {
    const continuation = continuations.get(entity.id);
    continuations.delete(entity.id);
    const read = readRemarks(entity, files.primary.name, line, text, continuation);
    if (!read) continue;
    issues.push(...read.issues);
    if (read.linkedTo.length) pending.push({ from: entity.id, line, names: read.linkedTo });
  }
  for (const [id] of continuations) throw missingRecord(files.comments!.name, undefined, id, files.primary.name);
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
  return addOfacRemarks(entity, text, { file, line, recordId: entity.id, schema: entity.schema, truncated });
}

/** The comments file's text per record, several rows of one record joined in file order. */
function addContinuation(byId: Map<string, string>, { fields }: OfacCsvRow): void {
  const id = ofacRecordId(fields[0]!.trim());
  if (fields[1] !== null) byId.set(id, (byId.get(id) ?? '') + fields[1]);
}

type AddRow = (entity: Entity, row: OfacCsvRow, file: string, issues: RecordIssue[]) => void;

function attachRow(
  row: OfacCsvRow,
  file: ListFile,
  primary: ListFile,
  byId: ReadonlyMap<string, Entity>,
  issues: RecordIssue[],
  add: AddRow,
): void {
  const id = ofacRecordId(row.fields[0]!.trim());
  const entity = byId.get(id);
  if (!entity) throw missingRecord(file.name, row.line, id, primary.name);
  add(entity, row, file.name, issues);
}

/**
 * OFAC publishes the four files together from one database: an address, alias or remark of a record the
 * primary file does not list means the files are of different days, or the primary file was cut short at
 * a line break (which parses cleanly). Either way the publication is incomplete and must not go into force.
 */
function missingRecord(file: string, line: number | undefined, id: string, primary: string): EmbargoError {
  const where = line === undefined ? file : `${file}:${line}`;
  return new EmbargoError(
    'LIST_INCOMPLETE',
    `${where}: row for record ${id}, which ${primary} does not list (is ${primary} cut short, or from another day than ${file.split('/').pop()}?)`,
    { file, line, recordId: id },
  );
}
