/**
 * @module formats/eu-fsf-xml/countries
 * Countries in the EU file come as `countryIso2Code` with `countryDescription` ("IQ", "IRAQ"). "00" with
 * "UNKNOWN" means none. "CS" is the code of Serbia and Montenegro, withdrawn in 2006, that the file still uses
 * for places in Serbia; it is read as RS, with the code kept as the original.
 */
import { countryCode } from '@embargo/core';
import type { XmlNode } from '../ofac-xml/xml-stream.js';

const NO_COUNTRY_CODES = new Set(['', '00']);
const WITHDRAWN_CODES: Readonly<Record<string, string>> = { CS: 'RS' };

/** The ISO code of the element's country with the file's own code or words when they differ; undefined for none or unknown. */
export function euCountry(node: XmlNode): { value: string; original?: string } | undefined {
  const code = (node.attrs.countryIso2Code ?? '').trim().toUpperCase();
  const description = (node.attrs.countryDescription ?? '').trim();
  if (WITHDRAWN_CODES[code]) return { value: WITHDRAWN_CODES[code], original: code };
  if (!NO_COUNTRY_CODES.has(code) && /^[A-Z]{2}$/.test(code)) return { value: code };
  if (!description || description.toUpperCase() === 'UNKNOWN') return undefined;
  const fromWords = countryCode(description);
  return fromWords ? { value: fromWords, original: description } : undefined;
}

/** The words the file gives for the element's country, or '' for none. */
export function euCountryWords(node: XmlNode): string {
  const description = (node.attrs.countryDescription ?? '').trim();
  return description.toUpperCase() === 'UNKNOWN' ? '' : description;
}
