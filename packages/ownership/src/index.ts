/**
 * @module @embargo/ownership
 * Ownership files in, ownership graph statements out: BODS 0.4 statements (JSON or JSON lines) and FollowTheMoney entities (JSON lines). Each
 * format is one module that turns a file's text into core graph nodes and edges and nothing else; who is
 * blocked is the core's fixpoint, and matching parties to listed records is core `resolveParties`.
 */
export { parseBods } from './bods/index.js';
export { parseFtm } from './ftm/index.js';
export { isListedId } from './listed-ids.js';
export { OwnershipParseError, MAX_PROBLEMS, describePlace, type FilePlace, type OwnershipProblem } from './errors.js';
export type { LeftOut, OwnershipFormat, OwnershipParseOptions, ParsedOwnershipFile } from './parsed-file.js';
