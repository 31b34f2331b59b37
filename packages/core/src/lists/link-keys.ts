/**
 * @module lists/link-keys
 * The comparison keys used to link records across lists: document numbers without punctuation,
 * names as sorted folded tokens, and birth dates at a precision two lists can agree on.
 */
import type { Statement } from '../model/entity.js';

/** Shorter numbers ("123", "A12") are too often coincidental to prove two records are the same. */
export const MIN_IDENTIFIER_LENGTH = 5;

/**
 * A document number as compared across lists: spaces, dashes and dots removed, lower case.
 * `'563-120.368'` → `'563120368'`. IMO numbers also lose an `IMO` prefix, which some lists keep
 * in the value ("IMO 9187629") and others do not.
 */
export function identifierKey(property: string, value: string): string {
  let key = value.replace(SEPARATORS, '').toLowerCase();
  if (property === 'imoNumber') key = key.replace(/^imo:?/, '');
  return key;
}

// Hyphen-minus, the Unicode hyphens and dashes (U+2010–2015), minus sign, small and full-width
// hyphen-minus; a non-Unicode regex because this runs on every number of every list.
const SEPARATORS = /[\s.\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]+/g;

/**
 * A name as compared across lists: NFKD, diacritics stripped, lower case, anything that is not a
 * letter or digit a separator (apostrophes dropped), tokens sorted. `'JANG, Sung Nam'` and `'JANG SUNG NAM'` both give
 * `'jang nam sung'`; OFAC writes "SURNAME, Given" where the UN writes "SURNAME GIVEN".
 */
export function nameKey(name: string): string {
  return foldedNameWords(name).sort().join(' ');
}

/** A name's words as `nameKey` folds them, in the name's order. */
export function foldedNameWords(name: string): string[] {
  // Most names on the lists are printable ASCII, for which NFKD and diacritic stripping change nothing.
  const folded = PRINTABLE_ASCII.test(name)
    ? name
        .toLowerCase()
        .replace(APOSTROPHES, '')
        .split(/[^a-z0-9]+/)
    : name
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .replace(APOSTROPHES, '')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u);
  return folded.filter((token) => token.length > 0);
}
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/**
 * Apostrophes and the letters lists write for ayn and hamza join the word they stand in: OFAC writes
 * "AL-QA'IDA" where the UN writes "AL-QAIDA".
 */
const APOSTROPHES = /['`\u2018\u2019\u02bc\u02bb\u02be\u02bf\u00b4]/g;

/**
 * A birth date as compared across lists, or undefined when it is too vague: only full dates
 * (YYYY-MM-DD) and bare years (YYYY) count, each equal only to the same precision, so `1958` never
 * links with `1958-07-07`. Ranges ("1960 to 1962") are not one date and never link.
 */
export function birthDateKey(statement: Statement): string | undefined {
  if (statement.until) return undefined;
  return /^\d{4}(-\d{2}-\d{2})?$/.test(statement.value) ? statement.value : undefined;
}
