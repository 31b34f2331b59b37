/**
 * @module formats/uk-common/other-information
 * Since OFSI's 2021 layout, "Other Information" carries labelled fields: "(UK Sanctions List Ref):DPR0100.
 * … (IMO number):7408873 (Current owners):Korea Samjong Shipping (Flag of ship):North Korea (Type of ship):Oil
 * tanker (Tonnage of ship):1676", and for people "(Gender):Male", for companies "(Website):…", "(Email
 * address):…", "(Phone number):(1) … (2) …", "(Business Reg No):…". The 2014 CSV has plain text here. The
 * whole text is always kept as the notes; the labelled fields below also become their own properties.
 */
import { addStatement, type Entity, type PropertyName, type RecordIssue } from '@embargo/core';
import { countryStatement, type RecordSite } from './countries.js';
import { numberedItems } from './numbered.js';

const LABELS = [
  'UK Sanctions List Ref',
  'UK Statement of Reasons',
  'UN Ref',
  'Gender',
  'Phone number',
  'Email address',
  'Type of entity',
  'Website',
  'Parent company',
  'Business Reg No',
  'Subsidiaries',
  'IMO number',
  'Flag of ship',
  'Type of ship',
  'Tonnage of ship',
  'Length of ship',
  'Year built',
  'Current owners',
  'Fax',
  'Previous flags',
  'non-Latin script',
  'Tel',
];
const LABEL = new RegExp(`\\((${LABELS.map((l) => l.replace(/ /g, '\\s+')).join('|')})\\):`, 'g');

/** Labelled fields read into properties; the others (statement of reasons, UN reference, length…) stay in the notes. */
const PROPERTY_BY_LABEL: Readonly<Record<string, PropertyName>> = {
  'Phone number': 'phone',
  'Email address': 'email',
  Website: 'website',
  'Business Reg No': 'registrationNumber',
  'Type of ship': 'vesselType',
  'Tonnage of ship': 'tonnage',
  'Current owners': 'owner',
};

/** The labelled fields of one text, label → value (trailing period removed). */
export function labelledFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  const marks = [...text.matchAll(LABEL)];
  marks.forEach((m, i) => {
    const end = i + 1 < marks.length ? marks[i + 1].index : text.length;
    const value = text
      .slice(m.index + m[0].length, end)
      .trim()
      .replace(/\.$/, '');
    const label = m[1].replace(/\s+/g, ' ');
    if (value && !fields.has(label)) fields.set(label, value);
  });
  return fields;
}

export function addOtherInformation(entity: Entity, text: string, site: RecordSite, issues: RecordIssue[]): void {
  if (!text) return;
  addStatement(entity, 'notes', text);
  for (const [label, value] of labelledFields(text)) {
    const property = PROPERTY_BY_LABEL[label];
    if (property) for (const item of numberedItems(value)) addStatement(entity, property, item.value);
    else if (label === 'IMO number') addStatement(entity, 'imoNumber', value.replace(/\D/g, ''));
    else if (label === 'Flag of ship') {
      const flag = countryStatement(value, site, 'Other Information (Flag of ship)', issues);
      if (flag) addStatement(entity, 'flag', flag);
    } else if (label === 'Gender') {
      const gender = value.toLowerCase();
      if (gender === 'male' || gender === 'female')
        addStatement(entity, 'gender', gender === value ? gender : { value: gender, original: value });
      else issues.push({ ...site, field: 'Other Information (Gender)', raw: value, message: `unknown gender "${value}"` });
    }
  }
}
