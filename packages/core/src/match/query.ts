/**
 * @module match/query
 * What a caller asks to screen, and the prepared form the scorers read.
 */
import { countryCode } from '../model/countries.js';
import type { SchemaName } from '../model/schema.js';
import { nameKindOf } from './name-index.js';
import { nameForms, registrationForm, registrationMark, type NameForm } from './name-form.js';

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

/** The query's name forms; a name that may be an aircraft's is also read as a registration mark. */
function queryForms(query: ScreeningQuery): NameForm[] {
  const kind = nameKindOf(query.schema);
  const forms = nameForms(query.name, kind);
  // A word typed twice in a row ("SHIBLI SHIBLI, Ibrahim") is also read once: a slip of data entry as
  // often as a name that repeats (Mohammed Mohammed), so the name as written is kept too.
  const once = kind === 'organisation' ? query.name : query.name.replace(REPEATED_WORD, '$1');
  if (once !== query.name) forms.push(...nameForms(once, kind));
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
