/**
 * @module formats/ofac-csv
 * OFAC's legacy CSV files (SDN and consolidated lists): sdn.csv/cons_prim.csv with their address, alias and
 * remarks-continuation files.
 */
export { parseOfacCsv, type OfacCsvFiles } from './parse.js';
export { parseOfacCsvText, readOfacCsv, type OfacCsvRow } from './read-csv.js';
