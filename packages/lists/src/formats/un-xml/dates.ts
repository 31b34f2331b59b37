/**
 * @module formats/un-xml/dates
 * Dates in the UN list. Most are ISO already (LISTED_ON 2017-08-05), some carry a time-zone suffix
 * ("1964-07-17-05:00" in the older generator's output). Dates of birth come as INDIVIDUAL_DATE_OF_BIRTH with
 * TYPE_OF_DATE EXACT (DATE or YEAR), APPROXIMATELY (YEAR) or BETWEEN (FROM_YEAR, TO_YEAR), and sometimes
 * only a NOTE in words ("Nov. 1973", "Between Aug. and Sep. 1977", "24/06/1402 (Hijri Calendar)").
 */
import type { RecordIssue, Statement } from '@embargo/core';
import { parseOfacDate, yearIn } from '../ofac-common/dates.js';
import type { RecordSite } from './countries.js';
import { childText, type XmlNode } from './xml-node.js';

const DATE_TYPES = new Set(['EXACT', 'APPROXIMATELY', 'BETWEEN']);
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|T|Z|[+-]\d)/;
const ISO_YEAR_OR_MONTH = /^\d{4}(?:-(?:0[1-9]|1[0-2]))?$/;
const APPROXIMATELY = /^(approximately|approx\.?|circa)$/i;
const FOUR_DIGITS = /^\d{4}$/;

/** "2017-08-05" or "2017-08-05-04:00" → "2017-08-05"; undefined when it is not a real calendar day. */
export function isoDay(text: string): string | undefined {
  const m = ISO_DAY.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/**
 * A date statement from an ISO date or prefix ("2017-08-05", "1955" in an alias's DATE_OF_BIRTH); an unreadable
 * one is reported and kept at year precision if it has a year.
 */
export function dateStatement(raw: string, site: RecordSite, field: string, issues: RecordIssue[]): Statement | undefined {
  const day = isoDay(raw) ?? (ISO_YEAR_OR_MONTH.test(raw) ? raw : undefined);
  if (day) return day === raw ? { value: day } : { value: day, original: raw };
  issues.push({ ...site, field, raw, message: `cannot read date "${raw}"` });
  const year = yearIn(raw);
  return year ? { value: year, original: raw } : undefined;
}

/** One INDIVIDUAL_DATE_OF_BIRTH (or undefined for the empty placeholder the UN writes when there is none). */
export function readBirthDate(node: XmlNode, site: RecordSite, issues: RecordIssue[]): Statement | undefined {
  const type = childText(node, 'TYPE_OF_DATE')?.toUpperCase();
  const [date, year, from, to, note] = ['DATE', 'YEAR', 'FROM_YEAR', 'TO_YEAR', 'NOTE'].map((n) => childText(node, n));
  if (!date && !year && !from && !to && !note) return undefined;
  const field = 'INDIVIDUAL_DATE_OF_BIRTH';
  if (type && !DATE_TYPES.has(type)) issues.push({ ...site, field, raw: type, message: `unknown TYPE_OF_DATE "${type}"; read as EXACT` });
  // BETWEEN records often say "Approximately" in their NOTE; that note is then a qualifier, not a remark.
  const approximateNote = note !== undefined && APPROXIMATELY.test(note);
  let statement: Statement | undefined;
  let noteUsed = approximateNote;
  if (from || to) {
    statement = yearRange(from, to, site, issues);
  } else if (date) {
    statement = dateStatement(date, site, field, issues);
  } else if (year && FOUR_DIGITS.test(year)) {
    // "Sep." with YEAR 1958: the note holds the month.
    const withMonth = note && !approximateNote ? parseOfacDate(`${note} ${year}`) : undefined;
    statement = withMonth && !withMonth.until ? { value: withMonth.value, original: `${note} ${year}` } : { value: year };
    if (withMonth && !withMonth.until) noteUsed = true;
  } else {
    const text = year ?? note!;
    noteUsed = text === note;
    const parsed = parseOfacDate(text);
    if (parsed) statement = { ...parsed, original: text };
    else {
      issues.push({ ...site, field, raw: text, message: `cannot read date of birth "${text}"` });
      const y = yearIn(text);
      statement = y ? { value: y, original: text } : undefined;
    }
  }
  if (!statement) return undefined;
  if (type === 'APPROXIMATELY' || approximateNote) statement.approximate = true;
  if (note && !noteUsed) statement.note = note;
  return statement;
}

function yearRange(from: string | undefined, to: string | undefined, site: RecordSite, issues: RecordIssue[]): Statement | undefined {
  const ok = (y: string | undefined) => y !== undefined && FOUR_DIGITS.test(y);
  if (ok(from) && ok(to) && from! <= to!) return from === to ? { value: from! } : { value: from!, until: to! };
  const raw = `${from ?? ''} to ${to ?? ''}`;
  issues.push({ ...site, field: 'INDIVIDUAL_DATE_OF_BIRTH', raw, message: `cannot read year range "${raw}"` });
  const year = ok(from) ? from : ok(to) ? to : undefined;
  return year ? { value: year, original: raw } : undefined;
}
