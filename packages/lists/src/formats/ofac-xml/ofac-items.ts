/**
 * @module formats/ofac-xml/ofac-items
 * OFAC's XML files carry as separate elements what its CSV files print as remark items: an `idList/id` of
 * type "Passport", number "H20676140", country "Iran" is the CSV's "Passport H20676140 (Iran)". The XML
 * modules therefore write each detail as that item and read it with the CSV's remark rules
 * (`ofac-common/remarks`), so one publication read from either format gives the same statements.
 * @example addOfacItems(entity, ['Passport H20676140 (Iran)', 'DOB 1962'], ctx, issues)
 */
import { addStatement, type Entity, type PropertyName, type RecordIssue, type Statement } from '@embargo/core';
import { parseOfacRemarks, type LinkedToName, type RemarksContext } from '../ofac-common/remarks.js';

/**
 * Reads detail items into the entity. Items no rule reads (ISIN, "Target Type …", "Former Vessel Flag …")
 * are kept as notes, since the XML has no remarks text that would hold them as the CSV's does.
 */
export function addOfacItems(entity: Entity, items: readonly string[], ctx: RemarksContext, issues: RecordIssue[]): void {
  const present = items.map((item) => item.trim()).filter(Boolean);
  if (present.length === 0) return;
  const read = parseOfacRemarks(present.join('; '), ctx);
  for (const [property, statements] of Object.entries(read.properties)) {
    if (property === 'notes') continue; // the joined items are not a remark the list wrote
    for (const statement of statements ?? []) addStatement(entity, property as PropertyName, withoutSameOriginal(statement));
  }
  for (const item of read.otherItems) addStatement(entity, 'notes', item);
  issues.push(...read.issues);
}

/**
 * Reads a record's free remarks: the whole text becomes `notes`, and items the rules know (telephone,
 * "Linked To: …") are read as in the CSV. The legacy XML wraps links in parentheses, "(Linked To: ROSTEC)",
 * where the CSV writes "Linked To: ROSTEC."; they are unwrapped before reading.
 */
export function addOfacRemarks(entity: Entity, remarks: string, ctx: RemarksContext, issues: RecordIssue[]): LinkedToName[] {
  const text = remarks.trim();
  if (!text) return [];
  const read = parseOfacRemarks(text.replace(/\((Linked To:[^;]*?)\)(?=;|\.?$)/g, '$1'), ctx);
  for (const [property, statements] of Object.entries(read.properties)) {
    if (property === 'notes') continue;
    for (const statement of statements ?? []) addStatement(entity, property as PropertyName, withoutSameOriginal(statement));
  }
  addStatement(entity, 'notes', text);
  issues.push(...read.issues);
  return read.linkedTo;
}

/** The remark rules keep the text of every date as `original`; the model keeps it only where it differs. */
function withoutSameOriginal(statement: Statement): Statement {
  if (statement.original !== statement.value) return statement;
  const { original: _same, ...rest } = statement;
  return rest;
}

/** `Passport H20676140 (Iran) issued 10 Jul 1991 expires 09 Jun 2009`, as the CSV remarks write an id. */
export function identifierItem(type: string, number: string, country?: string, issued?: string, expires?: string): string {
  if (!number) return '';
  let item = `${type} ${number}`;
  if (country) item += ` (${country})`;
  if (issued) item += ` issued ${issued}`;
  if (expires) item += ` expires ${expires}`;
  return item;
}
