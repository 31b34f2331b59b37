/**
 * @module shipment/json
 * Shipments written as JSON: one object per line (JSON Lines), or one array of objects. Each record is
 * read on its own, so one malformed record is refused with its line and field and the others are still
 * read. The line of each element of an array is found by `jsonArrayElements` (JSON.parse does not say
 * where an element starts).
 *
 * @example
 * parseShipmentJson('{"id":"B1",…}\n{"id":"B2",…}') // [{ shipment: … }, { error: { record: 2, line: 2, field: 'date', … } }]
 */
import { jsonArrayElements, type JsonElementText, type ShipmentParseResult } from '@embargo/core';
import { readShipmentRecord } from './fields.js';

/** One record's text and the line it starts on (from 1). */
type RecordText = JsonElementText;

/** Non-empty lines of JSON Lines, each a record. */
function jsonLines(text: string): RecordText[] {
  return text
    .split('\n')
    .map((line, i) => ({ text: line.trim(), line: i + 1 }))
    .filter((r) => r.text !== '');
}

function parseRecord(record: RecordText, index: number): ShipmentParseResult {
  let value: unknown;
  try {
    value = JSON.parse(record.text);
  } catch (error) {
    return { error: { record: index + 1, line: record.line, reason: `not JSON: ${(error as Error).message}` } };
  }
  const read = readShipmentRecord(value);
  if (read.problem) return { error: { record: index + 1, line: record.line, ...read.problem } };
  return { shipment: read.shipment };
}

function wholeObject(body: string): boolean {
  if (!body.trim().includes('\n')) return false;
  try {
    JSON.parse(body);
    return true;
  } catch {
    // Not one object: JSON Lines, read line by line (a malformed line is reported there).
    return false;
  }
}

/** The line of the first non-space character. */
function firstLine(body: string): number {
  return 1 + (/^\s*/.exec(body)![0].match(/\n/g)?.length ?? 0);
}

/** Every shipment of a JSON Lines text or a JSON array; one result per record, in order. */
export function parseShipmentJson(text: string): ShipmentParseResult[] {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trimStart().startsWith('[')) {
    const { elements, error } = jsonArrayElements(body);
    if (error) return [{ error: { record: 1, ...error } }];
    if (elements.length === 0) return [{ error: { record: 1, line: 1, reason: 'the array holds no shipment' } }];
    return elements.map(parseRecord);
  }
  // One object written over several lines (as a form or an editor writes it) is one record.
  if (body.trimStart().startsWith('{') && wholeObject(body)) return [parseRecord({ text: body.trim(), line: firstLine(body) }, 0)];
  const records = jsonLines(body);
  if (records.length === 0) return [{ error: { record: 1, line: 1, reason: 'the input holds no shipment' } }];
  return records.map(parseRecord);
}
