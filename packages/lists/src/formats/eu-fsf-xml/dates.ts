/**
 * @module formats/eu-fsf-xml/dates
 * `<birthdate>`: a full date (`birthdate="1937-04-28"`), or its parts (`year`, `monthOfYear`, `dayOfMonth`), or a
 * range of years (`yearRangeFrom`, `yearRangeTo`); `circa="true"` for an approximate one; `calendarType` is
 * "GREGORIAN"; a date in another calendar is reported rather than read as a Gregorian one. The same
 * element carries the place of birth (`city`, `place`, `region`, `zipCode`, `countryIso2Code`).
 */
import { addStatement, type Entity, type RecordIssue, type Statement } from '@embargo/core';
import { euCountry, euCountryWords } from './countries.js';
import type { XmlNode } from '../ofac-xml/xml-stream.js';
import type { RecordSite } from './names.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const YEAR = /^\d{4}$/;

export function addBirth(entity: Entity, node: XmlNode, site: RecordSite, issues: RecordIssue[]): void {
  const a = (name: string) => (node.attrs[name] ?? '').trim();
  const nodeSite = { ...site, line: node.line };
  const date = birthDate(a, nodeSite, issues);
  const calendar = a('calendarType');
  if (date && calendar && calendar.toUpperCase() !== 'GREGORIAN') {
    // A year such as 1378 in another calendar is not the Gregorian year it reads as; it is reported, not converted.
    issues.push({
      ...nodeSite,
      field: 'birthdate/calendarType',
      raw: `${date.value} (${calendar})`,
      message: `date of birth in the ${calendar} calendar is not read`,
    });
  } else if (date) {
    if (a('circa').toLowerCase() === 'true') date.approximate = true;
    addStatement(entity, 'birthDate', date);
  }
  const place = [a('place'), a('city'), a('zipCode'), a('region'), euCountryWords(node)].filter(Boolean).join(', ');
  if (place) {
    const country = euCountry(node);
    addStatement(entity, 'birthPlace', country ? { value: place, country: country.value } : place);
  }
}

function birthDate(a: (name: string) => string, site: RecordSite, issues: RecordIssue[]): Statement | undefined {
  const full = a('birthdate');
  if (full) {
    if (ISO_DAY.test(full) && realDay(full)) return { value: full };
    issues.push({ ...site, field: 'birthdate', raw: full, message: `cannot read date "${full}"` });
  }
  const [from, to] = [a('yearRangeFrom'), a('yearRangeTo')];
  if (from || to) {
    if (YEAR.test(from) && YEAR.test(to) && from <= to) return from === to ? { value: from } : { value: from, until: to };
    issues.push({ ...site, field: 'birthdate/yearRange', raw: `${from}-${to}`, message: `cannot read year range "${from}-${to}"` });
    return undefined;
  }
  const year = a('year');
  if (!year) return undefined;
  if (!YEAR.test(year)) {
    issues.push({ ...site, field: 'birthdate/year', raw: year, message: `cannot read year "${year}"` });
    return undefined;
  }
  const month = Number(a('monthOfYear') || 0);
  const day = Number(a('dayOfMonth') || 0);
  if (month < 1 || month > 12) return { value: year };
  const mm = String(month).padStart(2, '0');
  const withDay = `${year}-${mm}-${String(day).padStart(2, '0')}`;
  return day >= 1 && realDay(withDay) ? { value: withDay } : { value: `${year}-${mm}` };
}

function realDay(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
