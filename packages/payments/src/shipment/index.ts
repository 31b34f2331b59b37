/**
 * @module shipment
 * Shipments and letters of credit in, normalised core `Shipment`s out: JSON (one object per line, or an
 * array) and CSV (one goods line or party per row, rows of one id making one shipment). The syntax is told
 * by the first character: `{` or `[` for JSON, anything else for CSV. Screening a shipment is
 * `ShipmentScreener` in core.
 *
 * @example
 * for (const result of parseShipments(readFileSync('shipments.jsonl', 'utf8')))
 *   if (result.error) console.error(`line ${result.error.line}, ${result.error.field}: ${result.error.reason}`);
 */
import type { ShipmentParseResult } from '@embargo/core';
import { parseShipmentCsv } from './csv.js';
import { parseShipmentJson } from './json.js';

export { parseShipmentCsv, SHIPMENT_CSV_COLUMNS } from './csv.js';
export { parseShipmentJson } from './json.js';
export { readShipmentRecord } from './fields.js';

export type ShipmentSyntax = 'json' | 'csv';

export function detectShipmentSyntax(text: string): ShipmentSyntax {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  return start.startsWith('{') || start.startsWith('[') ? 'json' : 'csv';
}

/** Every shipment of a JSON or CSV text: one result per record, a shipment or why it could not be read. */
export function parseShipments(text: string, syntax: ShipmentSyntax = detectShipmentSyntax(text)): ShipmentParseResult[] {
  if (text.trim() === '') return [{ error: { record: 1, line: 1, reason: 'the input is empty' } }];
  return syntax === 'json' ? parseShipmentJson(text) : parseShipmentCsv(text);
}
