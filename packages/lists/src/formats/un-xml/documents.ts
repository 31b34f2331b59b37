/**
 * @module formats/un-xml/documents
 * INDIVIDUAL_DOCUMENT: TYPE_OF_DOCUMENT is "Passport" or "National Identification Number" (in the 2017–2018
 * files also "Numéro de passeport" / "Número de pasaporte"); TYPE_OF_DOCUMENT2 refines it in free text
 * ("national passport", "Ration card no.", "Afghan national identification card (tazkira) number 545167").
 * NUMBER is usually the bare number but sometimes a phrase ("Libyan passport No. 513519"); a few documents
 * have no NUMBER and carry it in TYPE_OF_DOCUMENT2 or NOTE instead ("SSN 156-92-9858 (United States of America)").
 */
import { addStatement, type Entity, type RecordIssue, type Statement } from '@embargo/core';
import { countryStatement, type RecordSite } from './countries.js';
import { childText, type XmlNode } from './xml-node.js';

const PASSPORT = /pass(?:port|eport)|pasaporte/i;

// A document number inside words: the first token of letters, digits, dashes and slashes that has a digit in
// it, at least four characters long ("number 4414") or five in a remark, where four digits are mostly years.
const NUMBER_IN_PHRASE = /(?<![\w-])(?=[\w/-]*\d)[A-Za-z0-9][\w/-]{3,}/;
const NUMBER_IN_REMARK = /(?<![\w-])(?=[\w/-]*\d)[A-Za-z0-9][\w/-]{4,}/;

const TRAILING_COLON = /[:\s]+$/;
const PHRASE_MARK = /[\s(,]/;
const WHITESPACE_RUN = /\s+/g;

export function addDocument(entity: Entity, node: XmlNode, site: RecordSite, issues: RecordIssue[]): void {
  const [type, type2, number, issuing, ofIssue, issued, city, note] = [
    'TYPE_OF_DOCUMENT',
    'TYPE_OF_DOCUMENT2',
    'NUMBER',
    'ISSUING_COUNTRY',
    'COUNTRY_OF_ISSUE',
    'DATE_OF_ISSUE',
    'CITY_OF_ISSUE',
    'NOTE',
  ].map((n) => childText(node, n));
  // `<INDIVIDUAL_DOCUMENT/>` is the placeholder for "no documents".
  if (!type && !type2 && !number && !note) return;
  let kind = (type2 ?? type)?.replace(TRAILING_COLON, '');
  // NUMBER is sometimes a phrase ("Libyan passport No. 513519", "403062567 (US)"): the number is read out of
  // it and the phrase kept as the original.
  let value = number && PHRASE_MARK.test(number) ? (NUMBER_IN_PHRASE.exec(number)?.[0] ?? number) : number;
  const original = value !== number ? number : undefined;
  const numberSource = value
    ? 'NUMBER'
    : type2 && NUMBER_IN_PHRASE.test(type2)
      ? 'TYPE_OF_DOCUMENT2'
      : note && NUMBER_IN_REMARK.test(note)
        ? 'NOTE'
        : undefined;
  if (numberSource === 'TYPE_OF_DOCUMENT2') {
    value = NUMBER_IN_PHRASE.exec(type2!)![0];
    kind = type2!.replace(value, '').replace(WHITESPACE_RUN, ' ').trim() || type;
  } else if (numberSource === 'NOTE') {
    value = NUMBER_IN_REMARK.exec(note!)![0];
  }
  if (!value) {
    issues.push({
      ...site,
      field: 'INDIVIDUAL_DOCUMENT',
      raw: [type, type2, note].filter(Boolean).join(' | '),
      message: 'document without a number',
    });
    return;
  }
  const statement: Statement = { value };
  if (original) statement.original = original;
  if (kind) statement.kind = kind;
  const countryText = issuing ?? ofIssue;
  const country = countryText ? countryStatement(countryText, site, 'INDIVIDUAL_DOCUMENT/ISSUING_COUNTRY', issues) : undefined;
  if (country) statement.country = country.value;
  const remarks = [issued && `issued ${issued}`, city && `issued in ${city}`, note].filter(Boolean);
  if (remarks.length) statement.note = remarks.join('; ');
  addStatement(entity, PASSPORT.test(kind ?? type ?? '') ? 'passportNumber' : 'idNumber', statement);
}
