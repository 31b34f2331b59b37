/**
 * @module jobs/results-csv
 * A batch job's results as CSV (`GET /v1/jobs/:id/results?format=csv`), for the people who open them in a
 * spreadsheet: a header row, then one row per party and match (a party without matches has one row with
 * the match columns empty), in submission order. Fields are quoted as RFC 4180 says (a field holding a
 * comma, a quote, a line break or surrounding spaces is put in double quotes, its quotes doubled), lines
 * end in CRLF, and a text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR
 * first) gets a leading apostrophe, as OWASP's "CSV injection" advice has it: names in the lists and in
 * the caller's file are text, never formulas.
 */
import type { BatchResult } from './batch-result.js';

export const RESULT_CSV_COLUMNS = [
  'index',
  'customerKey',
  'name',
  'alerted',
  'matchId',
  'matchCaption',
  'matchSchema',
  'matchSource',
  'score',
  'alert',
  'suppressed',
] as const;

/** Characters that start a formula in Excel, LibreOffice and Google Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One text field as CSV: neutralised if it would start a formula, quoted when it must be. */
export function csvText(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number or boolean as CSV (never quoted, never a formula); '' for none. */
const csvValue = (value: number | boolean | null | undefined): string => (value === null || value === undefined ? '' : String(value));

export const resultCsvHeader = (): string => RESULT_CSV_COLUMNS.join(',') + '\r\n';

/**
 * The CSV lines of one party's result, with the name it was submitted with.
 * @example resultCsvLines({ index: 0, customerKey: 'k-1', alerted: false, matches: [], publicationIds: [1] }, 'Ann Smith')
 * // '0,k-1,Ann Smith,false,,,,,,,\r\n'
 */
export function resultCsvLines(result: BatchResult, name: string): string {
  const party = [csvValue(result.index), csvText(result.customerKey ?? ''), csvText(name), csvValue(result.alerted)];
  if (result.matches.length === 0) return [...party, '', '', '', '', '', '', ''].join(',') + '\r\n';
  return result.matches
    .map(
      (m) =>
        [
          ...party,
          csvText(m.id),
          csvText(m.caption),
          csvText(m.schema),
          csvText(m.source),
          csvValue(m.score),
          csvValue(m.alert),
          csvValue(m.suppressed ?? false),
        ].join(',') + '\r\n',
    )
    .join('');
}
