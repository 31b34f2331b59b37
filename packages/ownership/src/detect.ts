/**
 * @module detect
 * Which ownership format a file is in, by its content (never by its name): JSON whose records carry
 * `statementId` and `recordType` is BODS; JSON whose records carry `schema` and `properties` is
 * FollowTheMoney; text whose first line names the `owner` and `owned` columns is the ownership CSV.
 * Anything else is refused with what was expected.
 *
 * @example
 * parseOwnershipFile('register.jsonl', text, { asOf: '2026-12-07' }) // { format: 'ftm', nodes, edges, leftOut }
 */
import { OwnershipParseError, ProblemList } from './errors.js';
import { looksLikeJson, readJsonRecords, type JsonRecord } from './json-records.js';
import type { OwnershipFormat, OwnershipParseOptions, ParsedOwnershipFile } from './parsed-file.js';
import { readBods } from './bods/index.js';
import { readFtm } from './ftm/index.js';
import { isOwnershipCsvHeader, parseOwnershipCsv } from './csv/index.js';

const EXPECTED =
  'expected BODS 0.4 statements (JSON with statementId and recordType), FollowTheMoney entities (JSON lines with schema and properties) or a CSV whose header names owner,owned,share';

/** The format of JSON records, by the first record's fields. */
function jsonFormat(records: readonly JsonRecord[]): OwnershipFormat | undefined {
  const first = records[0]?.value;
  if (!first) return undefined;
  if ('statementId' in first && 'recordType' in first) return 'bods';
  if ('schema' in first && 'properties' in first) return 'ftm';
  return undefined;
}

/** The file read in the format its content shows; `OwnershipParseError` when it is in none, or has problems. */
export function parseOwnershipFile(name: string, text: string, options: OwnershipParseOptions = {}): ParsedOwnershipFile {
  if (text.replace(/^\uFEFF/, '').trim() === '')
    throw new OwnershipParseError(name, [{ line: 1, reason: `the file is empty; ${EXPECTED}` }]);
  if (looksLikeJson(text)) {
    const problems = new ProblemList();
    const records = readJsonRecords(text, problems);
    const format = jsonFormat(records);
    if (format === 'bods') return readBods(name, records, problems, options);
    if (format === 'ftm') return readFtm(name, records, problems, options);
    problems.throwIfAny(name);
    const place = records[0]?.place ?? { line: 1 };
    throw new OwnershipParseError(name, [
      { ...place, reason: `JSON, but its first record is neither a BODS statement nor an FtM entity; ${EXPECTED}` },
    ]);
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (isOwnershipCsvHeader(firstLine)) return parseOwnershipCsv(name, text, options);
  throw new OwnershipParseError(name, [{ line: 1, reason: `not an ownership file; ${EXPECTED}` }]);
}
