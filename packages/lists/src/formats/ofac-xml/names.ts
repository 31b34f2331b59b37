/**
 * @module formats/ofac-xml/names
 * OFAC's names in all three XML formats: which property an alias type goes to, the printed form of a name
 * built from parts ("MARTELLY, Michel Joseph"), and ISO 15924 codes for OFAC's script names.
 * @example formatOfacName([{ type: 'Last Name', value: 'Martelly' }, { type: 'First Name', value: 'Michel' }])
 *   // { value: 'MARTELLY, Michel', original: 'Martelly, Michel', parts: { family: 'MARTELLY', given: 'Michel' } }
 */
import type { NameParts, NameProperty, Statement } from '@embargo/core';

/**
 * The property for an alias: f.k.a. → previousName, a weak ("low quality") a.k.a./n.k.a. → weakAlias,
 * otherwise alias. Legacy writes "a.k.a.", advanced and enhanced "A.K.A."; the primary name is `name`.
 */
export function aliasProperty(aliasType: string, weak: boolean): Exclude<NameProperty, 'name'> {
  const type = aliasType.toLowerCase().replace(/[^a-z]/g, '');
  if (type === 'fka') return 'previousName';
  return weak ? 'weakAlias' : 'alias';
}

/** A name statement with only the qualifiers that apply. */
export function nameStatement(
  value: string,
  extra: { parts?: NameParts; script?: string; weak?: boolean; original?: string } = {},
): Statement {
  const statement: Statement = { value };
  if (extra.original && extra.original !== value) statement.original = extra.original;
  if (extra.parts) statement.parts = extra.parts;
  if (extra.script) statement.script = extra.script;
  if (extra.weak) statement.weak = true;
  return statement;
}

// OFAC's script names (advanced ScriptValues, enhanced SCRIPT reference values); OFAC's own "codes" are not
// ISO 15924 ("Latin", "Korean", "Hebrew"), so the name decides. Both Chinese scripts are Han ('Hani').
const SCRIPT_CODES: Readonly<Record<string, string>> = {
  arabic: 'Arab',
  armenian: 'Armn',
  'chinese simplified': 'Hani',
  'chinese traditional': 'Hani',
  chinese: 'Hani',
  cyrillic: 'Cyrl',
  georgian: 'Geor',
  greek: 'Grek',
  hangul: 'Hang',
  korean: 'Hang',
  hebrew: 'Hebr',
  japanese: 'Jpan',
};

/** The ISO 15924 code for a non-Latin script name; undefined for Latin or an unknown name. */
export function scriptCode(scriptName: string | undefined): string | undefined {
  return scriptName ? SCRIPT_CODES[scriptName.trim().toLowerCase()] : undefined;
}

export interface NamePart {
  /** OFAC's NamePartType: "Last Name", "First Name", "Middle Name", "Entity Name", "Nickname"… */
  type: string;
  value: string;
}

// The parts OFAC prints first and in capitals; the others follow after a comma, in list order.
const FAMILY_PART_TYPES = new Set(['last name', 'entity name', 'vessel name', 'aircraft name']);

/**
 * A name in OFAC's printed form. The legacy XML, the CSV and the enhanced `formattedFullName` print the
 * family or entity part in capitals ("VNESHECONOMBANK"), while the advanced file keeps the parts as entered
 * ("Vnesheconombank"); printing them the same way keeps one record's names equal across formats. The
 * entered text is kept as `original` when it differs.
 */
export function formatOfacName(parts: readonly NamePart[]): { value: string; original?: string; parts?: NameParts } {
  const present = parts.filter((p) => p.value.trim());
  const isFamily = (p: NamePart) => FAMILY_PART_TYPES.has(p.type.trim().toLowerCase());
  const join = (ps: NamePart[], upper: boolean) => ps.map((p) => (upper ? p.value.trim().toUpperCase() : p.value.trim())).join(' ');
  const family = present.filter(isFamily);
  const others = present.filter((p) => !isFamily(p));
  const printed = (upper: boolean) => [join(family, upper), join(others, false)].filter(Boolean).join(', ').replace(/\s+/g, ' ');
  const value = printed(true);
  const original = printed(false);
  const nameParts = personParts(present);
  return {
    value,
    ...(original !== value ? { original } : {}),
    ...(nameParts ? { parts: nameParts } : {}),
  };
}

/** Parts of a person's name (`family` in OFAC's capitals); undefined for organisation, vessel and aircraft names. */
function personParts(parts: readonly NamePart[]): NameParts | undefined {
  const out: NameParts = {};
  const add = (key: 'family' | 'given' | 'middle' | 'patronymic', value: string) => {
    out[key] = out[key] ? `${out[key]} ${value}` : value;
  };
  for (const part of parts) {
    const type = part.type.trim().toLowerCase();
    if (type === 'last name') add('family', part.value.trim().toUpperCase());
    else if (type === 'first name') add('given', part.value.trim());
    else if (type === 'middle name') add('middle', part.value.trim());
    else if (type === 'patronymic') add('patronymic', part.value.trim());
  }
  return out.family && (out.given || out.middle || out.patronymic) ? out : undefined;
}
