/**
 * @module mt/structured-party
 * Option F of fields 50 (ordering customer) and 59 (beneficiary): a first line with the account (`/…`) or,
 * in 50F, a party identifier (`CODE/CC/identifier`: CCPT passport, NIDN national id, CUST customer number…),
 * then numbered lines: `1/` name, `2/` address, `3/CC/town`, and in 50F `4/` birth date (YYYYMMDD),
 * `5/CC/place of birth`, `6/CC/issuer/customer number`, `7/CC/national id`, `8/` more of the line before.
 * A name or address too long for one line continues on a line with the same number (SWIFT MT103 field 50F
 * network validated rules, SR 2020).
 *
 * @example
 * readStructuredParty({ tag: '50F', lines: ['/96325874', '1/GB Engineering', '2/Industrial Park', '3/GB/Cambridge'], line: 6 }, …)
 * // { name: 'GB Engineering', addressLines: ['Industrial Park', 'Cambridge'], country: 'GB', account: '96325874', kind: 'unknown', … }
 */
import type { PaymentParty } from '@embargo/core';
import type { MtField } from './fields.js';
import { mtProblem, type MtParsed } from './problem.js';
import { normalisedAddressLines, normalisedName, partyOf, readPartyIdentifier, type PartyIdentifier } from './party-lines.js';

/** 50F party identifier codes that name a document only a person holds (ARNU alien registration, CCPT passport, DRLC driving licence, NIDN national id, SOSE social security). */
const PERSONAL_DOCUMENT_CODES = new Set(['ARNU', 'CCPT', 'DRLC', 'NIDN', 'SOSE']);

/** Line numbers each option allows: 59F has name, address and country/town only. */
const NUMBERS_OF_TAG: Record<string, string> = { '50F': '12345678', '59F': '123' };

/** Identifier schemes of lines 6, 7 and 8, named by the codes ISO 20022 uses for the same identifiers. */
const IDENTIFIER_SCHEME: Record<string, string> = { '5': 'placeOfBirth', '6': 'CUST', '7': 'NIDN', '8': 'additionalInformation' };

export function readStructuredParty(field: MtField, base: Pick<PaymentParty, 'role' | 'source'>): MtParsed<PaymentParty> {
  const numbers = NUMBERS_OF_TAG[field.tag];
  const [first, ...rest] = field.lines;
  const opening = readOpeningLine(first);
  if (opening === undefined)
    return mtProblem(
      `${field.tag} first line '${first}' is neither '/account', 'CODE/CC/identifier' nor a numbered line '1/name'`,
      field.tag,
      field.line,
    );
  const numbered = opening.numbered ? field.lines : rest;
  const lineOffset = opening.numbered ? 0 : 1;

  const nameLines: string[] = [];
  const addressLines: string[] = [];
  const identifiers = [...opening.identifiers];
  let country: string | undefined;
  let birthDate: string | undefined;
  let person = opening.person;
  for (const [i, text] of numbered.entries()) {
    const line = field.line + lineOffset + i;
    const numberedLine = /^(\d)\/(.*)$/.exec(text);
    if (!numberedLine) {
      if (text.trim() === '') continue;
      return mtProblem(`${field.tag} line '${text}' has no line number (1/ to ${numbers.at(-1)}/)`, field.tag, line);
    }
    const [, number, value] = numberedLine;
    if (!numbers.includes(number))
      return mtProblem(`${field.tag} has no line number ${number}/ (it allows ${[...numbers].join(', ')})`, field.tag, line);
    if (number === '1') nameLines.push(value);
    else if (number === '2') addressLines.push(value);
    else if (number === '3' && country !== undefined)
      addressLines.push(value); // the town continued
    else if (number === '3') {
      const place = /^([A-Z]{2})(?:\/(.*))?$/.exec(value);
      if (!place) return mtProblem(`${field.tag} line '3/${value}' does not start with a country code ('3/GB/Cambridge')`, field.tag, line);
      country = place[1];
      if (place[2] !== undefined) addressLines.push(place[2]);
    } else if (number === '4') {
      const date = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
      if (!date) return mtProblem(`${field.tag} line '4/${value}' is not a birth date YYYYMMDD`, field.tag, line);
      birthDate = `${date[1]}-${date[2]}-${date[3]}`;
      person = true;
    } else {
      identifiers.push({ scheme: IDENTIFIER_SCHEME[number], value: value.trim() });
      // A place of birth or a national identity number is only ever a person's.
      if (number === '5' || number === '7') person = true;
    }
  }
  return {
    value: partyOf({
      ...base,
      kind: person ? 'person' : 'unknown',
      name: normalisedName(nameLines),
      addressLines: normalisedAddressLines(addressLines),
      country,
      account: opening.account,
      birthDate,
      identifiers,
    }),
  };
}

interface OpeningLine extends PartyIdentifier {
  /** The field has no account or identifier line and starts with its numbered lines (59F's account is optional). */
  numbered: boolean;
  person: boolean;
}

function readOpeningLine(line: string): OpeningLine | undefined {
  if (/^\d\//.test(line)) return { numbered: true, person: false, identifiers: [] };
  if (line.startsWith('/')) return { ...readPartyIdentifier(line), numbered: false, person: false };
  const code = /^([A-Z]{4})\/(.+)$/.exec(line.trim());
  if (!code) return undefined;
  return { numbered: false, person: PERSONAL_DOCUMENT_CODES.has(code[1]), identifiers: [{ scheme: code[1], value: code[2] }] };
}
