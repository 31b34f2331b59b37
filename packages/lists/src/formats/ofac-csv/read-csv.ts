/**
 * @module formats/ofac-csv/read-csv
 * Reads one of OFAC's legacy CSV files into rows of fields: no header row, CRLF, a DOS end-of-file byte
 * (0x1A) after the last record, and "-0-" (written "-0- ", with a space) as the null value of every field
 * (cons_dat_spec.txt: "Null values for all four formats consist of -0-").
 */
import { listParseError, type EmbargoError } from '@embargo/core';
import { CsvError, parse } from 'csv-parse/sync';
import type { ListFile } from '../../format.js';
import { decodeUtf8Strict, readBytes, stripDosEof } from '../../io.js';

/** One record of an OFAC CSV file, with the line it is on for messages. */
export interface OfacCsvRow {
  line: number;
  /**
   * The fields as written, null where OFAC wrote its "-0-" null marker or nothing. Not trimmed: a remark cut
   * at 1,000 characters may end with the space before its continuation in the comments file.
   */
  fields: (string | null)[];
}

export interface ReadOptions {
  /** Columns every record must have (12 in sdn.csv, 6 in add.csv, 5 in alt.csv, 2 in sdn_comments.csv). */
  columns: number;
  /** A 0-byte file is a valid publication of this file (cons_comments.csv of 2018-04-06 is empty). */
  allowEmpty: boolean;
}

/** Reads and parses a file; every fatal problem is a LIST_PARSE error naming the file and line. */
export async function readOfacCsv(file: ListFile, options: ReadOptions): Promise<OfacCsvRow[]> {
  return parseOfacCsvText(file, await readOfacCsvText(file), options);
}

/** The text of one file, decoded strictly as UTF-8. */
export async function readOfacCsvText(file: ListFile): Promise<string> {
  return decodeUtf8Strict(file, await readBytes(file));
}

/**
 * Parses the text of one file. The first field of every record is OFAC's integer ent_num, which also tells
 * a wrong file (a header row, another format) from an OFAC file.
 */
export function parseOfacCsvText(file: ListFile, text: string, options: ReadOptions): OfacCsvRow[] {
  const body = stripDosEof(text);
  if (isEmpty(file, body, options)) return [];
  const records = readOfacDialect(body) ?? readAnyCsv(file, body);
  for (const row of records) {
    const problem = rowProblem(file, row, options);
    if (problem) throw problem;
  }
  return records;
}

/**
 * Hands each row of one file's text to `onRow` as soon as it is split and checked, as `parseOfacCsvText`
 * checks it: rows that die young cost the garbage collector nothing, where the 50,000 rows of sdn.csv,
 * add.csv and alt.csv, kept until the publication was read, were copied by every collection (7% of the CPU
 * time of an SDN + UN load, and 35 MB of peak memory). Returns false when the text
 * is not in OFAC's dialect, having perhaps handed over some rows already: the caller then starts again
 * with `parseOfacCsvText`, which reads it with csv-parse.
 */
export function eachOfacCsvRow(file: ListFile, text: string, options: ReadOptions, onRow: (row: OfacCsvRow) => void): boolean {
  const body = stripDosEof(text);
  if (isEmpty(file, body, options)) return true;
  let problem: EmbargoError | undefined;
  const inDialect = splitOfacDialect(body, (row) => {
    // After a bad row the rest is still split: outside the dialect, csv-parse has the first word.
    problem ??= rowProblem(file, row, options);
    if (!problem) onRow(row);
  });
  if (inDialect && problem) throw problem;
  return inDialect;
}

/** Whether the file has no records, which only some files may (the error otherwise). */
function isEmpty(file: ListFile, body: string, options: ReadOptions): boolean {
  if (body.trim()) return false;
  if (options.allowEmpty) return true;
  throw listParseError(file.name, undefined, 'file is empty; an OFAC primary file has at least one record');
}

function rowProblem(file: ListFile, row: OfacCsvRow, options: ReadOptions): EmbargoError | undefined {
  if (row.fields.length !== options.columns) {
    return listParseError(file.name, row.line, `expected ${options.columns} fields, found ${row.fields.length}`);
  }
  if (!ENT_NUM.test(row.fields[0]?.trim() ?? '')) {
    return listParseError(file.name, row.line, `first field must be the numeric ent_num, found "${row.fields[0] ?? ''}"`);
  }
  return undefined;
}

const ENT_NUM = /^\d+$/;

/**
 * csv-parse reads the files that are not in the plain dialect below; it is exact but allocates a buffer slice
 * per field, several times slower on a 3.5 MB sdn.csv. Line ends are made LF first, because csv-parse counts
 * a CRLF inside quotes as two lines.
 */
function readAnyCsv(file: ListFile, crlfBody: string): OfacCsvRow[] {
  const body = crlfBody.replace(/\r\n/g, '\n');
  const lines = body.split('\n');
  // csv-parse tells where a record ends; a record starts on the first non-empty line after the previous one.
  let lastEnd = 0;
  const nextStart = () => {
    let line = lastEnd + 1;
    while (line < lines.length && lines[line - 1] === '') line++;
    return line;
  };
  try {
    return parse(body, {
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], context): OfacCsvRow => {
        const line = nextStart();
        lastEnd = context.lines;
        return { line, fields: record.map(nullable) };
      },
    }) as OfacCsvRow[];
  } catch (e) {
    // Every OFAC record is on one line, so the broken one starts after the last record read, even when
    // csv-parse notices only later (an unclosed quote is reported at the end of the file).
    throw csvError(file, e, nextStart());
  }
}

/**
 * The dialect every OFAC CSV file is written in: one record per CRLF line, each field either quoted with no
 * quote inside ("CUBA") or bare with no quote at all (ent_num, "-0- "). Read with indexOf; returns undefined
 * at the first line outside the dialect, and the caller hands the whole text to csv-parse instead.
 */
export function readOfacDialect(body: string): OfacCsvRow[] | undefined {
  const rows: OfacCsvRow[] = [];
  return splitOfacDialect(body, (row) => void rows.push(row)) ? rows : undefined;
}

/** Hands the rows of `body` to `onRow` in file order; false at the first line outside the dialect. */
function splitOfacDialect(body: string, onRow: (row: OfacCsvRow) => void): boolean {
  const firstCr = body.indexOf('\r');
  if (firstCr >= 0 && body.charCodeAt(firstCr + 1) !== LF) return false; // CR-only line ends
  let line = 0;
  for (let start = 0; start < body.length;) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    line++;
    const stop = end > start && body.charCodeAt(end - 1) === CR ? end - 1 : end;
    if (stop > start) {
      const fields = splitDialectLine(body, start, stop);
      if (!fields) return false;
      onRow({ line, fields });
    }
    start = end + 1;
  }
  return true;
}

const CR = 13;
const LF = 10;
const QUOTE = 34;
const COMMA = 44;

function splitDialectLine(text: string, start: number, stop: number): (string | null)[] | undefined {
  const fields: (string | null)[] = [];
  for (let i = start; ; i++) {
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      const close = text.indexOf('"', i + 1);
      if (close < 0 || close >= stop) return undefined;
      value = text.slice(i + 1, close);
      i = close + 1;
      if (i < stop && text.charCodeAt(i) !== COMMA) return undefined;
    } else {
      let comma = text.indexOf(',', i);
      if (comma < 0 || comma > stop) comma = stop;
      value = text.slice(i, comma);
      if (value.includes('"')) return undefined;
      i = comma;
    }
    fields.push(nullable(value));
    if (i >= stop) return fields;
  }
}

function nullable(field: string): string | null {
  if (field === '-0- ') return null;
  const value = field.trim();
  return value === '' || value === '-0-' ? null : field;
}

function csvError(file: ListFile, e: unknown, line: number) {
  if (!(e instanceof CsvError)) return listParseError(file.name, undefined, 'cannot parse CSV', e);
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') return listParseError(file.name, line, 'quoted field is never closed', e);
  return listParseError(file.name, line, `broken CSV quoting in the record on this line (${e.message.replace(/ at line \d+.*$/, '')})`, e);
}
