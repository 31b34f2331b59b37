/**
 * @module formats/uk-common/mapping
 * Maps the rows of the HMT/OFSI consolidated list to core entities: the rows sharing a "Group ID" are one
 * designation `uk:<Group ID>`. Each row repeats the designation's details next to one name variant (and one
 * date of birth or address when there are several), so the statements of all rows are merged, duplicates
 * dropped.
 */
import { addStatement, type Entity, type RecordIssue, type SchemaName } from '@embargo/core';
import { yearIn } from '../ofac-common/dates.js';
import { countryStatement, type RecordSite } from './countries.js';
import { ukDate } from './dates.js';
import { identifierStatements } from './identifiers.js';
import { nameProperty, nonLatinName, rowName } from './names.js';
import { numberedItems } from './numbered.js';
import { addOtherInformation } from './other-information.js';
import { addBirthPlaces } from './places.js';
import { cell, type UkRow } from './rows.js';

const SCHEMA_BY_GROUP_TYPE: Readonly<Record<string, SchemaName>> = { individual: 'Person', entity: 'Organization', ship: 'Vessel' };
const ADDRESS_COLUMNS = ['Address 1', 'Address 2', 'Address 3', 'Address 4', 'Address 5', 'Address 6', 'Post/Zip Code'];

export function ukRecordId(groupId: string): string {
  return `uk:${groupId}`;
}

/** All designations of the list, in the order their first row appears. */
export function mapUkRows(rows: readonly UkRow[], file: string, issues: RecordIssue[]): Entity[] {
  const groups = new Map<string, UkRow[]>();
  for (const row of rows) {
    const groupId = cell(row, 'Group ID');
    if (!groupId) {
      issues.push({ file, line: row.line, field: 'Group ID', message: 'row has no Group ID; ignored' });
      continue;
    }
    const group = groups.get(groupId);
    if (group) group.push(row);
    else groups.set(groupId, [row]);
  }
  return [...groups].map(([groupId, group]) => mapGroup(groupId, group, file, issues));
}

function mapGroup(groupId: string, rows: readonly UkRow[], file: string, issues: RecordIssue[]): Entity {
  const id = ukRecordId(groupId);
  const first = rows[0];
  const site: RecordSite = { file, line: first.line, recordId: id };
  const groupType = cell(first, 'Group Type');
  let schema = SCHEMA_BY_GROUP_TYPE[groupType.toLowerCase()];
  if (!schema) {
    issues.push({ ...site, field: 'Group Type', raw: groupType, message: `unknown Group Type "${groupType}"; read as an organisation` });
    schema = 'Organization';
  }
  const entity: Entity = { id, source: 'uk-hmt', schema, caption: '', properties: {} };
  const groupIssues: RecordIssue[] = [];
  const seen = new Set<string>();
  for (const row of rows) addRow(entity, row, { ...site, line: row.line }, groupIssues, seen);
  issues.push(...distinctIssues(groupIssues));
  keepLatest(entity, 'modifiedAt');
  // Two 2025 groups (16601, 16789) have only "Primary name variation" rows; their first name stands in.
  const primary = entity.properties.name?.[0] ?? entity.properties.alias?.[0] ?? entity.properties.previousName?.[0];
  if (!entity.properties.name)
    issues.push({ ...site, field: 'Alias Type', message: 'designation has no primary name row; the first name is the caption' });
  entity.caption = primary?.value ?? '';
  if (!primary) issues.push({ ...site, field: 'Name 6', message: 'designation has no name' });
  return entity;
}

/** Rows repeat a designation's details, and with them its problems: each is reported once, at its first row. */
function distinctIssues(issues: readonly RecordIssue[]): RecordIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.field}\u0000${i.raw}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "Last Updated" differs between the rows of a designation when one name was amended; the latest date counts. */
function keepLatest(entity: Entity, property: 'modifiedAt'): void {
  const statements = entity.properties[property];
  if (statements && statements.length > 1) entity.properties[property] = [statements.reduce((a, b) => (b.value > a.value ? b : a))];
}

/**
 * One row's statements. Rows of a designation repeat most cells, so each cell (or set of cells read together)
 * is mapped only the first time its value appears in the designation (`seen`).
 */
function addRow(entity: Entity, row: UkRow, site: RecordSite, issues: RecordIssue[], seen: Set<string>): void {
  const fresh = (...columns: string[]): boolean => {
    const key = columns.map((c) => `${c}=${cell(row, c)}`).join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return columns.some((c) => cell(row, c) !== '');
  };
  addNames(entity, row, site, issues);
  if (fresh('Title')) addStatement(entity, 'title', cell(row, 'Title'));
  if (fresh('DOB')) addDate(entity, 'birthDate', row, 'DOB', site, issues);
  if (fresh('Town of Birth', 'Country of Birth'))
    addBirthPlaces(entity, cell(row, 'Town of Birth'), cell(row, 'Country of Birth'), site, issues);
  if (fresh('Nationality')) {
    for (const item of numberedItems(cell(row, 'Nationality'))) {
      const nationality = countryStatement(item.value, site, 'Nationality', issues);
      if (nationality) addStatement(entity, 'nationality', nationality);
    }
  }
  // 2025: "Passport Number" + "Passport Details"; 2014: "Passport Details" alone, in free text.
  const hasNumberColumns = 'Passport Number' in row.cells;
  if (hasNumberColumns ? fresh('Passport Number', 'Passport Details') : fresh('Passport Details')) {
    const passports = hasNumberColumns
      ? identifierStatements(cell(row, 'Passport Number'), cell(row, 'Passport Details'), 'Passport')
      : identifierStatements(cell(row, 'Passport Details'), '', 'Passport');
    for (const passport of passports) addStatement(entity, 'passportNumber', passport);
  }
  if (hasNumberColumns ? fresh('National Identification Number', 'National Identification Details') : fresh('NI Number')) {
    const ids = hasNumberColumns
      ? identifierStatements(
          cell(row, 'National Identification Number'),
          cell(row, 'National Identification Details'),
          'National Identification Number',
        )
      : identifierStatements(cell(row, 'NI Number'), '', 'NI Number');
    for (const idNumber of ids) addStatement(entity, 'idNumber', idNumber);
  }
  if (fresh('Position')) for (const item of numberedItems(cell(row, 'Position'))) addStatement(entity, 'position', item.value);
  if (fresh(...ADDRESS_COLUMNS, 'Country')) addAddress(entity, row, site, issues);
  if (fresh('Other Information')) addOtherInformation(entity, cell(row, 'Other Information'), site, issues);
  if (fresh('Regime')) addStatement(entity, 'program', cell(row, 'Regime'));
  if (fresh('Listed On')) addDate(entity, 'listingDate', row, 'Listed On', site, issues);
  if (fresh('Last Updated')) addDate(entity, 'modifiedAt', row, 'Last Updated', site, issues);
}

function addNames(entity: Entity, row: UkRow, site: RecordSite, issues: RecordIssue[]): void {
  const name = rowName(row, entity.schema);
  if (name) {
    let property = nameProperty(row);
    if (!property) {
      const type = cell(row, 'Alias Type');
      issues.push({ ...site, field: 'Alias Type', raw: type, message: `unknown Alias Type "${type}"; read as an alias` });
      property = 'alias';
    }
    if (property === 'weakAlias') name.weak = true;
    addStatement(entity, property, name);
  }
  const nonLatin = nonLatinName(row);
  if (nonLatin) {
    addStatement(entity, 'alias', nonLatin.statement);
    if (nonLatin.unknownScript)
      issues.push({
        ...site,
        field: 'Non-Latin Script Type',
        raw: nonLatin.unknownScript,
        message: `unknown script "${nonLatin.unknownScript}"`,
      });
  }
}

function addDate(
  entity: Entity,
  property: 'birthDate' | 'listingDate' | 'modifiedAt',
  row: UkRow,
  column: string,
  site: RecordSite,
  issues: RecordIssue[],
): void {
  const raw = cell(row, column);
  if (!raw) return;
  const value = ukDate(raw);
  if (value) return addStatement(entity, property, value === raw ? value : { value, original: raw });
  issues.push({ ...site, field: column, raw, message: `cannot read date "${raw}"` });
  const year = yearIn(raw);
  if (year) addStatement(entity, property, { value: year, original: raw });
}

/** Address 1–6 and Post/Zip Code with the Country; a row with only a Country says where the designation is. */
function addAddress(entity: Entity, row: UkRow, site: RecordSite, issues: RecordIssue[]): void {
  const countryText = cell(row, 'Country');
  const country = countryText ? countryStatement(countryText, site, 'Country', issues) : undefined;
  if (country) addStatement(entity, 'country', country);
  const parts = ADDRESS_COLUMNS.map((c) => cell(row, c).replace(/[,\s]+$/, '')).filter(Boolean);
  if (!parts.length) return;
  addStatement(
    entity,
    'address',
    country ? { value: [...parts, countryText].join(', '), country: country.value } : [...parts, countryText].filter(Boolean).join(', '),
  );
}
