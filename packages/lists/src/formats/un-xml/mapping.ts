/**
 * @module formats/un-xml/mapping
 * Maps one UN record to a core entity: INDIVIDUAL → Person, ENTITY → Organization, id `un:<REFERENCE_NUMBER>`.
 */
import { addStatement, type Entity, type RecordIssue } from '@embargo/core';
import { countryStatement, type RecordSite } from './countries.js';
import { addDocument } from './documents.js';
import { dateStatement, isoDay, readBirthDate } from './dates.js';
import { addAliases, addOriginalScriptNames, primaryName } from './names.js';
import { addAddress, addBirthPlace } from './places.js';
import type { UnRecordKind } from './read-records.js';
import { childNodes, childText, childValues, type XmlNode } from './xml-node.js';

const GENDERS: Readonly<Record<string, 'male' | 'female' | null>> = { male: 'male', female: 'female', unknown: null };

export function unRecordId(reference: string): string {
  return `un:${reference}`;
}

export function mapUnRecord(node: XmlNode, kind: UnRecordKind, file: string, issues: RecordIssue[]): Entity {
  const reference = childText(node, 'REFERENCE_NUMBER');
  const id = unRecordId(reference ?? `DATAID-${childText(node, 'DATAID') ?? node.line}`);
  const site: RecordSite = { file, line: node.line, recordId: id };
  if (!reference) issues.push({ ...site, field: 'REFERENCE_NUMBER', message: 'record has no REFERENCE_NUMBER; id made from DATAID' });
  const isPerson = kind === 'INDIVIDUAL';
  const name = primaryName(node, isPerson);
  if (!name.value) issues.push({ ...site, field: 'FIRST_NAME', message: 'record has no name' });
  const entity: Entity = { id, source: 'un-sc', schema: isPerson ? 'Person' : 'Organization', caption: name.value, properties: {} };
  addStatement(entity, 'name', name);
  addOriginalScriptNames(entity, node);
  addAliases(entity, node, site, issues);
  const listType = childText(node, 'UN_LIST_TYPE');
  if (listType) addStatement(entity, 'program', listType);
  const listedOn = childText(node, 'LISTED_ON');
  const listed = listedOn ? dateStatement(listedOn, site, 'LISTED_ON', issues) : undefined;
  if (listed) addStatement(entity, 'listingDate', listed);
  addLastUpdated(entity, node);
  const comments = childText(node, 'COMMENTS1');
  if (comments) addStatement(entity, 'notes', comments);
  for (const position of childValues(node, 'DESIGNATION')) addStatement(entity, 'position', position);
  for (const title of childValues(node, 'TITLE')) addStatement(entity, 'title', title);
  addGender(entity, childText(node, 'GENDER'), site, issues);
  for (const nationality of childValues(node, 'NATIONALITY')) {
    const statement = countryStatement(nationality, site, 'NATIONALITY', issues);
    if (statement) addStatement(entity, 'nationality', statement);
  }
  for (const dob of childNodes(node, 'INDIVIDUAL_DATE_OF_BIRTH')) {
    const statement = readBirthDate(dob, { ...site, line: dob.line }, issues);
    if (statement) addStatement(entity, 'birthDate', statement);
  }
  for (const place of childNodes(node, 'INDIVIDUAL_PLACE_OF_BIRTH')) addBirthPlace(entity, place, { ...site, line: place.line }, issues);
  for (const doc of childNodes(node, 'INDIVIDUAL_DOCUMENT')) addDocument(entity, doc, { ...site, line: doc.line }, issues);
  for (const address of [...childNodes(node, 'INDIVIDUAL_ADDRESS'), ...childNodes(node, 'ENTITY_ADDRESS')]) {
    addAddress(entity, address, { ...site, line: address.line }, issues);
  }
  return entity;
}

/** LAST_DAY_UPDATED lists every amendment date; the latest is when the record last changed. */
function addLastUpdated(entity: Entity, node: XmlNode): void {
  const days = childValues(node, 'LAST_DAY_UPDATED')
    .map(isoDay)
    .filter((d): d is string => d !== undefined);
  if (days.length) addStatement(entity, 'modifiedAt', days.sort().at(-1)!);
}

function addGender(entity: Entity, text: string | undefined, site: RecordSite, issues: RecordIssue[]): void {
  if (!text) return;
  const gender = GENDERS[text.toLowerCase()];
  if (gender) addStatement(entity, 'gender', gender === text ? gender : { value: gender, original: text });
  else if (gender === undefined) issues.push({ ...site, field: 'GENDER', raw: text, message: `unknown GENDER "${text}"` });
}
