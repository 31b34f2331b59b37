/**
 * @module formats/ca-sema-xml/record
 * One `<record>` to one entity. A record names a person (LastName, GivenName), or an entity or ship
 * (Entity / EntityOrShip; a ship has a ShipIMONumber). "Country" is the sanctions regime, not a nationality
 * ("Burma / Birmanie", "Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR) / Règlement …"),
 * written in English and French: the English part is the programme. Records have no number of their own:
 * the id is the regime, schedule and item (`ca:burma-2-1`, `ca:russia-1p2-5`, `ca:zimbabwe-17`).
 */
import { addStatement, type Entity, type RecordIssue, type SchemaName, type Statement } from '@embargo/core';
import { textOf } from '../ofac-xml/xml-node.js';
import type { XmlNode } from '../ofac-xml/xml-stream.js';
import { readCaDates } from './dates.js';
import { caField, type CaField } from './fields.js';

export interface CaRecordContext {
  file: string;
  issues: RecordIssue[];
  /** Elements of a record this parser does not read, by name, with the first line seen (reported once each). */
  unread: Map<string, number>;
}

interface RecordSite {
  file: string;
  line: number;
  recordId: string;
}

/** Schedules that say there is none. */
const NO_SCHEDULE = /^(n\/a|na|none)?$/i;

/** The entity of one record, or undefined (with an issue) when the record has no name or no item number. */
export function mapCaRecord(node: XmlNode, ctx: CaRecordContext): Entity | undefined {
  const fields = readFields(node, ctx);
  const get = (field: CaField) => fields.get(field) ?? '';
  const regime = englishPart(get('country'));
  const site = { file: ctx.file, line: node.line };
  const id = recordId(regime, get('schedule'), get('item'));
  if (!id) {
    ctx.issues.push({ ...site, field: 'Item', raw: get('item'), message: 'record has no regime or item number; skipped' });
    return undefined;
  }
  const name = recordName(get('lastName'), get('givenName'), get('entity'));
  if (!name) {
    ctx.issues.push({ ...site, recordId: id, message: 'record has no LastName, GivenName or Entity; skipped' });
    return undefined;
  }
  const schema: SchemaName = get('entity') ? (get('imoNumber') ? 'Vessel' : 'Organization') : 'Person';
  const entity: Entity = { id, source: 'ca-sema', schema, caption: name.value, properties: {} };
  const recordSite = { ...site, recordId: id };
  addStatement(entity, 'name', name);
  addAliases(entity, get('aliases'), schema);
  if (get('title')) addTitle(entity, get('title'));
  if (get('imoNumber')) addStatement(entity, 'imoNumber', get('imoNumber').replace(/^IMO\s*/i, ''));
  if (get('dateOfBirth')) {
    // For a ship the field holds its build date, which no property of ours keeps: it stays in the notes.
    if (schema === 'Vessel') addStatement(entity, 'notes', `Build date: ${get('dateOfBirth')}`);
    else addDates(entity, 'birthDate', get('dateOfBirth'), recordSite, ctx.issues);
  }
  if (get('dateOfListing')) addDates(entity, 'listingDate', get('dateOfListing'), recordSite, ctx.issues);
  if (regime) {
    const program: Statement = { value: regime };
    if (regime !== get('country')) program.original = get('country');
    const schedule = get('schedule');
    program.note = [!NO_SCHEDULE.test(schedule) && `Schedule ${schedule}`, get('item') && `item ${get('item')}`].filter(Boolean).join(', ');
    addStatement(entity, 'program', program);
  }
  return entity;
}

function readFields(node: XmlNode, ctx: CaRecordContext): Map<CaField, string> {
  const fields = new Map<CaField, string>();
  for (const child of node.children) {
    const field = caField(child.name);
    if (!field) {
      if (!ctx.unread.has(child.name)) ctx.unread.set(child.name, child.line);
      continue;
    }
    const text = textOf(child);
    if (text) fields.set(field, text);
  }
  return fields;
}

/** "Burma / Birmanie" → "Burma"; "Justice … Regulations (JVCFOR) /  Règlement … (RJVDEC)" → its English half. */
function englishPart(bilingual: string): string {
  return bilingual.split(' / ')[0].trim();
}

function recordId(regime: string, schedule: string, item: string): string | undefined {
  if (!regime || !/^\d+$/.test(item)) return undefined;
  // The regulation's acronym where the English name has one ("(JVCFOR)"), else the country's name.
  const acronym = /\(([A-Z]{3,})\)/.exec(regime)?.[1];
  const regimeKey = (acronym ?? regime)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  // "1, Part 2" → "1p2"; none for "N/A" or no Schedule element.
  const scheduleKey = NO_SCHEDULE.test(schedule)
    ? undefined
    : schedule
        .toLowerCase()
        .replace(/,?\s*part\s*/g, 'p')
        .replace(/[^a-z0-9]+/g, '');
  return `ca:${[regimeKey, scheduleKey, item].filter(Boolean).join('-')}`;
}

/** "Shwe" + "Than" → "Shwe, Than" with its parts; an entity's name as written. */
function recordName(lastName: string, givenName: string, entityName: string): Statement | undefined {
  if (entityName) return { value: entityName };
  if (lastName && givenName) return { value: `${lastName}, ${givenName}`, parts: { family: lastName, given: givenName } };
  const only = lastName || givenName;
  return only ? { value: only } : undefined;
}

/**
 * "Air Bagan Holdings Pte. Ltd., Air Bagan Limited": aliases separated by commas (later files: semicolons).
 * The field as written is kept as the note of each alias split from it. For people the field often holds
 * spellings of one part of the name alone ("Alexei, Aleksei" for Alexey Gennadyevich DYUMIN, "SALIAIEV" for
 * SALYAEV): a single word names no one by itself, so it is a weak alias.
 */
function addAliases(entity: Entity, text: string, schema: SchemaName): void {
  if (!text) return;
  const names = text
    .split(/\s*[;,]\s*/)
    .map((n) => n.trim())
    .filter(Boolean);
  for (const value of names) {
    const statement: Statement = names.length > 1 ? { value, note: `listed together as "${text}"` } : { value };
    if (schema === 'Person' && !/\s/.test(value)) addStatement(entity, 'weakAlias', { ...statement, weak: true });
    else addStatement(entity, 'alias', statement);
  }
}

/** "Major General/major-général": the English title, the bilingual text as the original. */
function addTitle(entity: Entity, text: string): void {
  const english = text.split('/')[0].trim();
  addStatement(entity, 'title', english === text ? text : { value: english, original: text });
}

function addDates(entity: Entity, property: 'birthDate' | 'listingDate', text: string, site: RecordSite, issues: RecordIssue[]): void {
  const { dates, unread } = readCaDates(text);
  for (const date of dates) addStatement(entity, property, date);
  const field = property === 'birthDate' ? 'DateOfBirth' : 'DateOfListing';
  for (const raw of unread) issues.push({ ...site, field, raw, message: `cannot read date "${raw}"` });
}
