/**
 * @module model/party-input
 * What makes a party to screen well-formed, in one place, so that every edge (the HTTP API, batch
 * uploads, customer registration, `embargo screen`) refuses the same inputs with the same reasons:
 * a birth date must be a real calendar date written as an ISO prefix, a name must hold something to
 * match on and have a bounded number of words, and no text may carry control characters.
 *
 * @example birthDateProblem('1984-13-45') // 'month 13 does not exist'
 * @example nameProblem('\u200b \u00a0') // 'holds no letter or digit (only spaces, punctuation or invisible characters)'
 */
import { nameTokens } from '../text/normalize.js';
import type { ScreeningQuery } from '../match/query.js';

/**
 * The most words a screened name may have. The longest name on the lists has 25 words (a UN record
 * that lists a false identity's papers inside the name); a query of thousands of words overflowed the
 * candidate ranking in the name index, so the limit is checked at every edge before the engine runs.
 */
export const MAX_NAME_WORDS = 100;

/** The ISO prefixes accepted: YYYY, YYYY-MM, YYYY-MM-DD, each part zero-padded. */
const ISO_DATE_PREFIX = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
/** A date written without its zero padding (1969-7-16): refused with the padded form to write instead. */
const UNPADDED_DATE = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC keeps it free of time zones.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Why a birth date is not one, or undefined when it is: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a month that
 * exists and a day that exists in that month (leap years counted). Unpadded dates (`1969-7-16`) are
 * refused, not guessed: the reason gives the padded form to send instead.
 * @example birthDateProblem('2023-02-30') // 'day 30 does not exist in 2023-02'
 * @example birthDateProblem('1969-07-16') // undefined
 */
export function birthDateProblem(value: string): string | undefined {
  const parts = ISO_DATE_PREFIX.exec(value);
  if (!parts) {
    const unpadded = UNPADDED_DATE.exec(value);
    if (unpadded) {
      const padded = [unpadded[1], unpadded[2].padStart(2, '0'), unpadded[3]?.padStart(2, '0')].filter(Boolean).join('-');
      return `"${value}" is not written YYYY-MM-DD: write months and days with two digits ("${padded}")`;
    }
    return `"${value}" is not a date written YYYY, YYYY-MM or YYYY-MM-DD`;
  }
  const year = Number(parts[1]);
  if (year === 0) return `year 0000 does not exist`;
  if (parts[2] === undefined) return undefined;
  const month = Number(parts[2]);
  if (month < 1 || month > 12) return `month ${parts[2]} does not exist`;
  if (parts[3] === undefined) return undefined;
  const day = Number(parts[3]);
  if (day < 1 || day > daysInMonth(year, month)) return `day ${parts[3]} does not exist in ${parts[1]}-${parts[2]}`;
  return undefined;
}

/** Whether a birth date is a real date written as an ISO prefix (see `birthDateProblem`). */
export function isBirthDate(value: string): boolean {
  return birthDateProblem(value) === undefined;
}

/**
 * Why a name cannot be screened, or undefined when it can: it must hold at least one letter or digit
 * once folded (spaces, punctuation, zero-width characters such as U+200B and U+FEFF, and control
 * characters are not content), and at most `MAX_NAME_WORDS` words.
 * @example nameProblem('Kim Jong Un') // undefined
 * @example nameProblem('-- .. --') // 'holds no letter or digit (only spaces, punctuation or invisible characters)'
 */
export function nameProblem(name: string): string | undefined {
  const words = nameTokens(name).length;
  if (words === 0) return 'holds no letter or digit (only spaces, punctuation or invisible characters)';
  if (words > MAX_NAME_WORDS) return `has ${words} words; a name screened has at most ${MAX_NAME_WORDS}`;
  return undefined;
}

/**
 * C0 control characters and DEL, which no name, key, reason or filter has a use for (PostgreSQL refuses
 * U+0000 in text outright). Tab, line feed and carriage return are allowed where free text is (reasons).
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROL_CHARACTER_OR_LINE_BREAK = /[\u0000-\u001f\u007f]/;

/**
 * Why a text holds a control character, or undefined when it holds none. `allowLineBreaks` admits tab,
 * line feed and carriage return (free text such as a decision's reason).
 * @example controlCharacterProblem('Kim\u0000') // 'holds the control character U+0000'
 */
export function controlCharacterProblem(text: string, allowLineBreaks = true): string | undefined {
  const found = (allowLineBreaks ? CONTROL_CHARACTER : CONTROL_CHARACTER_OR_LINE_BREAK).exec(text);
  if (!found) return undefined;
  return `holds the control character U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A field of a party that cannot be screened, and why. */
export interface PartyProblem {
  field: 'name' | 'birthDate' | 'country' | 'identifiers';
  reason: string;
}

/**
 * The first problem of a party to screen, or undefined: its name (`nameProblem`), its birth date
 * (`birthDateProblem`) and control characters in any of its texts. Types are the caller's to check (a
 * JSON schema at the HTTP edge); this checks what a schema cannot say.
 * @example partyProblem({ name: 'Kim Jong Un', birthDate: '1984-13-45' }) // { field: 'birthDate', reason: 'month 13 does not exist' }
 */
export function partyProblem(query: ScreeningQuery): PartyProblem | undefined {
  // Line breaks and tabs in a name are spaces: the lists' own names carry them (the UN XML wraps long
  // Arabic names over two lines), and so do names copied from them.
  const controls = controlCharacterProblem(query.name);
  if (controls) return { field: 'name', reason: controls };
  const name = nameProblem(query.name);
  if (name) return { field: 'name', reason: name };
  if (query.birthDate !== undefined) {
    const date = birthDateProblem(query.birthDate);
    if (date) return { field: 'birthDate', reason: date };
  }
  if (query.country !== undefined) {
    const country = controlCharacterProblem(query.country, false);
    if (country) return { field: 'country', reason: country };
  }
  for (const identifier of query.identifiers ?? []) {
    const problem = controlCharacterProblem(`${identifier.type ?? ''}${identifier.value}`, false);
    if (problem) return { field: 'identifiers', reason: problem };
  }
  return undefined;
}
