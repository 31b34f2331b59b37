/**
 * @module formats/eu-fsf-xml/addresses
 * `<address>`: `street`, `poBox`, `city`, `zipCode`, `region`, `place` and the country, with `<contactInfo
 * key="PHONE|FAX|EMAIL|WEB" value="…"/>` children (several values in one, separated by "," or ";") and remarks.
 */
import { addStatement, type Entity, type PropertyName, type RecordIssue } from '@embargo/core';
import { childrenNamed, textOf } from '../ofac-xml/xml-node.js';
import type { XmlNode } from '../ofac-xml/xml-stream.js';
import { euCountry, euCountryWords } from './countries.js';
import type { RecordSite } from './names.js';

const CONTACT_PROPERTY: Readonly<Record<string, PropertyName>> = { PHONE: 'phone', FAX: 'phone', EMAIL: 'email', WEB: 'website' };

export function addAddress(entity: Entity, node: XmlNode, site: RecordSite, issues: RecordIssue[]): void {
  const a = (name: string) => (node.attrs[name] ?? '').replace(/\s+/g, ' ').trim();
  const country = euCountry(node);
  const poBox = a('poBox') && `P.O. Box ${a('poBox').replace(/^p\.?\s*o\.?\s*box\s*/i, '')}`;
  const value = [a('street'), poBox, a('place'), [a('zipCode'), a('city')].filter(Boolean).join(' '), a('region'), euCountryWords(node)]
    .filter(Boolean)
    .join(', ');
  if (value) addStatement(entity, 'address', country ? { value, country: country.value } : value);
  if (country) addStatement(entity, 'country', country);
  for (const contact of childrenNamed(node, 'contactInfo')) {
    const key = (contact.attrs.key ?? '').trim().toUpperCase();
    const property = CONTACT_PROPERTY[key];
    if (!property) {
      issues.push({ ...site, line: contact.line, field: 'address/contactInfo', raw: key, message: `unknown contact kind "${key}"` });
      continue;
    }
    for (const item of (contact.attrs.value ?? '').split(/\s*[;,]\s*/).filter(Boolean)) addStatement(entity, property, item);
  }
  for (const remark of childrenNamed(node, 'remark').map(textOf).filter(Boolean)) addStatement(entity, 'notes', remark);
}
