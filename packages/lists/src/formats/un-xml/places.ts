/**
 * @module formats/un-xml/places
 * INDIVIDUAL_ADDRESS / ENTITY_ADDRESS and INDIVIDUAL_PLACE_OF_BIRTH: STREET, CITY, STATE_PROVINCE, ZIP_CODE and
 * COUNTRY, each optional, plus a NOTE ("as of early 2016"). An address that is only a country says where the
 * record is, so it becomes a `country` statement and no address.
 */
import { addStatement, type Entity, type RecordIssue, type Statement } from '@embargo/core';
import { countryStatement, type RecordSite } from './countries.js';
import { childText, type XmlNode } from './xml-node.js';

export function addAddress(entity: Entity, node: XmlNode, site: RecordSite, issues: RecordIssue[]): void {
  const [street, city, state, zip, countryText, note] = ['STREET', 'CITY', 'STATE_PROVINCE', 'ZIP_CODE', 'COUNTRY', 'NOTE'].map((n) =>
    childText(node, n),
  );
  const country = countryText ? countryStatement(countryText, site, `${node.name}/COUNTRY`, issues) : undefined;
  if (country) addStatement(entity, 'country', note && !street && !city && !state ? { ...country, note } : country);
  if (!street && !city && !state && !zip) return;
  const address: Statement = { value: [street, city, state, zip, countryText].filter(Boolean).join(', ') };
  if (country) address.country = country.value;
  if (note) address.note = note;
  addStatement(entity, 'address', address);
}

export function addBirthPlace(entity: Entity, node: XmlNode, site: RecordSite, issues: RecordIssue[]): void {
  const [street, city, state, countryText, note] = ['STREET', 'CITY', 'STATE_PROVINCE', 'COUNTRY', 'NOTE'].map((n) => childText(node, n));
  const value = [street, city, state, countryText].filter(Boolean).join(', ');
  if (!value) return;
  const place: Statement = { value };
  const country = countryText ? countryStatement(countryText, site, 'INDIVIDUAL_PLACE_OF_BIRTH/COUNTRY', issues) : undefined;
  if (country) place.country = country.value;
  if (note) place.note = note;
  addStatement(entity, 'birthPlace', place);
}
