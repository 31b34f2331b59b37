/**
 * @module formats/au-dfat-xlsx/mapping
 * One record per DFAT party: the rows sharing a reference number ("2", "2a", "2b") are its names — "Primary
 * Name", "aka", "Original Script", "Formerly known as" (spelled in several cases, with stray spaces) — and
 * repeat its other cells, which are read once per distinct value. Type "Individual" → Person, "Entity" →
 * Organization; id `au:<reference number>`.
 */
import {
  addStatement,
  countryCode,
  type Entity,
  type NameProperty,
  type RecordIssue,
  type SchemaName,
  type Statement,
} from '@embargo/core';
import { unCountryCode } from '../un-xml/countries.js';
import { detectScript } from '../un-xml/script.js';
import { excelSerialDate, readAuDates } from './dates.js';
import type { AuColumn, AuRow } from './rows.js';

interface RecordSite {
  file: string;
  line: number;
  recordId: string;
}

const SCHEMA_BY_TYPE: Readonly<Record<string, SchemaName>> = { individual: 'Person', entity: 'Organization' };

/** Name Type (lower case) → the property the name goes to. */
const NAME_PROPERTY_BY_TYPE: Readonly<Record<string, NameProperty>> = {
  'primary name': 'name',
  aka: 'alias',
  'original script': 'alias',
  'formerly known as': 'previousName',
  'previously listed as': 'previousName',
};

/** "a) ", "b)": the letters DFAT numbers several values of one cell with. */
const LETTERED = /(?:^|\s)[a-z]\)\s*/;
const NONE = /^(na|n\/a|none|unknown|-)$/i;

/** Groups the rows by party, in the order each party first appears. */
export function groupParties(rows: readonly AuRow[]): AuRow[][] {
  const parties = new Map<string, AuRow[]>();
  for (const row of rows) {
    const rowsOfParty = parties.get(row.party);
    if (rowsOfParty) rowsOfParty.push(row);
    else parties.set(row.party, [row]);
  }
  return [...parties.values()];
}

export function mapAuParty(rows: readonly AuRow[], file: string, issues: RecordIssue[]): Entity {
  const primaries = rows.filter((r) => nameType(r) === 'primary name');
  const first = primaries[0] ?? rows[0];
  const id = `au:${first.party}`;
  const site: RecordSite = { file, line: first.line, recordId: id };
  if (primaries.length === 0)
    issues.push({ ...site, field: 'Name Type', message: 'party has no "Primary Name" row; its first name is taken' });
  if (primaries.length > 1)
    issues.push({
      ...site,
      field: 'Name Type',
      raw: primaries.map((r) => r.reference).join(', '),
      message: 'party has several "Primary Name" rows',
    });
  const entity: Entity = {
    id,
    source: 'au-dfat',
    schema: schemaOf(first, site, issues),
    caption: first.cells['Name of Individual or Entity'],
    properties: {},
  };
  const seen = new Set<string>();
  // Each cell value is read once per party: rows repeat them.
  const fresh = (row: AuRow, column: AuColumn): boolean => {
    const value = row.cells[column];
    const key = `${column}\u0000${value}`;
    if (!value || seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const row of [first, ...rows.filter((r) => r !== first)]) {
    const rowSite = { ...site, line: row.line };
    addName(entity, row, rowSite, issues);
    if (fresh(row, 'Date of Birth')) addBirthDates(entity, row.cells['Date of Birth'], rowSite, issues);
    if (fresh(row, 'Place of Birth'))
      for (const place of letteredItems(row.cells['Place of Birth'])) addStatement(entity, 'birthPlace', placeStatement(place));
    if (fresh(row, 'Citizenship')) addCitizenship(entity, row.cells.Citizenship, rowSite, issues);
    if (fresh(row, 'Address'))
      for (const address of letteredItems(row.cells.Address)) addStatement(entity, 'address', placeStatement(address));
    if (fresh(row, 'Additional Information')) addStatement(entity, 'notes', row.cells['Additional Information']);
    if (fresh(row, 'Listing Information')) addStatement(entity, 'sanctionsNote', row.cells['Listing Information']);
    if (fresh(row, 'Committees')) addStatement(entity, 'program', row.cells.Committees);
    if (fresh(row, 'Control Date')) addControlDate(entity, row.cells['Control Date'], rowSite, issues);
  }
  keepLatest(entity);
  return entity;
}

function nameType(row: AuRow): string {
  return row.cells['Name Type'].toLowerCase();
}

function schemaOf(row: AuRow, site: RecordSite, issues: RecordIssue[]): SchemaName {
  const schema = SCHEMA_BY_TYPE[row.cells.Type.toLowerCase()];
  if (schema) return schema;
  issues.push({ ...site, field: 'Type', raw: row.cells.Type, message: `unknown Type "${row.cells.Type}"; read as a legal entity` });
  return 'LegalEntity';
}

function addName(entity: Entity, row: AuRow, site: RecordSite, issues: RecordIssue[]): void {
  const value = row.cells['Name of Individual or Entity'];
  const type = nameType(row);
  let property = NAME_PROPERTY_BY_TYPE[type];
  if (!property) {
    issues.push({
      ...site,
      field: 'Name Type',
      raw: row.cells['Name Type'],
      message: `unknown Name Type "${row.cells['Name Type']}"; read as an alias`,
    });
    property = 'alias';
  }
  const statement: Statement = { value };
  const script = detectScript(value);
  if (script) statement.script = script;
  addStatement(entity, property, statement);
}

function addBirthDates(entity: Entity, cell: string, site: RecordSite, issues: RecordIssue[]): void {
  const { dates, unread } = readAuDates(cell);
  for (const date of dates) addStatement(entity, 'birthDate', date);
  for (const raw of unread) issues.push({ ...site, field: 'Date of Birth', raw, message: `cannot read date of birth "${raw}"` });
}

/** "Russian and Ukrainian", "a) Pakistani b) Saudi Arabian", "Turkish/Jordanian", "Possibly Ethiopian". */
function addCitizenship(entity: Entity, cell: string, site: RecordSite, issues: RecordIssue[]): void {
  // "Bosnia and Herzegovina" is one country, "Russian and Ukrainian" two: a whole item that names a country is kept whole.
  const items = letteredItems(cell).flatMap((item) => (unCountryCode(item) ? [item] : item.split(/\s*(?:;|,|\/|\band\b)\s*/)));
  for (const item of items.map((i) => i.trim()).filter(Boolean)) {
    if (NONE.test(item)) continue;
    const code = unCountryCode(item.replace(/^possibly\s+/i, ''));
    if (code === null) continue;
    if (code === undefined) {
      issues.push({ ...site, field: 'Citizenship', raw: item, message: `unknown country "${item}"` });
      continue;
    }
    addStatement(entity, 'nationality', code === item ? { value: code } : { value: code, original: item });
  }
}

/** A place or address as written, with the country its last words name when they name one. */
function placeStatement(text: string): Statement {
  const country = countryCode(text) ?? countryCode(text.replace(/\s*\([^)]*\)\s*$/, ''));
  return country ? { value: text, country } : { value: text };
}

function addControlDate(entity: Entity, cell: string, site: RecordSite, issues: RecordIssue[]): void {
  const date = excelSerialDate(cell) ?? readAuDates(cell).dates[0]?.value;
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) addStatement(entity, 'modifiedAt', date);
  else issues.push({ ...site, field: 'Control Date', raw: cell, message: `cannot read date "${cell}"` });
}

/** The rows of a party were amended on different days; the latest counts. */
function keepLatest(entity: Entity): void {
  const dates = entity.properties.modifiedAt;
  if (dates && dates.length > 1) entity.properties.modifiedAt = [dates.reduce((a, b) => (b.value > a.value ? b : a))];
}

/** The values of a cell that letters them ("a) Tehran, Iran b) Damascus, Syria"), or the cell itself; "NA" is none. */
function letteredItems(cell: string): string[] {
  return cell
    .split(LETTERED)
    .map((item) => item.trim().replace(/[;,]+$/, ''))
    .filter((item) => item !== '' && !NONE.test(item));
}
