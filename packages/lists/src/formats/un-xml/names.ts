/**
 * @module formats/un-xml/names
 * Names in a UN record: FIRST_NAME … FOURTH_NAME (roles unknown: "JANG" "SUNG NAM", or a whole entity name
 * in FIRST_NAME), NAME_ORIGINAL_SCRIPT, and the INDIVIDUAL_ALIAS / ENTITY_ALIAS elements whose QUALITY says
 * how strong they are: "Good" and "a.k.a." are aliases, "Low" weak aliases, "f.k.a." previous names.
 */
import { addStatement, type Entity, type RecordIssue, type Statement } from '@embargo/core';
import type { RecordSite } from './countries.js';
import { countryStatement } from './countries.js';
import { dateStatement } from './dates.js';
import { detectScript } from './script.js';
import { childNodes, childText, cleanText, type XmlNode } from './xml-node.js';

const NAME_FIELDS = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'] as const;

const ALIAS_PROPERTY: Readonly<Record<string, 'alias' | 'weakAlias' | 'previousName'>> = {
  good: 'alias',
  'a.k.a.': 'alias',
  low: 'weakAlias',
  'f.k.a.': 'previousName',
};

const LANGUAGE_IN_BRACKETS = /^(.*\S)\s*\(([A-Za-z ]+)\)$/;
const ORIGINAL_SCRIPT_NOTE = /^original script:\s*(.+)$/i;

/** The primary name: the name fields joined with spaces; a person's fields are kept in list order. */
export function primaryName(node: XmlNode, isPerson: boolean): Statement {
  const ordered = NAME_FIELDS.map((f) => childText(node, f)).filter((p): p is string => p !== undefined);
  const statement: Statement = { value: ordered.join(' ') };
  if (isPerson && ordered.length > 0) statement.parts = { ordered };
  return statement;
}

/**
 * NAME_ORIGINAL_SCRIPT, with its script detected. Two Eritrean names end with the language in brackets
 * ("ፍትዊ ዓብዱረዛቕ (Tigrinya)"); that goes into the note.
 */
export function addOriginalScriptNames(entity: Entity, node: XmlNode): void {
  for (const original of childNodes(node, 'NAME_ORIGINAL_SCRIPT')) {
    const text = cleanText(original.text);
    if (!text) continue;
    const language = LANGUAGE_IN_BRACKETS.exec(text);
    const value = language ? language[1] : text;
    const statement: Statement = { value };
    const script = detectScript(value);
    if (script) statement.script = script;
    if (language) statement.note = language[2];
    addStatement(entity, 'alias', statement);
  }
}

/**
 * The names in one ALIAS_NAME. The UN sometimes lists several spellings in one element, separated by
 * semicolons ("Azim Adhajani; Azim Agha-Jani"), lettered ("Mohammed Sabet b) M. Javad Kareemi Sabet"),
 * or in brackets after the name in its script ("حسن غول (Hassan Ghul; Hassan Gul)"). Each is a name; the
 * whole string is none (a query would be compared with all its words at once). Brackets holding one
 * item ("(HTS)", "(original script)") are notes, not names, and are dropped; so are double quotes.
 * @example aliasNames('حسن غول (Hassan Ghul; Hassan Gul)') // ['حسن غول', 'Hassan Ghul', 'Hassan Gul']
 */
export function aliasNames(value: string): string[] {
  return spellingsOf(value)
    .map(withoutQuotes)
    .filter((name, i, all) => name !== '' && all.indexOf(name) === i);
}

/**
 * The UN puts some aliases in double quotes, straight or curly ("KOMID", “Chief Kahwa”, “General” Sidiki):
 * a nickname's typography, not part of the name. Kept in the value, they made a profile show ““KOMID””
 * and a query compare a word with a quote in it (issue 16 point 7). Single quotes stay: ‘Abd al-Rahman
 * writes an ayn with one.
 */
const DOUBLE_QUOTES = /["“”„‟]/g;

function withoutQuotes(name: string): string {
  return name.replace(DOUBLE_QUOTES, '').replace(/\s+/g, ' ').trim();
}

function spellingsOf(value: string): string[] {
  if (!value.includes(';')) return [value];
  let outside = '';
  const groups: string[] = [];
  let depth = 0;
  let group = '';
  for (const ch of value) {
    if (ch === '(') depth++;
    if (depth === 0) outside += ch;
    else group += ch;
    if (ch === ')' && depth > 0 && --depth === 0) {
      groups.push(group.slice(1, -1));
      group = '';
    }
  }
  if (group) groups.push(group.slice(1)); // an unclosed bracket runs to the end
  const items = [outside, ...groups.filter((g) => g.includes(';'))].flatMap((part) => part.split(ALIAS_SEPARATOR));
  const names = items
    .map((item) =>
      item
        .replace(/\([^()]*\)/g, ' ')
        .replace(/[()]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
  return [...new Set(names)];
}

/** Between the names of one ALIAS_NAME: a semicolon, or a letter and a bracket starting the next ("b)"). */
const ALIAS_SEPARATOR = /;|\s[a-z]\)\s/;

/**
 * The alias elements. The UN writes an empty `<INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>`
 * for records without aliases; those are skipped. An individual's alias may carry the date and place of
 * birth used under it, and a NOTE "original script: Давид Майер" that is itself a name.
 */
export function addAliases(entity: Entity, node: XmlNode, site: RecordSite, issues: RecordIssue[]): void {
  for (const aliasNode of [...childNodes(node, 'INDIVIDUAL_ALIAS'), ...childNodes(node, 'ENTITY_ALIAS')]) {
    const name = childText(aliasNode, 'ALIAS_NAME');
    if (!name) continue;
    const quality = childText(aliasNode, 'QUALITY') ?? '';
    let property = ALIAS_PROPERTY[quality.toLowerCase()];
    if (!property) {
      issues.push({ ...site, field: 'QUALITY', raw: quality, message: `unknown alias QUALITY "${quality}"; read as an alias` });
      property = 'alias';
    }
    const note = childText(aliasNode, 'NOTE');
    const originalScript = note ? ORIGINAL_SCRIPT_NOTE.exec(note)?.[1] : undefined;
    const names = aliasNames(name);
    for (const value of names) {
      const statement: Statement = { value };
      if (property === 'weakAlias') statement.weak = true;
      const script = detectScript(value);
      if (script) statement.script = script;
      const notes = [note && !originalScript ? note : undefined, names.length > 1 ? `listed together as "${name}"` : undefined].filter(
        Boolean,
      );
      if (notes.length > 0) statement.note = notes.join('; ');
      addStatement(entity, property, statement);
    }
    if (originalScript) {
      const inScript: Statement = { value: originalScript, note: `original script of "${name}"` };
      const s = detectScript(originalScript);
      if (s) inScript.script = s;
      if (property === 'weakAlias') inScript.weak = true;
      addStatement(entity, property, inScript);
    }
    addBirthUnderAlias(entity, aliasNode, name, site, issues);
  }
}

function addBirthUnderAlias(entity: Entity, aliasNode: XmlNode, name: string, site: RecordSite, issues: RecordIssue[]): void {
  const note = `under the name "${name}"`;
  const dob = childText(aliasNode, 'DATE_OF_BIRTH');
  if (dob) {
    const statement = dateStatement(dob, site, 'INDIVIDUAL_ALIAS/DATE_OF_BIRTH', issues);
    if (statement) addStatement(entity, 'birthDate', { ...statement, note });
  }
  const city = childText(aliasNode, 'CITY_OF_BIRTH');
  const country = childText(aliasNode, 'COUNTRY_OF_BIRTH');
  if (!city && !country) return;
  const place: Statement = { value: [city, country].filter(Boolean).join(', '), note };
  const code = country ? countryStatement(country, site, 'INDIVIDUAL_ALIAS/COUNTRY_OF_BIRTH', issues) : undefined;
  if (code) place.country = code.value;
  addStatement(entity, 'birthPlace', place);
}
