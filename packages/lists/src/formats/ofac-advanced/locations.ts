/**
 * @module formats/ofac-advanced/locations
 * `<Locations>` come before the parties in the file; a party's "Location", "Citizenship Country" and
 * "Nationality Country" features point at them by id (`VersionLocation LocationID`).
 */
import type { AddressPart } from '../ofac-xml/addresses.js';
import type { CountryWords } from '../ofac-xml/country-ref.js';
import { child, childText, childrenNamed } from '../ofac-xml/xml-node.js';
import type { XmlNode } from '../ofac-xml/xml-stream.js';
import type { ReferenceValues } from './reference-values.js';

export interface AdvancedLocation {
  parts: AddressPart[];
  country?: CountryWords;
}

export function readLocation(node: XmlNode, refs: ReferenceValues): AdvancedLocation {
  const parts: AddressPart[] = [];
  for (const part of childrenNamed(node, 'LocationPart')) {
    const values = childrenNamed(part, 'LocationPartValue');
    // Each part may have several values; the primary one is the one OFAC prints.
    const value = values.find((v) => v.attrs.Primary === 'true') ?? values[0];
    parts.push({ type: refs.value('LocPartType', part.attrs.LocPartTypeID), value: childText(value, 'Value') });
  }
  const country =
    refs.country(child(node, 'LocationCountry')?.attrs.CountryID) ?? refs.areaCountry(child(node, 'LocationAreaCode')?.attrs.AreaCodeID);
  // The locations of "Citizenship Country" and "Nationality of Registration" features hold the country
  // name alone, as a part of type "Unknown", with no LocationCountry.
  const named = parts.filter((p) => p.value);
  if (!country?.code && named.length > 0 && named.every((p) => /^unknown$/i.test(p.type))) {
    return { parts: [], country: { name: named.map((p) => p.value).join(', ') } };
  }
  return country ? { parts, country } : { parts };
}
