/**
 * @module model/party-columns
 * The columns of a table of parties to screen — a CSV uploaded to `POST /v1/screen/batch`, or given to
 * `embargo screen --input` — and one row of it turned into a screening query. Both entry points read
 * the same columns through this module, so a file that works with one works with the other.
 *
 * Headers are matched loosely because such files are exports from core banking and CRM systems, which
 * name the columns as they like (`Customer`, `Full Name`, `Date of Birth`, `Type`).
 */
import type { QueryIdentifier, ScreeningQuery } from '../match/query.js';
import { isSchemaName, type SchemaName } from './schema.js';

/** What a column holds; `key` is the caller's own id for the party (customer number). */
export type PartyColumn = 'key' | 'name' | 'schema' | 'birthDate' | 'country' | 'passportNumber' | 'idNumber';

/** Headers folded to lower-case letters only ("Date of Birth" → "dateofbirth"). */
const COLUMN_ALIASES: Record<string, PartyColumn> = {
  id: 'key',
  key: 'key',
  customer: 'key',
  customerkey: 'key',
  name: 'name',
  fullname: 'name',
  birthdate: 'birthDate',
  dob: 'birthDate',
  dateofbirth: 'birthDate',
  country: 'country',
  nationality: 'country',
  schema: 'schema',
  type: 'schema',
  passport: 'passportNumber',
  passportnumber: 'passportNumber',
  idnumber: 'idNumber',
  nationalid: 'idNumber',
};

/** Words used for the kind of party in such files, besides our own schema names. */
const SCHEMA_WORDS: Record<string, SchemaName> = {
  person: 'Person',
  individual: 'Person',
  organization: 'Organization',
  organisation: 'Organization',
  entity: 'Organization',
  company: 'Company',
  vessel: 'Vessel',
  ship: 'Vessel',
  airplane: 'Airplane',
  aircraft: 'Airplane',
};

/**
 * The column a header names, or undefined for a column Embargo does not read.
 * @example partyColumn('Date of Birth') // 'birthDate'
 */
export function partyColumn(header: string): PartyColumn | undefined {
  return COLUMN_ALIASES[header.toLowerCase().replace(/[^a-z]/g, '')];
}

/** A row read: the query, or which column is wrong and why (the caller adds the file and line). */
export type PartyRowReading = { ok: true; key?: string; query: ScreeningQuery } | { ok: false; column: PartyColumn; reason: string };

/**
 * One row, keyed by `PartyColumn` (headers already mapped with `partyColumn`), as a screening query.
 * Empty cells count as absent. Values are not checked beyond the kind of party: each entry point
 * validates the query as it validates any other.
 * @example readPartyRow({ key: 'k-7', name: 'JANG, Sung Nam', schema: 'individual' })
 * // { ok: true, key: 'k-7', query: { name: 'JANG, Sung Nam', schema: 'Person' } }
 */
export function readPartyRow(row: Readonly<Record<string, string | undefined>>): PartyRowReading {
  const cell = (column: PartyColumn) => row[column]?.trim() || undefined;
  const name = cell('name');
  if (!name) return { ok: false, column: 'name', reason: 'no name (the CSV needs a "name" column)' };
  const schemaText = cell('schema');
  const schema = schemaText ? (isSchemaName(schemaText) ? schemaText : SCHEMA_WORDS[schemaText.toLowerCase()]) : undefined;
  if (schemaText && !schema) return { ok: false, column: 'schema', reason: `unknown type "${schemaText}"` };
  const identifiers: QueryIdentifier[] = [];
  for (const type of ['passportNumber', 'idNumber'] as const) {
    const value = cell(type);
    if (value) identifiers.push({ type, value });
  }
  const query: ScreeningQuery = { name };
  if (schema) query.schema = schema;
  const birthDate = cell('birthDate');
  if (birthDate) query.birthDate = birthDate;
  const country = cell('country');
  if (country) query.country = country;
  if (identifiers.length > 0) query.identifiers = identifiers;
  const key = cell('key');
  return key ? { ok: true, key, query } : { ok: true, query };
}
