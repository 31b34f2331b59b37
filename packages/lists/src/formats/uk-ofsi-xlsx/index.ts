/**
 * @module formats/uk-ofsi-xlsx
 * OFSI's Consolidated List of Financial Sanctions Targets as an Excel workbook (ConList.xlsx).
 */
export { parseUkOfsiXlsx, readUkOfsiXlsx } from './parse.js';
