/**
 * @module formats/eu-fsf-xml/identifiers
 * `<identification>`: the `number` (and `latinNumber`, its transliteration where the number is in another
 * script), `identificationTypeCode` with its `identificationTypeDescription`, the issuing country, `issuedBy`,
 * `issueDate`, flags (`knownFalse`, `knownExpired`, `reportedLost`, `revokedByIssuer`, `diplomatic`) and remarks.
 * The type code says which property the number goes to.
 */
import { addStatement, type Entity, type IdentifierProperty, type RecordIssue, type Statement } from '@embargo/core';
import { childrenNamed, textOf } from '../ofac-xml/xml-node.js';
import type { XmlNode } from '../ofac-xml/xml-stream.js';
import { euCountry } from './countries.js';
import type { RecordSite } from './names.js';

const PROPERTY_BY_TYPE: Readonly<Record<string, IdentifierProperty>> = {
  passport: 'passportNumber',
  id: 'idNumber',
  other: 'idNumber',
  tradelic: 'idNumber',
  ssn: 'idNumber',
  birthcert: 'idNumber',
  nationcert: 'idNumber',
  travelcardid: 'idNumber',
  electionid: 'idNumber',
  residentperm: 'idNumber',
  drivinglicence: 'idNumber',
  nrn: 'idNumber',
  swiftbic: 'swiftBic',
  imo: 'imoNumber',
  regnumber: 'registrationNumber',
  fiscalcode: 'taxNumber',
};

const FLAGS: readonly [attribute: string, words: string][] = [
  ['knownFalse', 'known to be false'],
  ['knownExpired', 'known to have expired'],
  ['reportedLost', 'reported lost'],
  ['revokedByIssuer', 'revoked by the issuer'],
  ['diplomatic', 'diplomatic'],
];

export function addIdentification(entity: Entity, node: XmlNode, site: RecordSite, issues: RecordIssue[]): void {
  const a = (name: string) => (node.attrs[name] ?? '').replace(/\s+/g, ' ').trim();
  const nodeSite = { ...site, line: node.line };
  const type = a('identificationTypeCode');
  let property = PROPERTY_BY_TYPE[type.toLowerCase()];
  if (!property) {
    issues.push({
      ...nodeSite,
      field: 'identification/identificationTypeCode',
      raw: type,
      message: `unknown identification type "${type}"; read as an id number`,
    });
    property = 'idNumber';
  }
  const number = a('number') || a('latinNumber');
  if (!number) {
    issues.push({
      ...nodeSite,
      field: 'identification/number',
      raw: a('identificationTypeDescription'),
      message: 'identification without a number',
    });
    return;
  }
  const statement: Statement = { value: number };
  if (a('identificationTypeDescription')) statement.kind = a('identificationTypeDescription');
  const country = euCountry(node);
  if (country) statement.country = country.value;
  const remarks = [
    a('issuedBy') && `issued by ${a('issuedBy')}`,
    a('issueDate') && `issued ${a('issueDate')}`,
    a('nameOnDocument') && `name on document: ${a('nameOnDocument')}`,
    ...FLAGS.filter(([attribute]) => a(attribute).toLowerCase() === 'true').map(([, words]) => words),
    ...childrenNamed(node, 'remark').map(textOf).filter(Boolean),
  ].filter(Boolean);
  if (remarks.length) statement.note = remarks.join('; ');
  addStatement(entity, property, statement);
  // The number in Latin letters as well, so that a list writing it so finds it.
  if (a('latinNumber') && a('latinNumber') !== number)
    addStatement(entity, property, { ...statement, value: a('latinNumber'), original: number });
}
