/**
 * @module formats/uk-common/names
 * Names in an HMT row: "Name 6" is the surname (or the whole name of an entity or ship), "Name 1" … "Name 5"
 * the other names in order. "Alias Type" says which name it is: "Prime Alias" (2014) / "Primary name" (2025) is
 * the designated name, "Primary name variation" a spelling of it, "AKA" an alias whose "Alias Quality" (2025)
 * may be "Low quality", "FKA" a former name. "Name Non-Latin Script" (2025) is the name in its own script, with
 * the script named in "Non-Latin Script Type" (typos included: "Cryillic", "Cyrilic").
 */
import type { NameProperty, SchemaName, Statement } from '@embargo/core';
import { cell, type UkRow } from './rows.js';

const SCRIPT_BY_TYPE: Readonly<Record<string, string>> = {
  cyrillic: 'Cyrl',
  cryillic: 'Cyrl',
  cyrilic: 'Cyrl',
  russian: 'Cyrl',
  arabic: 'Arab',
  persian: 'Arab',
  chinese: 'Hani',
  georgian: 'Geor',
  hebrew: 'Hebr',
  hangul: 'Hang',
  korean: 'Hang',
  thai: 'Thai',
  greek: 'Grek',
  burmese: 'Mymr',
  armenian: 'Armn',
};

/**
 * The row's name: "SURNAME, Other Names" for a person, the names in order otherwise. HMT does not always put
 * the surname in "Name 6": UN KPi.057 JANG SUNG NAM is Name 6 "SUNG NAM", Name 1 "JANG"; the columns are
 * taken as they are.
 */
export function rowName(row: UkRow, schema: SchemaName): Statement | undefined {
  const family = cell(row, 'Name 6');
  const given = [1, 2, 3, 4, 5]
    .map((n) => cell(row, `Name ${n}`))
    .filter(Boolean)
    .join(' ');
  if (schema !== 'Person') {
    const value = [given, family].filter(Boolean).join(' ');
    return value ? { value } : undefined;
  }
  if (!family && !given) return undefined;
  // A name in "Name 6" alone is often the whole name ("KIM YONG BOK"), so its parts are unknown.
  if (!given) return { value: family };
  if (!family) return { value: given };
  return { value: `${family}, ${given}`, parts: { family, given } };
}

/** Which name property the row's name goes to, or undefined for an Alias Type we do not know. */
export function nameProperty(row: UkRow): NameProperty | undefined {
  const type = cell(row, 'Alias Type').toLowerCase();
  const low = cell(row, 'Alias Quality').toLowerCase().startsWith('low');
  if (type === 'prime alias' || type === 'primary name') return 'name';
  if (type === 'aka' || type === 'primary name variation') return low ? 'weakAlias' : 'alias';
  if (type === 'fka') return 'previousName';
  return undefined;
}

/** The 2025 "Name Non-Latin Script" as an alias, or undefined; `unknownScript` is set for a script type we cannot name. */
export function nonLatinName(row: UkRow): { statement: Statement; unknownScript?: string } | undefined {
  const value = cell(row, 'Name Non-Latin Script');
  if (!value) return undefined;
  const type = cell(row, 'Non-Latin Script Type');
  const language = cell(row, 'Non-Latin Script Language');
  const statement: Statement = { value };
  const script = SCRIPT_BY_TYPE[type.toLowerCase()];
  if (script) statement.script = script;
  if (language) statement.note = language;
  return { statement, unknownScript: type && !script ? type : undefined };
}
