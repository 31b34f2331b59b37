/**
 * @module formats/au-dfat-xlsx
 * Australia's Consolidated List (DFAT, regulation8_consolidated.xlsx): one row per name, the rows of a party
 * sharing its reference number ("2", "2a", "2b"), read into one record per party.
 */
export { parseAuDfatXlsx } from './parse.js';
export { readAuDfatXlsx, type AuRow, type AuSheet } from './rows.js';
export { readAuDates } from './dates.js';
