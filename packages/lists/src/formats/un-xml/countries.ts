/**
 * @module formats/un-xml/countries
 * Country words in the UN list (NATIONALITY, ISSUING_COUNTRY, address and birth-place COUNTRY) as ISO codes.
 * The UN writes its own country names ("Iran (Islamic Republic of)", "Democratic People's Republic of Korea"),
 * adds remarks in brackets ("Indonesia (as at Dec. 2003)", "USSR (until 1991)") and writes "na" for none. In
 * ISSUING_COUNTRY it also writes "Tunisian passport" and "Iran / unknown".
 */
import { countryCode, type RecordIssue, type Statement } from '@embargo/core';

/** Where a value came from, for the issues about one record. */
export interface RecordSite {
  file: string;
  line?: number;
  recordId: string;
}

const NO_COUNTRY = new Set(['na', 'n/a', 'unknown', 'none']);

/** The ISO code, null when the text says there is no country, undefined when the country is unknown. */
export function unCountryCode(text: string): string | null | undefined {
  if (KNOWN.has(text)) return KNOWN.get(text);
  const code = readCountry(text);
  if (KNOWN.size < 10_000) KNOWN.set(text, code);
  return code;
}

// A list repeats a few hundred country spellings thousands of times; countryCode folds each one anew.
const KNOWN = new Map<string, string | null | undefined>();

function readCountry(text: string): string | null | undefined {
  const words = text.trim();
  if (NO_COUNTRY.has(words.toLowerCase())) return null;
  return (
    countryCode(words) ??
    countryCode(words.replace(/\s*\([^)]*\)\s*/g, ' ').trim()) ??
    countryCode(
      words
        .replace(/\s+passport$/i, '')
        .replace(/\s*\/\s*unknown$/i, '')
        .replace(/^former\s+/i, ''),
    )
  );
}

/** `{ value: 'KP', original: "Democratic People's Republic of Korea" }`, or undefined plus an issue when unknown. */
export function countryStatement(text: string, site: RecordSite, field: string, issues: RecordIssue[]): Statement | undefined {
  const code = unCountryCode(text);
  if (code === null) return undefined;
  if (code === undefined) {
    issues.push({ ...site, field, raw: text, message: `unknown country "${text}"` });
    return undefined;
  }
  return code === text ? { value: code } : { value: code, original: text };
}
