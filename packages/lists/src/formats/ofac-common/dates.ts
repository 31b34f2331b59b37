/**
 * @module formats/ofac-common/dates
 * Reads the dates OFAC writes in its legacy files ("15 Jan 1962", "Jan 1962", "1962", "circa 1962",
 * "1960 to 1962", "circa 1979-1982") into ISO prefixes, as the remarks of the CSV and the legacy XML use them.
 * @example parseOfacDate('circa 1960 to 1962') // { value: '1960', until: '1962', approximate: true }
 */

/** An OFAC date read into ISO prefixes (YYYY, YYYY-MM or YYYY-MM-DD). */
export interface OfacDate {
  value: string;
  until?: string;
  approximate?: boolean;
}

const MONTHS: Readonly<Record<string, string>> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

// "15 Jan 1962" | "Jan 1962" | "1962"; OFAC writes three-letter English months, a few older entries spell them out.
const SINGLE_DATE = /^(?:(\d{1,2}) )?(?:([A-Za-z]{3})[a-z]*\.? )?(\d{4})$/;

/**
 * Reads one OFAC date expression, or returns undefined when it is not one (the caller reports it).
 * Ranges are written "A to B" or, after "circa", "A-B".
 */
export function parseOfacDate(text: string): OfacDate | undefined {
  let rest = text.trim();
  // Most dates are written with single spaces already; replacing each space with a space copied them all.
  if (UNUSUAL_SPACE.test(rest)) rest = rest.replace(WHITESPACE_RUN, ' ');
  if (rest.endsWith('.')) rest = rest.slice(0, -1);
  let approximate = false;
  const circa = CIRCA.exec(rest);
  if (circa) {
    approximate = true;
    rest = rest.slice(circa[0].length);
  }
  let bounds = rest.includes(' to ') ? rest.split(' to ') : [rest];
  const yearSpan = YEAR_SPAN.exec(rest);
  if (yearSpan) bounds = [yearSpan[1], yearSpan[2]];
  if (bounds.length > 2) return undefined;
  const from = isoDatePrefix(bounds[0]);
  if (!from) return undefined;
  const date: OfacDate = { value: from };
  if (bounds.length === 2) {
    const until = isoDatePrefix(bounds[1]);
    if (!until || until < from) return undefined;
    date.until = until;
  }
  if (approximate) date.approximate = true;
  return date;
}

/** The first four-digit year in a text, for keeping at least the year of a date that cannot be read. */
export function yearIn(text: string): string | undefined {
  return YEAR.exec(text)?.[1];
}

/** Two whitespace characters in a row, or one that is not a plain space. */
const UNUSUAL_SPACE = /\s\s|[^\S ]/;
const WHITESPACE_RUN = /\s+/g;
const CIRCA = /^(?:circa|approximately|approx\.?|about)\s+/i;
const YEAR_SPAN = /^(\d{4}) ?- ?(\d{4})$/;
const YEAR = /\b(1[89]\d\d|20\d\d)\b/;

function isoDatePrefix(text: string): string | undefined {
  const m = SINGLE_DATE.exec(text.trim());
  if (!m) return undefined;
  const [, day, monthName, year] = m;
  if (!monthName) return day ? undefined : year;
  const month = MONTHS[monthName.toLowerCase()];
  if (!month) return undefined;
  if (!day) return `${year}-${month}`;
  const dd = day.padStart(2, '0');
  if (!isRealDay(Number(year), Number(month), Number(dd))) return undefined;
  return `${year}-${month}-${dd}`;
}

function isRealDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return day >= 1 && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
