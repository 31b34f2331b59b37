/**
 * @module formats/ofac-common/countries
 * Country words in OFAC's legacy files (address countries, vessel flags, nationalities in remarks)
 * turned into ISO codes, with the list's placeholders for "no country" told apart from unknown countries.
 */
import { countryCode, type RecordIssue, type Statement } from '@embargo/core';

/** Where a value came from, for the issues a format module reports about one record. */
export interface RecordSite {
  file: string;
  line?: number;
  recordId: string;
}

// OFAC writes these where it has no country; they are not unknown countries (vessel flag "None Identified",
// address country "undetermined").
const NO_COUNTRY = new Set(['undetermined', 'none identified', 'unknown', 'not identified']);

/**
 * The ISO code for an OFAC country text, null when the text says there is none, undefined when unknown.
 * OFAC prefixes disputed areas with "Region: " ("Region: Gaza", "Region: Crimea").
 */
export function ofacCountryCode(text: string): string | null | undefined {
  if (KNOWN.has(text)) return KNOWN.get(text);
  const words = text.trim();
  const code = NO_COUNTRY.has(words.toLowerCase())
    ? null
    : (countryCode(words) ??
      countryCode(words.replace(/^Region:\s*/i, '')) ??
      // "Cabo Verde.  Previously Cape Verde."
      countryCode(words.split(/\.\s+/)[0]));
  if (KNOWN.size < 10_000) KNOWN.set(text, code);
  return code;
}

// A list repeats a few hundred country spellings tens of thousands of times; countryCode folds each one anew.
const KNOWN = new Map<string, string | null | undefined>();

/**
 * A country statement (`{ value: 'KP', original: 'Korea, North' }`), or undefined with an issue pushed
 * when the country is unknown; a "no country" placeholder gives undefined and no issue.
 */
export function countryStatement(text: string, site: RecordSite, field: string, issues: RecordIssue[]): Statement | undefined {
  const code = ofacCountryCode(text);
  if (code === null) return undefined;
  if (code === undefined) {
    issues.push({ ...site, field, raw: text, message: `unknown country "${text}"` });
    return undefined;
  }
  return code === text ? { value: code } : { value: code, original: text };
}
