/**
 * @module formats/ofac-xml/addresses
 * One address string per OFAC address, its parts in the order OFAC prints them, and the address country.
 * @example formatAddress([{ type: 'CITY', value: 'Tehran' }, { type: 'ADDRESS1', value: '213 Ferdowsi Avenue' }], 'Iran')
 *   // '213 Ferdowsi Avenue, Tehran, Iran'
 */
import { addStatement, type Entity, type RecordIssue } from '@embargo/core';
import { ofacCountryCode, type RecordSite } from '../ofac-common/countries.js';
import { countryOf, type CountryWords } from './country-ref.js';

/** Part types as the advanced and enhanced files name them (LocPartType); the legacy elements map onto them. */
export const ADDRESS_PART_ORDER = ['ADDRESS1', 'ADDRESS2', 'ADDRESS3', 'CITY', 'STATE/PROVINCE', 'POSTAL CODE', 'REGION'];

export interface AddressPart {
  type: string;
  value: string;
}

/** Parts in OFAC's order (unknown part types last), then the country name, joined with ", ". */
export function formatAddress(parts: readonly AddressPart[], countryName?: string): string {
  const rank = (type: string) => {
    const i = ADDRESS_PART_ORDER.indexOf(type.toUpperCase());
    return i < 0 ? ADDRESS_PART_ORDER.length : i;
  };
  const ordered = parts.filter((p) => p.value.trim()).sort((a, b) => rank(a.type) - rank(b.type));
  return [...ordered.map((p) => p.value.trim()), ...(countryName ? [countryName] : [])].join(', ');
}

/**
 * Adds the address (when it has more than a country) and its country. OFAC lists many records with a
 * country alone ("Iran"); that is a `country`, not an address.
 */
export function addOfacAddress(
  entity: Entity,
  parts: readonly AddressPart[],
  country: CountryWords | undefined,
  site: RecordSite,
  issues: RecordIssue[],
): void {
  const given = country ? countryOf(country, site, 'address country', issues) : undefined;
  // An area with no country of its own (Gaza, West Bank) is a REGION part in the advanced and enhanced
  // files and the country "Region: Gaza" in the legacy XML; both are read the legacy way.
  const region = given ? undefined : parts.find((p) => p.type.toUpperCase() === 'REGION' && p.value.trim());
  const place = region ? { name: `Region: ${region.value.trim()}` } : country;
  const code = region ? countryOf(place!, site, 'address country', issues) : given;
  const rest = region ? parts.filter((p) => p !== region) : parts;
  if (code) addStatement(entity, 'country', code);
  if (!rest.some((p) => p.value.trim())) return;
  // "undetermined" and "None Identified" are OFAC's words for no country, not part of the address.
  const countryName = place?.name && ofacCountryCode(place.name) !== null ? place.name : undefined;
  const text = formatAddress(rest, countryName);
  addStatement(entity, 'address', code ? { value: text, country: code.value } : { value: text });
}
