/**
 * @module formats/eu-fsf-xml/entity
 * One `<sanctionEntity>` to one entity, id `eu:<logicalId>` (every entry has one; `euReferenceNumber`, "EU.27.28",
 * is missing on some and is kept in the programme's note). `subjectType code="person"` → Person,
 * `"enterprise"` → Organization. `unitedNationId` ("QDi.006") is the UN's reference number for the same party,
 * kept as `unscId` so that the record links to the UN list's.
 */
import { addStatement, listParseError, type Entity, type RecordIssue, type SchemaName } from '@embargo/core';
import { childrenNamed, textOf } from '../ofac-xml/xml-node.js';
import type { XmlNode } from '../ofac-xml/xml-stream.js';
import { addAddress } from './addresses.js';
import { euCountry } from './countries.js';
import { addBirth } from './dates.js';
import { addIdentification } from './identifiers.js';
import { addNames, type RecordSite } from './names.js';
import { addRegulations } from './regulations.js';

const SCHEMA_BY_SUBJECT: Readonly<Record<string, SchemaName>> = { person: 'Person', enterprise: 'Organization' };
const UN_REFERENCE = /^[A-Z]{2}[ie]\.\d{3}$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Elements of an entry this mapping reads; any other is reported once per file. */
export const READ_ELEMENTS = new Set([
  'remark',
  'regulation',
  'subjectType',
  'nameAlias',
  'citizenship',
  'birthdate',
  'identification',
  'address',
]);

export function mapSanctionEntity(node: XmlNode, file: string, issues: RecordIssue[]): Entity {
  const logicalId = (node.attrs.logicalId ?? '').trim();
  if (!/^\d+$/.test(logicalId)) throw listParseError(file, node.line, `<sanctionEntity> without a numeric logicalId ("${logicalId}")`);
  const id = `eu:${logicalId}`;
  const site: RecordSite = { file, line: node.line, recordId: id };
  const entity: Entity = { id, source: 'eu-fsf', schema: schemaOf(node, site, issues), caption: '', properties: {} };
  const caption = addNames(entity, childrenNamed(node, 'nameAlias'), site, issues);
  if (!caption) issues.push({ ...site, field: 'nameAlias', message: 'entry has no name' });
  entity.caption = caption ?? (node.attrs.euReferenceNumber || id);
  const euReference = (node.attrs.euReferenceNumber ?? '').trim();
  const firstAct = addRegulations(entity, childrenNamed(node, 'regulation'), euReference, site, issues);
  const designated = (node.attrs.designationDate ?? '').trim();
  if (designated && !ISO_DAY.test(designated))
    issues.push({ ...site, field: 'designationDate', raw: designated, message: `cannot read date "${designated}"` });
  const listed = designated && ISO_DAY.test(designated) ? designated : firstAct;
  if (listed) addStatement(entity, 'listingDate', listed);
  const unReference = (node.attrs.unitedNationId ?? '').trim();
  if (unReference) {
    if (UN_REFERENCE.test(unReference)) addStatement(entity, 'unscId', unReference);
    else issues.push({ ...site, field: 'unitedNationId', raw: unReference, message: `"${unReference}" is not a UN reference number` });
  }
  if (node.attrs.designationDetails?.trim()) addStatement(entity, 'sanctionsNote', node.attrs.designationDetails.trim());
  for (const child of node.children) {
    if (child.name === 'remark') addStatement(entity, 'notes', textOf(child));
    else if (child.name === 'birthdate') addBirth(entity, child, site, issues);
    else if (child.name === 'citizenship') addCitizenship(entity, child);
    else if (child.name === 'identification') addIdentification(entity, child, site, issues);
    else if (child.name === 'address') addAddress(entity, child, site, issues);
  }
  return entity;
}

function schemaOf(node: XmlNode, site: RecordSite, issues: RecordIssue[]): SchemaName {
  const subject = childrenNamed(node, 'subjectType')[0];
  const code = (subject?.attrs.code ?? '').trim();
  const schema = SCHEMA_BY_SUBJECT[code.toLowerCase()];
  if (schema) return schema;
  issues.push({ ...site, field: 'subjectType', raw: code, message: `unknown subject type "${code}"; read as a legal entity` });
  return 'LegalEntity';
}

function addCitizenship(entity: Entity, node: XmlNode): void {
  const country = euCountry(node);
  if (country) addStatement(entity, 'nationality', country);
}
