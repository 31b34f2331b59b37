/**
 * @module formats/ca-sema-xml/dates
 * Dates in the Canadian list: ISO days and their prefixes ("1933-02-02", "1964-03", "1955"), now and then two
 * in one field ("1972-08-10 or 1972-08-11"), and in later files also written out ("14 May 1963").
 * @example readCaDates('1972-08-10 or 1972-08-11').dates // [{ value: '1972-08-10' }, { value: '1972-08-11' }]
 */
import type { Statement } from '@embargo/core';
import { parseOfacDate, yearIn } from '../ofac-common/dates.js';

const ISO_PREFIX = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const SEPARATORS = /\s*(?:\bor\b|;|,|\|)\s*/i;

export function readCaDates(text: string): { dates: Statement[]; unread: string[] } {
  const out: { dates: Statement[]; unread: string[] } = { dates: [], unread: [] };
  for (const item of text
    .split(SEPARATORS)
    .map((i) => i.trim())
    .filter(Boolean)) {
    const iso = isoPrefix(item);
    if (iso) {
      out.dates.push({ value: iso });
      continue;
    }
    const written = parseOfacDate(item);
    if (written) {
      out.dates.push({ ...written, original: item });
      continue;
    }
    out.unread.push(item);
    const year = yearIn(item);
    if (year) out.dates.push({ value: year, original: item });
  }
  return out;
}

/** "1933-02-02", "1964-03", "1955" when the month and day are real; undefined otherwise. */
function isoPrefix(text: string): string | undefined {
  const m = ISO_PREFIX.exec(text);
  if (!m) return undefined;
  const [, year, month, day] = m;
  if (month && (Number(month) < 1 || Number(month) > 12)) return undefined;
  if (day) {
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    if (date.getUTCDate() !== Number(day)) return undefined;
  }
  return text;
}
