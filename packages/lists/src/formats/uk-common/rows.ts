/**
 * @module formats/uk-common/rows
 * The HM Treasury / OFSI consolidated list as rows, whatever file it came in (the 2014 CSV or the ConList.xlsx):
 * row 1 holds "Last Updated" and the date, row 2 the column names, then one row per name variant of a
 * designation, all rows of one designation sharing its "Group ID". Columns differ between years (2014: "NI
 * Number"; 2025: "Passport Number", "National Identification Number", "Alias Quality", "Name Non-Latin
 * Script" …), so cells are looked up by column name.
 */
import { listParseError } from '@embargo/core';

export interface UkRow {
  /** Line of the CSV file or row number of the sheet, for messages. */
  line: number;
  /** Cell text by column name, cleaned by `cleanCell`; absent and empty cells are both ''. */
  cells: Readonly<Record<string, string>>;
}

/** The list as read from either file: its date and its data rows. */
export interface UkSheet {
  /** From the "Last Updated" row; null when its date cannot be read. */
  published: string | null;
  lastUpdatedText: string;
  rows: UkRow[];
}

/** Columns both layouts have and the mapping cannot do without. */
export const REQUIRED_COLUMNS = ['Name 6', 'Group Type', 'Alias Type', 'Regime', 'Group ID'] as const;

/** A cell's text ('' when empty or the column is absent). */
export function cell(row: UkRow, column: string): string {
  return row.cells[column] ?? '';
}

/** A cell as the readers store it: trimmed, inner whitespace (line breaks in the sheet) collapsed. */
export function cleanCell(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Throws LIST_PARSE naming the header line when a required column is missing. */
export function checkHeader(fileName: string, line: number, header: readonly string[]): void {
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    throw listParseError(
      fileName,
      line,
      `not an HMT/OFSI consolidated list header: missing column(s) ${missing.map((c) => `"${c}"`).join(', ')}`,
    );
  }
}

/**
 * "Last Updated" and its date (dd/mm/yyyy) from the first row → ISO date. A file that does not start with it
 * is not this list; a date that cannot be read gives null (the caller reports it).
 */
export function readLastUpdated(fileName: string, line: number, firstRow: readonly string[]): string | null {
  if ((firstRow[0] ?? '').trim().toLowerCase() !== 'last updated') {
    throw listParseError(fileName, line, `expected "Last Updated" in the first cell, found "${(firstRow[0] ?? '').slice(0, 40)}"`);
  }
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec((firstRow[1] ?? '').trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}
