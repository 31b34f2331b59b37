/**
 * @module match/query
 * What a caller asks to screen, and the prepared form the scorers read.
 */
import { countryCode } from '../model/countries.js';
import type { SchemaName } from '../model/schema.js';
import { nameKindOf } from './name-index.js';
import { nameForms, registrationForm, registrationMark, type NameForm, type NameKind } from './name-form.js';

export interface QueryIdentifier {
  /** passportNumber, idNumber, imoNumber, swiftBic, registrationNumber…; any type when omitted. */
  type?: string;
  value: string;
}

/** One party to screen: a customer, a payment's beneficiary, a vessel. */
export interface ScreeningQuery {
  name: string;
  schema?: SchemaName;
  /** ISO prefix: YYYY, YYYY-MM or YYYY-MM-DD. */
  birthDate?: string;
  /** ISO 3166-1 alpha-2 code or a country name. */
  country?: string;
  identifiers?: QueryIdentifier[];
}

export interface PreparedQuery {
  query: ScreeningQuery;
  forms: NameForm[];
  countryCode?: string;
  /** Normalised identifier values (letters and digits only, upper case). */
  identifiers: { type?: string; value: string }[];
}

/**
 * Identifier numbers compare without spaces, dashes, dots or case: 'No. 563 120-368' ~ '563120368'; an
 * IMO number without the 'IMO' some lists and customers write before it ('IMO 8660313' ~ '8660313').
 */
export function normaliseIdentifier(value: string): string {
  return value
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/^IMO(?=\d{7}$)/, '');
}

const REPEATED_WORD = /(?<!\p{L})(\p{L}{2,})\s+\1(?!\p{L})/giu;
/**
 * A capitalised word of three letters or more run into the next capital (GroupeDiarraImportExport). One
 * small letter among capitals (CASToRO) is a slip inside a word, not two words.
 */
const GLUED_WORDS = /(\p{Lu}\p{Ll}{2,})(?=\p{Lu})/gu;
/** A digit between letters, typed for the letter it looks like (Ig0r Sech1n, I9or). */
const DIGIT_FOR_LETTER = /(?<=\p{L})[0134579](?=\p{L})/gu;
const LETTER_OF_DIGIT: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '9': 'g' };
/** A label before a colon that a message or form leaves in the name field ("ORDERING CUSTOMER: KALLIOSAARI TRADING OY"). */
const LABEL = /^[^:]{2,40}:\s*(?=\S)/u;
/**
 * A firm's name's first comma before a part with a digit, and all after it when that is three words or
 * more: an address ("Inc, 12250 Brevard Ln, Pasadena TX 77506"), not a unit's number ("…, UNIT 5").
 */
const ADDRESS_AFTER_COMMA = /\s*,(?=[^,]*\d)(?=(?:\s*[^\s,]+[\s,]+){2,}[^\s,]+\s*$).*$/u;
/** A vessel's name's last comma and what follows: the port or flag a message adds ("SIAM ORCHID 7, Bangkok"). */
const AFTER_LAST_COMMA = /\s*,[^,]*$/;
/**
 * The type of ship a message or a shipping document writes before a vessel's name: motor vessel, motor
 * tanker, motor ship, steamship, fishing vessel, motor yacht, navio motor, research vessel (M/V, MT, M.S.,
 * SS, F/V, M/Y, N/M, R/V). The lists write the name alone.
 */
const VESSEL_PREFIX = /^(?:m[/.]?[vtsy]|s[/.]?s|f[/.]?v|n[/.]?m|r[/.]?v)\.?\s+(?=\S)/iu;
/**
 * The same before a party of unknown type: only the forms nothing else writes (M/V, M.T., F/V, MV, MT), not
 * MS, MY or SS, which begin persons' and firms' names too (Ms Smith, My Linh Nguyen, SS Trading).
 */
const UNMISTAKABLE_VESSEL_PREFIX = /^(?:m[/.][vtsy]|s[/.]s|f[/.]?v|n[/.]m|r[/.]v|m[vt])\.?\s+(?=\S)/iu;
/**
 * Where a firm's or vessel's former name begins: "(ex-SARONIC EXPRESS)", "(ex Mandvi Bay, ex Wanshan
 * Pearl)", ", f.k.a. LEBANON CEDAR IMPORT EXPORT SAL", " formerly known as Kenari Frozen Foods". "ex" only
 * after a parenthesis or a comma: in "CHINA EX-IM BANK" it is part of the name.
 */
const FORMER_NAME =
  /(?:\(\s*|,\s*)(?:ex\b[-\s]*|(?:f\.?\s?k\.?\s?a\.?|f\/k\/a|formerly(?:\s+known\s+as)?|previously(?:\s+known\s+as)?)\s+)|\s+(?:f\.?\s?k\.?\s?a\.?|f\/k\/a|formerly(?:\s+known\s+as)?)\s+/giu;
/** What closes a former name: its parenthesis, and a year it was used until ("ex-Lindos Harrier until 2019)"). */
const AFTER_FORMER_NAME = /\s+(?:until|till|to|since)\s+\d{4}\b.*$|[\s,;()]+$/u;

/**
 * A firm's or vessel's name as it is now and as it was, where the name says what it was called before:
 * "ARBEL EXPRESS (ex-SARONIC EXPRESS)" is ARBEL EXPRESS and SARONIC EXPRESS. A renamed vessel or firm is
 * often listed under its former name. Empty when the name gives none.
 */
export function currentAndFormerNames(name: string): string[] {
  const parts = name.split(FORMER_NAME);
  if (parts.length < 2) return [];
  return parts.map((part) => part.replace(AFTER_FORMER_NAME, '').replace(AFTER_FORMER_NAME, '').trim()).filter((part) => part !== '');
}

/** A part in parentheses, with the space before it: what customers and messages add to a name. */
const IN_PARENTHESES = /\s*\(([^()]*)\)/g;

/**
 * The name as data entry may have meant it, where it shows a slip or an addition; the name as written is
 * read too, so a reading here only ever adds a way to match:
 * - a word typed twice in a row ("SHIBLI SHIBLI, Ibrahim") read once: a slip as often as a name that
 *   repeats (Mohammed Mohammed), and a firm's name repeats words on purpose;
 * - words run together read apart where the capitals show them ("GroupeDiarraImportExport", "SiemensAG");
 * - a digit between a person's letters read as the letter it stands for ("Ig0r Sech1n"): in a firm's or
 *   vessel's name a digit is a number;
 * - a vessel's name without what follows its last comma, a port or a flag ("SIAM ORCHID 7, Bangkok");
 * - a name without a label before a colon ("ORDERING CUSTOMER: KALLIOSAARI TRADING OY");
 * - a firm's name without an address after a comma ("Tidewell Process Equipment Inc, 12250 Brevard Ln");
 * - a part in parentheses left out ("M/T ONDARA LEIGH (ex-Pelican Morrow)", "HALVERSTONE SPIRIT (Marshall
 *   Islands flag)"): a former name, a flag, a port, which the listed name may not carry;
 * - a firm's or vessel's current and former names apart ("ARBEL EXPRESS (ex-SARONIC EXPRESS)", "BEIRUT
 *   CEDAR TRADING SAL, f.k.a. LEBANON CEDAR IMPORT EXPORT SAL"): a renamed party is often listed as it was;
 * - a vessel's (or an unknown party's) name without the type of ship before it ("M/V MZIURI"), and that
 *   name read for the slips above too ("M/V MZIURI (Batumi)").
 */
function slipsOfEntry(name: string, kind: NameKind, vessel: boolean, unknownType: boolean): string[] {
  const readings: string[] = [];
  const add = (reading: string) => {
    if (reading !== name && reading.trim() !== '' && !readings.includes(reading)) readings.push(reading);
  };
  const bare = vessel ? name.replace(VESSEL_PREFIX, '') : unknownType ? name.replace(UNMISTAKABLE_VESSEL_PREFIX, '') : name;
  if (bare !== name) {
    add(bare);
    for (const reading of slipsOfEntry(bare, kind, vessel, false)) add(reading);
  }
  if (kind !== 'organisation') add(name.replace(REPEATED_WORD, '$1'));
  add(name.replace(GLUED_WORDS, '$1 '));
  if (kind !== 'organisation') add(name.replace(DIGIT_FOR_LETTER, (d) => LETTER_OF_DIGIT[d]));
  if (kind !== 'person') for (const part of currentAndFormerNames(name)) add(part);
  if (vessel) add(name.replace(AFTER_LAST_COMMA, ''));
  add(name.replace(LABEL, ''));
  if (kind !== 'person') add(name.replace(ADDRESS_AFTER_COMMA, ''));
  // A country in parentheses names another firm, the branch or subsidiary there ("IRISL (UK) LTD."): kept.
  add(name.replace(IN_PARENTHESES, (part, inside: string) => (countryCode(inside) ? part : '')).trim());
  return readings;
}

/** The query's name forms; a name that may be an aircraft's is also read as a registration mark. */
function queryForms(query: ScreeningQuery): NameForm[] {
  const kind = nameKindOf(query.schema);
  const forms = nameForms(query.name, kind);
  const vessel = query.schema === 'Vessel';
  for (const reading of slipsOfEntry(query.name, kind, vessel, !query.schema)) forms.push(...nameForms(reading, kind));
  const aircraft = query.schema === 'Airplane';
  const mark = aircraft || !query.schema ? registrationMark(query.name, aircraft) : undefined;
  return mark ? [...forms, registrationForm(query.name, mark)] : forms;
}

export function prepareQuery(query: ScreeningQuery): PreparedQuery {
  return {
    query,
    forms: queryForms(query),
    countryCode: countryCode(query.country),
    identifiers: (query.identifiers ?? [])
      .map((i) => ({ type: i.type, value: normaliseIdentifier(i.value) }))
      .filter((i) => i.value.length >= 4),
  };
}
