/**
 * @module formats/ofac-common/remark-identifiers
 * Identifier items of OFAC remarks: "Passport 563120368 (Korea, North) expires 20 Feb 2022",
 * "Tax ID No. 7706107510 (Russia)", "Vessel Registration Identification IMO 9045833". OFAC writes each as
 * `<kind> <number> [(<issuing country>)] [issued <date>] [expires <date>]`; the kinds below were collected
 * from every SDN and consolidated CSV in the shared data (2015-2025).
 */
import type { IdentifierProperty, Statement } from '@embargo/core';
import { ofacCountryCode } from './countries.js';

/** One identifier read from a remark, ready to add to the entity. */
export interface RemarkIdentifier {
  property: IdentifierProperty;
  statement: Statement;
}

const KINDS: ReadonlyArray<readonly [IdentifierProperty, readonly string[]]> = [
  ['imoNumber', ['Vessel Registration Identification IMO', 'International Maritime Organization No.', 'IMO']],
  ['mmsi', ['MMSI']],
  ['swiftBic', ['SWIFT/BIC']],
  ['callSign', ['Other Vessel Call Sign', 'Vessel Call Sign']],
  ['serialNumber', ['Aircraft Construction Number (also called L/N or S/N or F/N)', "Aircraft Manufacturer's Serial Number (MSN)"]],
  [
    'taxNumber',
    [
      'Tax ID No.',
      'NIT #',
      'R.F.C. #',
      'R.F.C.',
      'RFC',
      'RUC #',
      'RIF #',
      'V.A.T. Number',
      'VAT Number',
      'US FEIN',
      'C.U.I.T.',
      'C.U.I.L.',
      'Italian Fiscal Code',
      'Fiscal Code',
      'C.I.F.',
      'N.I.F.',
      'RTN',
      'RUT #',
      'RSIN',
      'Paraguayan tax identification number',
      'Numero Unico de Identificacao Tributaria (NUIT)',
      'Romanian Tax Registration',
      'Tax Identification Number',
    ],
  ],
  [
    'registrationNumber',
    [
      'Registration Number',
      'Registration ID',
      'Government Gazette Number',
      'Folio Mercantil No.',
      'Business Registration Number',
      'Business Registration Document #',
      'Commercial Registry Number',
      'Company Number',
      'UK Company Number',
      'Matricula Mercantil No.',
      'Matricula Mercantil No',
      'Unified Social Credit Code (USCC)',
      'United Social Credit Code Certificate (USCCC)',
      'C.R. No.',
      'Economic Register Number (CBLS)',
      'Trade License No.',
      'Chamber of Commerce Number',
      'Central Registration System Number',
      'Istanbul Chamber of Comm. No.',
      'Legal Entity Number',
      'Business Number',
      'Public Registration Number',
      'Enterprise Number',
      'Certificate of Incorporation Number',
      'Branch Unit Number',
      'Registered Charity No.',
      'Dubai Chamber of Commerce Membership No.',
      'Romanian C.R.',
      'Organization Code',
      'MSB Registration Number',
      'Tourism License No.',
      'Registration Certificate Number (Dubai)',
      'Russian State Individual Business Registration Number Pattern (OGRNIP)',
      'C.I.N.',
      'D-U-N-S Number',
      'Afghan Money Service Provider License Number',
      'License',
      'Vessel Registration Identification',
      'Aircraft Tail Number',
      'Previous Aircraft Tail Number',
    ],
  ],
  [
    'idNumber',
    [
      'National ID No.',
      'Cedula No.',
      'C.U.R.P. #',
      'C.U.R.P.',
      'Identification Number',
      'D.N.I.',
      'Electoral Registry No.',
      "Driver's License No.",
      'Credencial electoral',
      'Cartilla de Servicio Militar Nacional',
      'National Foreign ID Number',
      'SSN',
      'Personal ID Card',
      'Residency Number',
      'I.F.E.',
      'LE Number',
      'Birth Certificate Number',
      'Numero de Identidad',
      'Travel Document Number',
      'C.U.I.P.',
      'C.U.I.',
      'Turkish Identification Number',
      'Turkish Identificiation Number',
      "Citizen's Card Number",
      'VisaNumberID',
      'Tazkira National ID Card',
      'File Number',
      'SRE Permit No.',
      'Immigration No.',
      'Permit Number',
      'Refugee ID Card',
      'Moroccan Personal ID No.',
      'N.I.E.',
      'Kenyan ID No.',
      'Stateless Person ID Card',
      'CNP (Personal Numerical Code)',
      'Romanian Permanent Resident',
      'Pilot License Number',
      'Military Registration Number',
      "Seafarer's Identification Document",
      'UAE Identification',
      'Tarjeta Profesional',
      'Public Security and Immigration No.',
      'BIK (RU)',
      'Trademark number',
    ],
  ],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const LABEL_PROPERTY: ReadonlyMap<string, IdentifierProperty> = new Map(
  KINDS.flatMap(([property, labels]) => labels.map((label) => [label, property] as const)),
);

// One alternation, longest label first, so "Registration Number" does not swallow
// "Russian State Individual Business Registration Number Pattern (OGRNIP)" and one exec does for all kinds.
const KIND_LABEL = new RegExp(
  `^(${[...LABEL_PROPERTY.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')}):?\\s+(.+)$`,
);

// Any "... Passport" or "Passport Booklet" kind: "Diplomatic Passport", "British National Overseas Passport".
const PASSPORT = /^((?:[A-Z][\w'.-]* )*Passport(?: Booklet)?):?\s+(.+)$/;

// Crypto addresses have no property of their own; they identify the holder, so they are ids with their kind:
// "Digital Currency Address - XBT 1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V".
const DIGITAL_CURRENCY_PREFIX = 'Digital Currency Address - ';
const DIGITAL_CURRENCY = /^(Digital Currency Address - \w+)\s+(\S+)$/;

// Kinds not in the table still read as ids when they end with an issuing country: "Foo Card No. 123 (Chile)".
const OTHER_WITH_COUNTRY = /^([A-Z][^\d()]{1,60}?)\s+(\S*\d[^()]*\([^()]+\)(?:\s+(?:issued|expires)\s.*)?)$/;

/**
 * Reads one remark item as an identifier, or returns undefined when it is not one.
 * @example readRemarkIdentifier('Passport 563120368 (Korea, North) expires 20 Feb 2022')
 *   // { property: 'passportNumber', statement: { value: '563120368', country: 'KP', kind: 'Passport', note: 'expires 20 Feb 2022' } }
 */
export function readRemarkIdentifier(item: string): RemarkIdentifier | undefined {
  // Each pattern runs only on items with the text it needs: 15,000 items of sdn.csv come here, and the
  // backtracking of PASSPORT and OTHER_WITH_COUNTRY over the words of every one of them showed in profiles.
  const crypto = item.startsWith(DIGITAL_CURRENCY_PREFIX) ? DIGITAL_CURRENCY.exec(item) : null;
  if (crypto) return { property: 'idNumber', statement: { value: crypto[2], kind: crypto[1] } };
  const passport = item.includes('Passport') ? PASSPORT.exec(item) : null;
  if (passport) return identifier('passportNumber', passport[1], passport[2]);
  const labelled = KIND_LABEL.exec(item);
  if (labelled) return identifier(LABEL_PROPERTY.get(labelled[1])!, labelled[1], labelled[2]);
  const other = item.includes('(') ? OTHER_WITH_COUNTRY.exec(item) : null;
  if (other && ofacCountryCode(lastParenthesis(other[2]) ?? '')) {
    return identifier('idNumber', other[1], other[2]);
  }
  return undefined;
}

const SEVEN_DIGITS = /\d{7}/;

function identifier(property: IdentifierProperty, kind: string, text: string): RemarkIdentifier | undefined {
  const { number, countryText, note } = splitIdentifierText(text);
  // "Vessel Registration Identification IMO  9045833": the seven digits are the number.
  const value = property === 'imoNumber' ? (SEVEN_DIGITS.exec(number)?.[0] ?? number) : number;
  if (!value) return undefined;
  const statement: Statement = { value, kind };
  const notes = note ? [note] : [];
  if (countryText) {
    const code = ofacCountryCode(countryText);
    // Not every parenthesis names a country: "Matricula Mercantil No 01200175 (Bogota)" names the registry's
    // city. What is not a country is kept as a note, not reported.
    if (code) statement.country = code;
    else notes.unshift(countryText);
  }
  if (notes.length) statement.note = notes.join('; ');
  return { property, statement };
}

const DATES_AT_END = /\s+((?:issued|expires)\s[^()]*)$/;
const BEFORE_EXPIRES = /\s+(?=expires)/;
const DIGITS = /^\d+$/;
const LAST_PARENTHESIS = /\(([^()]+)\)\s*(?:(?:issued|expires)\s.*)?$/;

/** "563120368 (Korea, North) expires 20 Feb 2022" → number, country text, "expires 20 Feb 2022". */
export function splitIdentifierText(text: string): { number: string; countryText?: string; note?: string } {
  let rest = text.trim();
  let note: string | undefined;
  const dates = DATES_AT_END.exec(rest);
  if (dates) {
    note = dates[1].trim().replace(BEFORE_EXPIRES, '; ');
    rest = rest.slice(0, dates.index);
  }
  let countryText = lastParenthesis(rest);
  if (countryText !== undefined) rest = rest.slice(0, rest.lastIndexOf('(')).trim();
  // "International Maritime Organization No. (5777731)": the parenthesis is the number.
  if (!rest && countryText && DIGITS.test(countryText)) [rest, countryText] = [countryText, undefined];
  return {
    number: rest,
    ...(countryText !== undefined ? { countryText } : {}),
    ...(note ? { note } : {}),
  };
}

function lastParenthesis(text: string): string | undefined {
  const m = LAST_PARENTHESIS.exec(text);
  return m ? m[1].trim() : undefined;
}
