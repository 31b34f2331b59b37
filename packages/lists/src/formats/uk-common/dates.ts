/**
 * @module formats/uk-common/dates
 * HMT writes dates as dd/mm/yyyy with 00 for an unknown day or month ("00/00/1955" is 1955, "00/03/1955"
 * March 1955); the 2025 sheet also writes "mm/yyyy" and bare years ("1951").
 * @example ukDate('00/03/1955') === '1955-03'; ukDate('17/08/1957') === '1957-08-17'
 */

/** The ISO date or prefix, or undefined when the text is not such a date. */
export function ukDate(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return isoPrefix(m[3], Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return isoPrefix(m[2], Number(m[1]), 0);
  return /^\d{4}$/.test(t) ? t : undefined;
}

function isoPrefix(year: string, month: number, day: number): string | undefined {
  if (month === 0) return day === 0 ? year : undefined;
  if (month > 12) return undefined;
  const mm = String(month).padStart(2, '0');
  if (day === 0) return `${year}-${mm}`;
  const date = new Date(Date.UTC(Number(year), month - 1, day));
  return date.getUTCDate() === day && date.getUTCMonth() === month - 1 ? `${year}-${mm}-${String(day).padStart(2, '0')}` : undefined;
}
