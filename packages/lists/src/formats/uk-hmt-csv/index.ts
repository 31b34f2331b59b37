/**
 * @module formats/uk-hmt-csv
 * HM Treasury's consolidated list of financial sanctions targets as CSV (sanctionsconlist.csv, 2014 layout).
 */
export { parseUkHmtCsv } from './parse.js';
export { parseUkHmtCsvText, readUkHmtCsv } from './read-csv.js';
