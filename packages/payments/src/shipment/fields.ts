/**
 * @module shipment/fields
 * One shipment record (as JSON gives it, or as CSV rows are gathered into it) checked field by field and
 * turned into a core `Shipment`. Nothing is coerced: an HS code written as a number (it loses its leading
 * zero: 0306 → 306), a value written as a string, a country no one knows, an IMO number whose check digit
 * fails, a field the format does not have — each is refused with the field's path and what to write.
 *
 * @example
 * readShipmentRecord({ id: 'B1', date: '2017-09-20', origin: 'DPRK', … })
 * // { shipment: { id: 'B1', origin: { code: 'KP', written: 'DPRK' }, … } }
 * readShipmentRecord({ id: 'B1', date: '20/09/2017', … }) // { problem: { field: 'date', reason: '…' } }
 */
import {
  birthDateProblem,
  compactHsCode,
  countryCode,
  hsCodeProblem,
  imoCheckDigitHolds,
  SHIPMENT_PARTY_ROLES,
  type Shipment,
  type ShipmentCountry,
  type ShipmentGood,
  type ShipmentParty,
  type ShipmentPartyRole,
  type ShipmentPort,
  type ShipmentVessel,
} from '@embargo/core';

/** A field that could not be read: where, and why. */
export interface FieldProblem {
  field: string;
  reason: string;
}

class FieldError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(reason);
  }
}

const SHIPMENT_FIELDS = ['id', 'date', 'origin', 'destination', 'portOfLoading', 'portOfDischarge', 'vessel', 'goods', 'parties'] as const;
const PORT_FIELDS = ['name', 'country'] as const;
const VESSEL_FIELDS = ['name', 'imo'] as const;
const GOOD_FIELDS = ['hs', 'description', 'value', 'currency'] as const;
const PARTY_FIELDS = ['role', 'name', 'country'] as const;

/** Longest text a field may hold: a long legal name with its address fits, a pasted document does not. */
const MAX_TEXT = 500;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CURRENCY = /^[A-Z]{3}$/;
/** `IMO 8660313`, `IMO8660313`, `8660313`. */
const IMO_WRITTEN = /^(?:IMO[\s:]*)?(\d{7})$/i;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(value: unknown, path: string, fields: readonly string[]): Record<string, unknown> {
  if (!isObject(value)) throw new FieldError(path, `must be an object with ${fields.join(', ')}`);
  const unknown = Object.keys(value).filter((k) => !fields.includes(k));
  if (unknown.length > 0)
    throw new FieldError(
      path ? `${path}.${unknown[0]}` : unknown[0],
      `is not a field of ${path || 'a shipment'} (fields: ${fields.join(', ')})`,
    );
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new FieldError(path, `must be text, not ${value === null ? 'null' : typeof value}`);
  const trimmed = value.trim();
  if (trimmed === '') throw new FieldError(path, 'is empty');
  if (trimmed.length > MAX_TEXT) throw new FieldError(path, `is ${trimmed.length} characters long; at most ${MAX_TEXT}`);
  if (CONTROL_CHARACTERS.test(trimmed)) throw new FieldError(path, 'holds control characters');
  return trimmed;
}

function optional<T>(record: Record<string, unknown>, key: string, read: (value: unknown) => T): T | undefined {
  return record[key] === undefined ? undefined : read(record[key]);
}

function country(value: unknown, path: string): ShipmentCountry {
  const written = text(value, path);
  const code = countryCode(written);
  if (!code) throw new FieldError(path, `"${written}" is not a country: write its ISO 3166 code (KP, CN) or its English name`);
  return { code, written };
}

function date(value: unknown, path: string): string {
  const written = text(value, path);
  if (!ISO_DATE.test(written)) throw new FieldError(path, `"${written}" is not a date written YYYY-MM-DD`);
  const problem = birthDateProblem(written);
  if (problem) throw new FieldError(path, problem);
  return written;
}

function port(value: unknown, path: string): ShipmentPort {
  const record = objectAt(value, path, PORT_FIELDS);
  return { name: text(record.name, `${path}.name`), country: country(record.country, `${path}.country`) };
}

function vessel(value: unknown, path: string): ShipmentVessel {
  const record = objectAt(value, path, VESSEL_FIELDS);
  const name = optional(record, 'name', (v) => text(v, `${path}.name`));
  const imo = optional(record, 'imo', (v) => imoNumber(v, `${path}.imo`));
  if (name === undefined && imo === undefined) throw new FieldError(path, 'needs a name or an IMO number');
  return { ...(name !== undefined ? { name } : {}), ...(imo !== undefined ? { imo } : {}) };
}

function imoNumber(value: unknown, path: string): string {
  if (typeof value === 'number') throw new FieldError(path, 'must be text ("8660313" or "IMO 8660313"), not a number');
  const written = text(value, path);
  const digits = IMO_WRITTEN.exec(written)?.[1];
  if (!digits) throw new FieldError(path, `"${written}" is not an IMO number: seven digits, "IMO" before them allowed`);
  if (!imoCheckDigitHolds(digits)) throw new FieldError(path, `IMO ${digits} fails its check digit: a digit is wrong`);
  return digits;
}

function hsCode(value: unknown, path: string): string {
  if (typeof value === 'number')
    throw new FieldError(
      path,
      `must be text ("${String(value).padStart(4, '0')}"), not a number: a number loses the leading zero of chapters 01–09`,
    );
  const written = text(value, path);
  const problem = hsCodeProblem(written);
  if (problem) throw new FieldError(path, `"${written}" ${problem}`);
  return compactHsCode(written);
}

function good(value: unknown, path: string): ShipmentGood {
  const record = objectAt(value, path, GOOD_FIELDS);
  const hs = hsCode(record.hs, `${path}.hs`);
  const description = text(record.description, `${path}.description`);
  const amount = optional(record, 'value', (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new FieldError(`${path}.value`, 'must be a number, 0 or more');
    return v;
  });
  const currency = optional(record, 'currency', (v) => {
    const c = text(v, `${path}.currency`);
    if (!CURRENCY.test(c)) throw new FieldError(`${path}.currency`, `"${c}" is not an ISO 4217 code (three capital letters: USD, CNY)`);
    return c;
  });
  if ((amount === undefined) !== (currency === undefined))
    throw new FieldError(
      amount === undefined ? `${path}.value` : `${path}.currency`,
      'a value needs its currency, and a currency its value',
    );
  return { hs, description, ...(amount !== undefined ? { value: amount, currency } : {}) };
}

function role(value: unknown, path: string): ShipmentPartyRole {
  const written = text(value, path);
  if (!(SHIPMENT_PARTY_ROLES as readonly string[]).includes(written))
    throw new FieldError(path, `"${written}" is not a role (roles: ${SHIPMENT_PARTY_ROLES.join(', ')})`);
  return written as ShipmentPartyRole;
}

function party(value: unknown, path: string): ShipmentParty {
  const record = objectAt(value, path, PARTY_FIELDS);
  const c = optional(record, 'country', (v) => country(v, `${path}.country`));
  return { role: role(record.role, `${path}.role`), name: text(record.name, `${path}.name`), ...(c ? { country: c } : {}) };
}

function list<T>(value: unknown, path: string, read: (item: unknown, path: string) => T, minimum: number): T[] {
  if (!Array.isArray(value)) throw new FieldError(path, 'must be a list');
  if (value.length < minimum) throw new FieldError(path, `must hold at least ${minimum}`);
  return value.map((item, i) => read(item, `${path}[${i}]`));
}

/** A record read as a shipment, or the first field that stops it. */
export function readShipmentRecord(
  value: unknown,
): { shipment: Shipment; problem?: undefined } | { shipment?: undefined; problem: FieldProblem } {
  try {
    const record = objectAt(value, '', SHIPMENT_FIELDS);
    for (const required of ['id', 'date', 'origin', 'destination', 'goods', 'parties'] as const)
      if (record[required] === undefined) throw new FieldError(required, 'is missing');
    const shipment: Shipment = {
      id: text(record.id, 'id'),
      date: date(record.date, 'date'),
      origin: country(record.origin, 'origin'),
      destination: country(record.destination, 'destination'),
      goods: list(record.goods, 'goods', good, 1),
      parties: list(record.parties, 'parties', party, 0),
    };
    const loading = optional(record, 'portOfLoading', (v) => port(v, 'portOfLoading'));
    const discharge = optional(record, 'portOfDischarge', (v) => port(v, 'portOfDischarge'));
    const ship = optional(record, 'vessel', (v) => vessel(v, 'vessel'));
    if (loading) shipment.portOfLoading = loading;
    if (discharge) shipment.portOfDischarge = discharge;
    if (ship) shipment.vessel = ship;
    return { shipment };
  } catch (error) {
    if (error instanceof FieldError) return { problem: { field: error.field, reason: error.message } };
    throw error;
  }
}
