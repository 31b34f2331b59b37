/**
 * @module formats/ofac-xml/legacy-entry
 * Maps one `<sdnEntry>` of the legacy sdnList XML (SDN.XML, CONSOLIDATED.XML) to an entity.
 * The elements are those of OFAC's sdn.xsd: uid, firstName, lastName, title, sdnType, remarks, programList,
 * idList, akaList, addressList, nationalityList, citizenshipList, dateOfBirthList, placeOfBirthList, vesselInfo.
 */
import { addStatement, type Entity, type ListSource, type RecordIssue, type SchemaName } from '@embargo/core';
import type { LinkedToName, RemarksContext } from '../ofac-common/remarks.js';
import { addOfacAddress, type AddressPart } from './addresses.js';
import { countryOf } from './country-ref.js';
import { addOfacItems, addOfacRemarks, identifierItem } from './ofac-items.js';
import { aliasProperty, nameStatement } from './names.js';
import { child, childText, listItems, textOf } from './xml-node.js';
import type { XmlNode } from './xml-stream.js';

export interface LegacyContext {
  file: string;
  source: ListSource;
  issues: RecordIssue[];
  /** Element names seen in entries that this mapping does not read, with the first line; reported once per file. */
  unread: Map<string, number>;
}

export interface LegacyEntry {
  entity: Entity;
  line: number;
  linkedTo: LinkedToName[];
}

const SCHEMA_BY_SDN_TYPE: Readonly<Record<string, SchemaName>> = {
  individual: 'Person',
  entity: 'Organization',
  vessel: 'Vessel',
  aircraft: 'Airplane',
};

const READ_ELEMENTS = new Set([
  'uid',
  'firstName',
  'lastName',
  'title',
  'sdnType',
  'remarks',
  'programList',
  'idList',
  'akaList',
  'addressList',
  'nationalityList',
  'citizenshipList',
  'dateOfBirthList',
  'placeOfBirthList',
  'vesselInfo',
]);

// Legacy address elements and the advanced file's names for the same parts.
const ADDRESS_ELEMENTS: Readonly<Record<string, string>> = {
  address1: 'ADDRESS1',
  address2: 'ADDRESS2',
  address3: 'ADDRESS3',
  city: 'CITY',
  stateOrProvince: 'STATE/PROVINCE',
  postalCode: 'POSTAL CODE',
  region: 'REGION',
};

/** The entity of one entry, or undefined (with an issue) when the entry has no uid or no name. */
export function mapSdnEntry(node: XmlNode, ctx: LegacyContext): LegacyEntry | undefined {
  const uid = childText(node, 'uid');
  const lastName = childText(node, 'lastName');
  const firstName = childText(node, 'firstName');
  if (!/^\d+$/.test(uid) || !lastName) {
    const message = !/^\d+$/.test(uid) ? `entry without a numeric <uid> ("${uid}")` : 'entry without a <lastName>';
    ctx.issues.push({ file: ctx.file, line: node.line, ...(uid ? { recordId: `ofac:${uid}` } : {}), message });
    return undefined;
  }
  const id = `ofac:${uid}`;
  const sdnType = childText(node, 'sdnType');
  let schema = SCHEMA_BY_SDN_TYPE[sdnType.toLowerCase()];
  if (!schema) {
    ctx.issues.push({
      file: ctx.file,
      line: node.line,
      recordId: id,
      field: 'sdnType',
      raw: sdnType,
      message: `unknown sdnType "${sdnType}"; read as an organisation`,
    });
    schema = 'Organization';
  }
  const caption = firstName ? `${lastName}, ${firstName}` : lastName;
  const entity: Entity = { id, source: ctx.source, schema, caption, properties: {} };
  const site: RemarksContext = { file: ctx.file, line: node.line, recordId: id, schema };
  noteUnreadElements(node, ctx);

  // OFAC prints an individual's name as "LAST, First"; the two parts are separate elements here.
  const parts = firstName ? { family: lastName, given: firstName } : undefined;
  addStatement(entity, 'name', nameStatement(caption, { parts }));
  addAliases(entity, node);
  addStatement(entity, 'title', childText(node, 'title'));
  for (const program of listItems(node, 'programList', 'program')) addStatement(entity, 'program', textOf(program));

  addOfacItems(entity, detailItems(node), site, ctx.issues);
  addVesselInfo(entity, child(node, 'vesselInfo'), site, ctx.issues);
  for (const address of listItems(node, 'addressList', 'address')) {
    const addressParts: AddressPart[] = Object.entries(ADDRESS_ELEMENTS).map(([element, type]) => ({
      type,
      value: childText(address, element),
    }));
    const countryName = childText(address, 'country');
    addOfacAddress(entity, addressParts, countryName ? { name: countryName } : undefined, site, ctx.issues);
  }
  const linkedTo = addOfacRemarks(entity, childText(node, 'remarks'), site, ctx.issues);
  return { entity, line: node.line, linkedTo };
}

function addAliases(entity: Entity, node: XmlNode): void {
  for (const aka of listItems(node, 'akaList', 'aka')) {
    const last = childText(aka, 'lastName');
    const first = childText(aka, 'firstName');
    const value = first && last ? `${last}, ${first}` : last || first;
    if (!value) continue; // OFAC never lists a nameless alias, but a placeholder would be no name at all
    const weak = childText(aka, 'category').toLowerCase() === 'weak';
    const parts = first && last && entity.schema === 'Person' ? { family: last, given: first } : undefined;
    addStatement(entity, aliasProperty(childText(aka, 'type'), weak), nameStatement(value, { parts, weak }));
  }
}

/**
 * Identifiers, dates and places of birth, nationalities and citizenships, written as the CSV remarks write
 * them ("Passport H20676140 (Iran)", "DOB 1962", "POB Shati", "nationality Palestinian", "citizen Turkey").
 */
function detailItems(node: XmlNode): string[] {
  const items: string[] = [];
  for (const id of listItems(node, 'idList', 'id')) {
    items.push(
      identifierItem(
        childText(id, 'idType'),
        childText(id, 'idNumber'),
        childText(id, 'idCountry'),
        childText(id, 'issueDate'),
        childText(id, 'expirationDate'),
      ),
    );
  }
  for (const dob of listItems(node, 'dateOfBirthList', 'dateOfBirthItem')) items.push(labelled('DOB', childText(dob, 'dateOfBirth')));
  for (const pob of listItems(node, 'placeOfBirthList', 'placeOfBirthItem')) items.push(labelled('POB', childText(pob, 'placeOfBirth')));
  for (const n of listItems(node, 'nationalityList', 'nationality')) items.push(labelled('nationality', childText(n, 'country')));
  for (const c of listItems(node, 'citizenshipList', 'citizenship')) items.push(labelled('citizen', childText(c, 'country')));
  return items;
}

function labelled(label: string, value: string): string {
  return value ? `${label} ${value}` : '';
}

function addVesselInfo(entity: Entity, info: XmlNode | undefined, site: RemarksContext, issues: RecordIssue[]): void {
  if (!info) return;
  const callSign = childText(info, 'callSign');
  if (callSign) addStatement(entity, 'callSign', { value: callSign, kind: 'Vessel Call Sign' });
  addStatement(entity, 'vesselType', childText(info, 'vesselType'));
  addStatement(entity, 'owner', childText(info, 'vesselOwner'));
  addStatement(entity, 'tonnage', childText(info, 'tonnage'));
  addStatement(entity, 'grossRegisteredTonnage', childText(info, 'grossRegisteredTonnage'));
  const flag = childText(info, 'vesselFlag');
  const statement = flag ? countryOf({ name: flag }, site, 'vesselFlag', issues) : undefined;
  if (statement) addStatement(entity, 'flag', statement);
}

function noteUnreadElements(node: XmlNode, ctx: LegacyContext): void {
  for (const c of node.children) {
    if (!READ_ELEMENTS.has(c.name) && !ctx.unread.has(c.name)) ctx.unread.set(c.name, c.line);
  }
}
