/**
 * @module formats/au-dfat-xlsx/dates
 * Dates of birth as DFAT writes them in one cell: an Excel date (a day count, as most cells hold), or text
 * copied from the UN and other sources — "12 Dec. 1960", "19/08/1974", "Approximately 1955- 1958",
 * "Between 1975 and 1979", "circa 1979", "Nov. 1973" — and several of them in one cell, lettered
 * ("a) 1 Jan. 1964 b) 1959"), or separated by ";", ",", " or ", ">>" or "; alt DOB:". "na" means none.
 * @example readAuDates('a) 16/11/1977; b) Approximately 1974').dates
 *   // [{ value: '1977-11-16', original: '16/11/1977' }, { value: '1974', original: 'Approximately 1974', approximate: true }]
 */
import type { Statement } from '@embargo/core';
import { parseOfacDate, yearIn } from '../ofac-common/dates.js';

export interface AuDates {
  dates: Statement[];
  /** Items no reading understood, kept at year precision in `dates` when they hold a year. */
  unread: string[];
}

/** Days between 1899-12-30 (Excel's day 0, counting its 1900 leap-year bug) and 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;
const DAY_MS = 86_400_000;

/** An Excel day count (as a date cell holds, "20427") → YYYY-MM-DD. */
export function excelSerialDate(text: string): string | undefined {
  if (!/^\d{5}$/.test(text)) return undefined;
  return new Date((Number(text) - EXCEL_EPOCH_DAYS) * DAY_MS).toISOString().slice(0, 10);
}

const NONE = /^(na|n\/a|unknown|-)?$/i;
/** "a) ", "b)", "c)  ", at the start or after a space: the letters DFAT numbers several dates with. */
const LETTERED = /(?:^|\s)[a-z]\)\s*/;
/** Separators between dates in one cell. */
const SEPARATORS = /\s*(?:;\s*alt DOB:|;|,\s*or\b|,|\bor\b|>>)\s*|(?<=\d{4})\s+(?=\d{1,2}\/)/i;
const APPROXIMATELY = /^(?:approximately|approx\.?|circa|about|c\.)\s*/i;
/** "born 5 Feb. 1969", "alt born …", "alt DOB 01/01/1969": words before the date. */
const LEAD_WORDS = /^(?:alt(?:ernative)?\s+)?(?:born|DOB:?)\s+/i;
const BETWEEN = /^between\s+(.+?)\s+(?:and|to)\s+(.+)$/i;
const YEAR_RANGE = /^(\d{4})\s*[-/]\s*(\d{4})$/;
const TRAILING_REMARK = /^(.+?)\s*\(([^()]+)\)$/;
/** "19/08/1974", "05.09.1990", "09/11/ 1954". */
const DAY_MONTH_YEAR = /^(\d{1,2})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{4})$/;
const MONTH_YEAR = /^(\d{1,2})\/(\d{4})$/;
/** "19-Dec-1992", "29-Aprl-1967": day, month name, year joined by dashes. */
const DASHED = /^(\d{1,2})-([A-Za-z]{3,})-(\d{4})$/;

/** Every date a cell gives, in its order; an item that is not a date is left in `unread`. */
export function readAuDates(cell: string): AuDates {
  const out: AuDates = { dates: [], unread: [] };
  if (NONE.test(cell.trim())) return out;
  const items = cell
    .split(LETTERED)
    .flatMap((part) => part.split(SEPARATORS))
    .map((item) => item.trim().replace(/[.,;]+$/, ''))
    .filter((item) => item !== '' && !NONE.test(item));
  for (const item of items) {
    const date = readOne(item);
    // A date cell's day count is not the list's words (Excel shows it as a date): no original is kept for it.
    if (date) out.dates.push(date.value === item || excelSerialDate(item) ? date : { ...date, original: item });
    else {
      out.unread.push(item);
      const year = yearIn(item);
      if (year) out.dates.push({ value: year, original: item });
    }
  }
  return out;
}

function readOne(text: string): Statement | undefined {
  // "(Aug. 1961)": a lettered item in brackets; "21. Jul 1997", "24 Jan.1973": stray dots and missing spaces.
  const item = text
    .replace(/^\((.*)\)$/, '$1')
    .replace(LEAD_WORDS, '')
    .replace(/^(\d{1,2})\.\s+(?=[A-Za-z])/, '$1 ')
    .replace(/([A-Za-z])\.(\d)/, '$1. $2')
    .replace(DASHED, '$1 $2 $3')
    .trim();
  // "3 March 1979 (from false passport)", "1977 (as Muhammad Da'ud Salman)": a remark on the date. A calendar
  // named there ("24/06/1402 (Hijri Calendar)") is not the Gregorian date it looks like.
  const remark = TRAILING_REMARK.exec(item);
  if (remark && !/calendar|hijri/i.test(remark[2])) {
    const date = readOne(remark[1]);
    return date && { ...date, note: remark[2] };
  }
  const serial = excelSerialDate(item);
  if (serial) return { value: serial };
  const approximately = APPROXIMATELY.exec(item);
  if (approximately) {
    const rest = readOne(item.slice(approximately[0].length));
    return rest && { ...rest, approximate: true };
  }
  const between = BETWEEN.exec(item) ?? YEAR_RANGE.exec(item);
  if (between) {
    const [from, until] = [readOne(between[1]), readOne(between[2])];
    // "Between Aug. and Sep 1977": the first bound has no year of its own.
    const fromValue = from?.value ?? readOne(`${between[1]} ${yearIn(between[2]) ?? ''}`)?.value;
    if (fromValue && until && fromValue <= until.value) return { value: fromValue, until: until.value };
    return undefined;
  }
  const dmy = DAY_MONTH_YEAR.exec(item);
  if (dmy) return isoDay(dmy[3], Number(dmy[2]), Number(dmy[1]));
  const my = MONTH_YEAR.exec(item);
  if (my && Number(my[1]) >= 1 && Number(my[1]) <= 12) return { value: `${my[2]}-${my[1].padStart(2, '0')}` };
  const written = parseOfacDate(item);
  return (
    written && {
      value: written.value,
      ...(written.until ? { until: written.until } : {}),
      ...(written.approximate ? { approximate: true } : {}),
    }
  );
}

function isoDay(year: string, month: number, day: number): Statement | undefined {
  const date = new Date(Date.UTC(Number(year), month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return { value: date.toISOString().slice(0, 10) };
}
