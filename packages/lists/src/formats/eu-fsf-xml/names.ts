/**
 * @module formats/eu-fsf-xml/names
 * `<nameAlias>`: the whole name (`wholeName`) and its parts (`firstName`, `middleName`, `lastName`), the
 * person's `function`, `title` and `gender`, the language the spelling is in (`nameLanguage`, "" or an EU
 * language code such as "FR", "BG"), and `strong="false"` for a weak alias. The file marks quality in a
 * remark too ("Low quality alias", "Good quality alias", misspelt "lo quality", "god quality"): a low one is weak.
 * The first strong name is the record's name; the rest are aliases.
 */
import { addStatement, type Entity, type NameParts, type RecordIssue, type Statement } from '@embargo/core';
import { detectScript } from '../un-xml/script.js';
import { childrenNamed, textOf } from '../ofac-xml/xml-node.js';
import type { XmlNode } from '../ofac-xml/xml-stream.js';

export interface RecordSite {
  file: string;
  line: number;
  recordId: string;
}

const LOW_QUALITY = /\blow? quality\b/i;
const QUALITY_REMARK = /\b(?:low?|good|god|high) quality\b/i;
const GENDER: Readonly<Record<string, string>> = { M: 'male', F: 'female' };
/** "(a) Mullah, (b) Maulavi": the lettered items of a title or function. */
const LETTERED = /\s*\([a-z]\)\s*/;

/** A name alias read: the statement and whether it is weak. */
interface ReadName {
  statement: Statement;
  weak: boolean;
}

/** Adds every name alias of the record; returns the caption (the first strong name, else the first name). */
export function addNames(entity: Entity, nodes: readonly XmlNode[], site: RecordSite, issues: RecordIssue[]): string | undefined {
  const names = nodes.map((node) => readName(entity, node, site, issues)).filter((n): n is ReadName => n !== undefined);
  const primary = names.find((n) => !n.weak) ?? names[0];
  for (const name of names) {
    const property = name === primary ? 'name' : name.weak ? 'weakAlias' : 'alias';
    addStatement(entity, property, name.weak ? { ...name.statement, weak: true } : name.statement);
  }
  return primary?.statement.value;
}

function readName(entity: Entity, node: XmlNode, site: RecordSite, issues: RecordIssue[]): ReadName | undefined {
  const a = (name: string) => (node.attrs[name] ?? '').replace(/\s+/g, ' ').trim();
  const parts: NameParts = {};
  if (a('firstName')) parts.given = a('firstName');
  if (a('middleName')) parts.middle = a('middleName');
  if (a('lastName')) parts.family = a('lastName');
  const value = a('wholeName') || [parts.given, parts.middle, parts.family].filter(Boolean).join(' ');
  addPersonDetails(entity, a('title'), a('function'), a('gender'), { ...site, line: node.line }, issues);
  if (!value) {
    issues.push({ ...site, line: node.line, field: 'nameAlias', message: 'name alias without wholeName or name parts' });
    return undefined;
  }
  const statement: Statement = { value };
  if (Object.keys(parts).length > 0 && (parts.given || parts.family)) statement.parts = parts;
  const script = detectScript(value);
  if (script) statement.script = script;
  const remarks = childrenNamed(node, 'remark').map(textOf).filter(Boolean);
  const notes = [a('nameLanguage') && `language ${a('nameLanguage')}`, ...remarks.filter((r) => !QUALITY_REMARK.test(r))].filter(Boolean);
  if (notes.length > 0) statement.note = notes.join('; ');
  const weak = a('strong').toLowerCase() === 'false' || remarks.some((r) => LOW_QUALITY.test(r));
  return { statement, weak };
}

function addPersonDetails(entity: Entity, title: string, position: string, gender: string, site: RecordSite, issues: RecordIssue[]): void {
  for (const item of title
    .split(LETTERED)
    .map((t) => t.replace(/^[,;\s]+|[,;\s]+$/g, ''))
    .filter(Boolean))
    addStatement(entity, 'title', item);
  if (position) {
    // A person's function is their position; an entity's "function" is a description of it.
    if (entity.schema === 'Person')
      for (const item of position
        .split(LETTERED)
        .map((t) => t.replace(/^[,;\s]+|[,;\s]+$/g, ''))
        .filter(Boolean))
        addStatement(entity, 'position', item);
    else addStatement(entity, 'notes', position);
  }
  if (gender) {
    const value = GENDER[gender.toUpperCase()];
    if (value) addStatement(entity, 'gender', value === gender ? value : { value, original: gender });
    else issues.push({ ...site, field: 'nameAlias/gender', raw: gender, message: `unknown gender "${gender}"` });
  }
}
