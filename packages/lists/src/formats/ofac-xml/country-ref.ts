/**
 * @module formats/ofac-xml/country-ref
 * Countries as the XML files give them: the legacy file by name only ("Korea, North"), the advanced and
 * enhanced files by a reference value that carries the ISO code beside OFAC's name ("Palestinian", PS).
 */
import type { RecordIssue, Statement } from '@embargo/core';
import { countryStatement, type RecordSite } from '../ofac-common/countries.js';

/** A country as a list writes it: OFAC's name, and its ISO code where the file states one. */
export interface CountryWords {
  name: string;
  code?: string;
}

/**
 * The country statement, or undefined for OFAC's "no country" words ("undetermined", "None Identified");
 * a name without a stated code that `countryCode` does not know is reported.
 */
export function countryOf(country: CountryWords, site: RecordSite, field: string, issues: RecordIssue[]): Statement | undefined {
  const code = country.code?.trim().toUpperCase();
  if (code && /^[A-Z]{2}$/.test(code)) {
    return country.name && country.name !== code ? { value: code, original: country.name } : { value: code };
  }
  if (!country.name) return undefined;
  return countryStatement(country.name, site, field, issues);
}
