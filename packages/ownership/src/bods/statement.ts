/**
 * @module bods/statement
 * One BODS 0.4 statement, checked against the fields the standard requires (statement.json: statementId of
 * 32–64 characters, declarationSubject, recordId, recordType, recordDetails, statementDate) and the code
 * lists of the fields this reader uses. The record details are checked by parties.ts and interests.ts.
 */
import type { FilePlace, ProblemList } from '../errors.js';
import { FieldReader, type Json } from '../fields.js';
import { dateOrDateTimeProblem } from '../dates.js';
import type { JsonRecord } from '../json-records.js';
import { RECORD_STATUSES, RECORD_TYPES, type RecordType } from './codes.js';

export interface BodsStatement {
  /** Where the statement is in the file, with its statementId. */
  place: FilePlace;
  statementId: string;
  /** YYYY-MM-DD or a date-time, as written. */
  statementDate: string;
  recordId: string;
  recordType: RecordType;
  recordStatus?: (typeof RECORD_STATUSES)[number];
  details: Json;
  fields: FieldReader;
  /** Position in the file, to order statements of the same date. */
  order: number;
}

/** The statement a record is, or undefined after reporting what is wrong with it. */
export function readStatement(record: JsonRecord, order: number, problems: ProblemList): BodsStatement | undefined {
  const raw = record.value;
  const statementId = typeof raw.statementId === 'string' ? raw.statementId : undefined;
  const place: FilePlace = { ...record.place, ...(statementId ? { statementId } : {}) };
  const fields = new FieldReader(place, problems);
  const before = problems.count;
  const id = fields.string(raw, 'statementId', 'statementId', true);
  if (id !== undefined && (id.length < 32 || id.length > 64))
    fields.fail('statementId', `must be 32 to 64 characters long, not ${id.length}`);
  fields.string(raw, 'declarationSubject', 'declarationSubject', true);
  const recordId = fields.string(raw, 'recordId', 'recordId', true);
  const recordType = fields.code(raw, 'recordType', 'recordType', RECORD_TYPES, true);
  const recordStatus = fields.code(raw, 'recordStatus', 'recordStatus', RECORD_STATUSES);
  const details = fields.object(raw, 'recordDetails', 'recordDetails', true);
  const statementDate = fields.date(raw, 'statementDate', 'statementDate', dateOrDateTimeProblem, true);
  if (problems.count > before || !id || !recordId || !recordType || !details || !statementDate) return undefined;
  return { place, statementId: id, statementDate, recordId, recordType, recordStatus, details, fields, order };
}

/**
 * The statement that describes each record now: the one with the latest statementDate, and of those the
 * last in the file. BODS publishes a record's history as a series of statements (fermcat.json has four of
 * the Fermcat Ltd entity); only the last says what holds.
 */
export function latestByRecord(statements: readonly BodsStatement[]): Map<string, BodsStatement> {
  const latest = new Map<string, BodsStatement>();
  for (const s of statements) {
    const current = latest.get(s.recordId);
    if (!current || s.statementDate.slice(0, 10) >= current.statementDate.slice(0, 10)) latest.set(s.recordId, s);
  }
  return latest;
}
