/**
 * @module formats/ofac-csv/mapping
 * Maps the rows of OFAC's legacy CSV files to core entities: the primary record (sdn.csv / cons_prim.csv),
 * its addresses (add.csv / cons_add.csv) and its aliases (alt.csv / cons_alt.csv). Remarks are read by
 * `ofac-common/remarks`, after the caller has joined their continuation from the comments file.
 */
import {
  addStatement,
  type Entity,
  type ListSource,
  type PropertyName,
  type RecordIssue,
  type SchemaName,
  type Statement,
} from '@embargo/core';
import { countryStatement } from '../ofac-common/countries.js';
import type { OfacCsvRow } from './read-csv.js';

/** Column counts from cons_dat_spec.txt, the same for the SDN and consolidated files. */
export const COLUMNS = { primary: 12, addresses: 6, aliases: 5, comments: 2 } as const;

/** SDN_Type; OFAC leaves it null ("-0-") for entities. */
const SCHEMA_BY_TYPE: Readonly<Record<string, SchemaName>> = {
  individual: 'Person',
  vessel: 'Vessel',
  aircraft: 'Airplane',
};

const ALIAS_PROPERTY = { aka: 'alias', nka: 'alias', fka: 'previousName' } as const;

export function ofacRecordId(entNum: string): string {
  return `ofac:${entNum}`;
}

/**
 * The primary record of sdn.csv / cons_prim.csv, without its remarks (returned for the caller to read).
 * Fields are read one by one: a trimmed copy of every row cost an array per record.
 */
export function primaryEntity(
  row: OfacCsvRow,
  source: ListSource,
  file: string,
  issues: RecordIssue[],
): { entity: Entity; remarks: string | null } {
  const fields = row.fields;
  const id = ofacRecordId(trimmed(fields[0])!);
  const rawName = trimmed(fields[1]);
  const type = trimmed(fields[2]);
  let schema: SchemaName = 'Organization';
  if (type !== null) {
    schema = SCHEMA_BY_TYPE[type.toLowerCase()] ?? 'Organization';
    if (!SCHEMA_BY_TYPE[type.toLowerCase()]) {
      issues.push({
        file,
        line: row.line,
        recordId: id,
        field: 'SDN_Type',
        raw: type,
        message: `unknown SDN_Type "${type}"; read as an organisation`,
      });
    }
  }
  const caption = collapse(rawName ?? '');
  if (!caption) issues.push({ file, line: row.line, recordId: id, field: 'SDN_Name', message: 'record has no name' });
  const entity: Entity = { id, source, schema, caption, properties: {} };
  addStatement(entity, 'name', nameStatement(rawName ?? '', schema));
  for (const tag of splitPrograms(trimmed(fields[3]))) addStatement(entity, 'program', tag);
  addField(entity, 'title', fields[4]);
  addField(entity, 'callSign', fields[5]);
  addField(entity, 'vesselType', fields[6]);
  addField(entity, 'tonnage', fields[7]);
  addField(entity, 'grossRegisteredTonnage', fields[8]);
  addField(entity, 'owner', fields[10]);
  const flag = trimmed(fields[9]);
  if (flag) {
    const statement = countryStatement(flag, { file, line: row.line, recordId: id }, 'Vess_flag', issues);
    if (statement) addStatement(entity, 'flag', statement);
  }
  return { entity, remarks: fields[11] };
}

function addField(entity: Entity, property: PropertyName, field: string | null): void {
  const value = trimmed(field);
  if (value) addStatement(entity, property, value);
}

/**
 * OFAC writes several programs in one field with "] [" between them, as the printed list shows them
 * in brackets: "SDGT] [IRGC] [IFSR" → SDGT, IRGC, IFSR.
 */
export function splitPrograms(program: string | null): string[] {
  if (!program) return [];
  // Most records have one program: no brackets to split on or strip.
  if (!program.includes('[') && !program.includes(']')) {
    const tag = program.trim();
    return tag ? [tag] : [];
  }
  return program
    .split(PROGRAM_SEPARATOR)
    .map((tag) => tag.replace(BRACKETS, '').trim())
    .filter(Boolean);
}

const PROGRAM_SEPARATOR = /\]\s*\[/;
const BRACKETS = /[[\]]/g;

/** One row of add.csv: street, "City/State/Province/Postal Code" and country, joined with ", ". */
export function addAddress(entity: Entity, row: OfacCsvRow, file: string, issues: RecordIssue[]): void {
  const fields = row.fields;
  const street = trimmed(fields[2]);
  const city = trimmed(fields[3]);
  const country = trimmed(fields[4]);
  const countryCode = country ? countryStatement(country, { file, line: row.line, recordId: entity.id }, 'Country', issues) : undefined;
  if (countryCode) addStatement(entity, 'country', countryCode);
  // A row with only a country (or nothing: OFAC writes "-0-" in every field for records without an address)
  // says where the record is, not an address.
  if (!street && !city) return;
  let value = street ? collapse(street) : '';
  if (city) value = value ? `${value}, ${collapse(city)}` : collapse(city);
  if (country) value = `${value}, ${collapse(country)}`;
  const statement: Statement = { value };
  if (countryCode) statement.country = countryCode.value;
  const remark = trimmed(fields[5]);
  if (remark) statement.note = remark;
  addStatement(entity, 'address', statement);
}

/** One row of alt.csv: aka and nka are aliases, fka a previous name. */
export function addAlias(entity: Entity, row: OfacCsvRow, file: string, issues: RecordIssue[]): void {
  const name = trimmed(row.fields[3]);
  if (!name) return;
  const type = trimmed(row.fields[2]);
  const remark = trimmed(row.fields[4]);
  const kind = (type ?? '').toLowerCase();
  let property: 'alias' | 'previousName' | 'weakAlias' = ALIAS_PROPERTY[kind as keyof typeof ALIAS_PROPERTY] ?? 'alias';
  if (!(kind in ALIAS_PROPERTY)) {
    issues.push({
      file,
      line: row.line,
      recordId: entity.id,
      field: 'alt_type',
      raw: type ?? '',
      message: `unknown alias type "${type ?? ''}"; read as a.k.a.`,
    });
  }
  const statement = nameStatement(name, entity.schema);
  if (remark) statement.note = remark;
  // OFAC's spec says weak aliases are never in alt.csv (they are quoted in the remarks); honour a remark that
  // says otherwise should one appear.
  if (remark && WEAK.test(remark) && property === 'alias') {
    property = 'weakAlias';
    statement.weak = true;
  }
  addStatement(entity, property, statement);
}

const WEAK = /\bweak\b/i;

/**
 * A name as OFAC writes it; for individuals the text before the first comma is the family name and the
 * rest the given names ("JANG, Sung Nam").
 */
export function nameStatement(raw: string, schema: SchemaName): Statement {
  const value = collapse(raw);
  const statement: Statement = value === raw ? { value } : { value, original: raw };
  const comma = value.indexOf(',');
  if (schema === 'Person' && comma > 0) {
    const family = value.slice(0, comma).trim();
    const given = value.slice(comma + 1).trim();
    if (family && given) statement.parts = { family, given };
  }
  return statement;
}

/** A field as the mapping reads it: trimmed, null when empty. */
function trimmed(field: string | null | undefined): string | null {
  return field?.trim() || null;
}

const NEEDS_COLLAPSE = /\s\s|^\s|\s$|[\t\r\n]/;
const WHITESPACE_RUN = /\s+/g;

/** Trimmed, with single spaces ("INTERCONTINENTAL DE FINANCIACION AEREA  S.A." has two). */
function collapse(text: string): string {
  return NEEDS_COLLAPSE.test(text) ? text.trim().replace(WHITESPACE_RUN, ' ') : text;
}
