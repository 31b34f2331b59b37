/**
 * @module @embargo/ownership
 * Ownership files in, ownership graph statements out: BODS 0.4 statements (JSON or JSON lines),
 * FollowTheMoney entities (JSON lines) and a plain CSV (`owner,owned,share[,share_max][,kind][,source][,date]`).
 * Each format is one module that turns a file's text into core graph nodes and edges and nothing else;
 * who is blocked is the core's fixpoint, and matching parties to listed records is core `resolveParties`.
 *
 * @example
 * const file = parseOwnershipFile('owners.csv', readFileSync('owners.csv', 'utf8'), { asOf: '2026-12-07' });
 * // { file: 'owners.csv', format: 'csv', nodes: [...], edges: [...], leftOut: [] }
 */
export { parseOwnershipFile } from './detect.js';
export { parseBods } from './bods/index.js';
export { parseFtm } from './ftm/index.js';
export { parseOwnershipCsv, CSV_KINDS } from './csv/index.js';
export { isListedId } from './listed-ids.js';
export { OwnershipParseError, MAX_PROBLEMS, describePlace, type FilePlace, type OwnershipProblem } from './errors.js';
export type { LeftOut, OwnershipFormat, OwnershipParseOptions, ParsedOwnershipFile } from './parsed-file.js';
