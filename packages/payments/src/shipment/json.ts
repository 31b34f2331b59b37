/**
 * @module shipment/json
 * Shipments written as JSON: one object per line (JSON Lines), or one array of objects. Each record is
 * read on its own, so one malformed record is refused with its line and field and the others are still
 * read. The line of each element of an array is found by scanning the array's text (JSON.parse does not
 * say where an element starts).
 *
 * @example
 * parseShipmentJson('{"id":"B1",…}\n{"id":"B2",…}') // [{ shipment: … }, { error: { record: 2, line: 2, field: 'date', … } }]
 */
import type { ShipmentParseResult } from '@embargo/core';
import { readShipmentRecord } from './fields.js';

/** One record's text and the line it starts on (from 1). */
interface RecordText {
  text: string;
  line: number;
}

/** Non-empty lines of JSON Lines, each a record. */
function jsonLines(text: string): RecordText[] {
  return text
    .split('\n')
    .map((line, i) => ({ text: line.trim(), line: i + 1 }))
    .filter((r) => r.text !== '');
}

/**
 * The elements of a top-level JSON array, split where a comma stands outside any string, object or array
 * nested in it. Malformed nesting is left for JSON.parse of the element to report.
 */
function arrayElements(text: string): RecordText[] | { line: number; reason: string } {
  const start = text.indexOf('[');
  const elements: RecordText[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1 + (text.slice(0, start).match(/\n/g)?.length ?? 0);
  let elementStart = start + 1;
  let elementLine = line;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) {
        if (c !== ']') return { line, reason: 'a "}" closes nothing' };
        const last = text.slice(elementStart, i);
        if (last.trim() !== '') elements.push({ text: last.trim(), line: elementLine + leadingLines(last) });
        const rest = text.slice(i + 1).trim();
        if (rest !== '') return { line, reason: 'text after the closing "]" of the array' };
        return elements;
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      const element = text.slice(elementStart, i);
      elements.push({ text: element.trim(), line: elementLine + leadingLines(element) });
      elementStart = i + 1;
      elementLine = line;
    }
  }
  return { line, reason: 'the array is not closed with "]"' };
}

/** Lines before the first non-space character of a piece of text. */
function leadingLines(piece: string): number {
  const lead = /^\s*/.exec(piece)![0];
  return lead.match(/\n/g)?.length ?? 0;
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

function firstLine(body: string): number {
  return 1 + leadingLines(body);
}

/** Every shipment of a JSON Lines text or a JSON array; one result per record, in order. */
export function parseShipmentJson(text: string): ShipmentParseResult[] {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trimStart().startsWith('[')) {
    const elements = arrayElements(body);
    if (!Array.isArray(elements)) return [{ error: { record: 1, ...elements } }];
    if (elements.length === 0) return [{ error: { record: 1, line: 1, reason: 'the array holds no shipment' } }];
    return elements.map(parseRecord);
  }
  // One object written over several lines (as a form or an editor writes it) is one record.
  if (body.trimStart().startsWith('{') && wholeObject(body)) return [parseRecord({ text: body.trim(), line: firstLine(body) }, 0)];
  const records = jsonLines(body);
  if (records.length === 0) return [{ error: { record: 1, line: 1, reason: 'the input holds no shipment' } }];
  return records.map(parseRecord);
}
