/**
 * @module formats/uk-hmt-csv/read-csv
 * Reads HM Treasury's consolidated list CSV (sanctionsconlist.csv, the Asset Freezing Unit's layout before
 * OFSI): Windows-1252 (0x92 is a right single quote), CRLF, no newline after the last row. Line 1 is
 * "Last Updated,02/04/2014", line 2 the column names, then one row per name variant.
 */
import { listParseError, type EmbargoError } from '@embargo/core';
import { CsvError, parse } from 'csv-parse/sync';
import type { ListFile } from '../../format.js';
import { decodeWindows1252, readBytes } from '../../io.js';
import { checkHeader, cleanCell, readLastUpdated, type UkRow, type UkSheet } from '../uk-common/rows.js';

export async function readUkHmtCsv(file: ListFile): Promise<UkSheet> {
  const bytes = await readBytes(file);
  // A UTF-8 byte-order mark means a re-saved copy in UTF-8; HMT's own file is Windows-1252 and has none.
  const text =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3).toString('utf8') : decodeHmtWindows1252(bytes);
  return parseUkHmtCsvText(file, text);
}

// Windows-1252 letters at 0x80–0x9F; the five bytes it leaves undefined stay as the control characters.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1 control characters (0x92 → U+0092
 * instead of ’), so those are mapped to their Windows-1252 letters here. Idempotent: once `decodeWindows1252`
 * decodes them itself, nothing is left to map.
 */
export function decodeHmtWindows1252(bytes: Uint8Array): string {
  return decodeWindows1252(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

interface CsvRecord {
  line: number;
  fields: string[];
}

export function parseUkHmtCsvText(file: ListFile, text: string): UkSheet {
  if (!text.trim()) throw listParseError(file.name, undefined, 'file is empty');
  const records = parseRecords(file, text);
  const [first, header, ...body] = records;
  const published = readLastUpdated(file.name, first.line, first.fields);
  if (!header) throw listParseError(file.name, first.line + 1, 'no header row after "Last Updated"');
  const columns = header.fields.map((f) => f.trim());
  checkHeader(file.name, header.line, columns);
  const rows: UkRow[] = [];
  for (const record of body) {
    if (record.fields.every((f) => !f.trim())) continue;
    if (record.fields.length !== columns.length) {
      throw listParseError(file.name, record.line, `expected ${columns.length} fields as in the header, found ${record.fields.length}`);
    }
    const cells: Record<string, string> = {};
    columns.forEach((column, i) => (cells[column] = cleanCell(record.fields[i])));
    rows.push({ line: record.line, cells });
  }
  return { published, lastUpdatedText: first.fields[1] ?? '', rows };
}

function parseRecords(file: ListFile, text: string): CsvRecord[] {
  let lastLine = 0;
  try {
    return parse(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      // HMT escapes quotes inside a field it did not enclose in quotes: the 2014 file has the unquoted field
      // `In charge of counter-terrorist unit of the KGB ""Alpha"" unit` (group 12562). Such quotes are read as
      // text and the doubling undone below; a quoted field that is never closed is still an error.
      relax_quotes: true,
      on_record: (fields: string[], context): CsvRecord => {
        // A record starts on the line after the previous one ended (quoted fields may span lines).
        const record = { line: lastLine + 1, fields: fields.map((f) => f.replaceAll('""', '"')) };
        lastLine = context.lines;
        return record;
      },
    }) as CsvRecord[];
  } catch (e) {
    throw csvError(file, e, lastLine);
  }
}

function csvError(file: ListFile, e: unknown, lastLine: number): EmbargoError {
  if (!(e instanceof CsvError)) return listParseError(file.name, undefined, 'cannot parse CSV', e);
  // csv-parse reports an unclosed quote at the end of the input; it was opened in the record after the last one read.
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') return listParseError(file.name, lastLine + 1, 'quoted field is never closed', e);
  const line = (e as CsvError & { lines?: number }).lines;
  return listParseError(file.name, line, `broken CSV (${e.message.replace(/ at line \d+.*$/, '')})`, e);
}
