/**
 * @module formats/ofac-csv/mapping
 * Maps the rows of OFAC's legacy CSV files to core entities: the primary record (sdn.csv / cons_prim.csv),
 * its addresses (add.csv / cons_add.csv) and its aliases (alt.csv / cons_alt.csv). Remarks are read by
 * `ofac-common/remarks`, after the caller has joined their continuation from the comments file.
 */
import { addStatement, type Entity, type ListSource, type RecordIssue, type SchemaName, type Statement } from '@embargo/core';
import { countryStatement, type RecordSite } from '../ofac-common/countries.js';
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

/** The primary record of sdn.csv / cons_prim.csv, without its remarks (returned for the caller to read). */
export function primaryEntity(
  row: OfacCsvRow,
  source: ListSource,
  file: string,
  issues: RecordIssue[],
): { entity: Entity; remarks: string | null } {
  const [entNum, rawName, type, program, title, callSign, vesselType, tonnage, grt, flag, owner] = trimmed(row);
  const remarks = row.fields[11];
  const id = ofacRecordId(entNum!);
  const site: RecordSite = { file, line: row.line, recordId: id };
  let schema: SchemaName = 'Organization';
  if (type !== null) {
    schema = SCHEMA_BY_TYPE[type.toLowerCase()] ?? 'Organization';
    if (!SCHEMA_BY_TYPE[type.toLowerCase()])
      issues.push({ ...site, field: 'SDN_Type', raw: type, message: `unknown SDN_Type "${type}"; read as an organisation` });
  }
  const caption = collapse(rawName ?? '');
  if (!caption) issues.push({ ...site, field: 'SDN_Name', message: 'record has no name' });
  const entity: Entity = { id, source, schema, caption, properties: {} };
  addStatement(entity, 'name', nameStatement(rawName ?? '', schema));
  for (const tag of splitPrograms(program)) addStatement(entity, 'program', tag);
  if (title) addStatement(entity, 'title', title);
  if (callSign) addStatement(entity, 'callSign', callSign);
  if (vesselType) addStatement(entity, 'vesselType', vesselType);
  if (tonnage) addStatement(entity, 'tonnage', tonnage);
  if (grt) addStatement(entity, 'grossRegisteredTonnage', grt);
  if (owner) addStatement(entity, 'owner', owner);
  if (flag) {
    const statement = countryStatement(flag, site, 'Vess_flag', issues);
    if (statement) addStatement(entity, 'flag', statement);
  }
  return { entity, remarks };
}

/**
 * OFAC writes several programs in one field with "] [" between them, as the printed list shows them
 * in brackets: "SDGT] [IRGC] [IFSR" → SDGT, IRGC, IFSR.
 */
export function splitPrograms(program: string | null): string[] {
  if (!program) return [];
  return program
    .split(/\]\s*\[/)
    .map((tag) => tag.replace(/[[\]]/g, '').trim())
    .filter(Boolean);
}

/** One row of add.csv: street, "City/State/Province/Postal Code" and country, joined with ", ". */
export function addAddress(entity: Entity, row: OfacCsvRow, file: string, issues: RecordIssue[]): void {
  const [, , street, city, country, remark] = trimmed(row);
  const site: RecordSite = { file, line: row.line, recordId: entity.id };
  const countryCode = country ? countryStatement(country, site, 'Country', issues) : undefined;
  if (countryCode) addStatement(entity, 'country', countryCode);
  // A row with only a country (or nothing: OFAC writes "-0-" in every field for records without an address)
  // says where the record is, not an address.
  if (!street && !city) return;
  const statement: Statement = {
    value: [street, city, country]
      .filter(Boolean)
      .map((p) => collapse(p!))
      .join(', '),
  };
  if (countryCode) statement.country = countryCode.value;
  if (remark) statement.note = remark;
  addStatement(entity, 'address', statement);
}

/** One row of alt.csv: aka and nka are aliases, fka a previous name. */
export function addAlias(entity: Entity, row: OfacCsvRow, file: string, issues: RecordIssue[]): void {
  const [, , type, name, remark] = trimmed(row);
  if (!name) return;
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
  if (remark && /\bweak\b/i.test(remark) && property === 'alias') {
    property = 'weakAlias';
    statement.weak = true;
  }
  addStatement(entity, property, statement);
}

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

function trimmed(row: OfacCsvRow): (string | null)[] {
  return row.fields.map((field) => field?.trim() || null);
}

/** Trimmed, with single spaces ("INTERCONTINENTAL DE FINANCIACION AEREA  S.A." has two). */
function collapse(text: string): string {
  return /\s\s|^\s|\s$|[\t\r\n]/.test(text) ? text.trim().replace(/\s+/g, ' ') : text;
}
