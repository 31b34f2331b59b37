/**
 * @module formats/uk-common/identifiers
 * Passport and national identity numbers. The 2025 sheet has a number column and a details column, numbered
 * alike ("(1) D00001184 (2) P04838205" / "(1) Central African Republic number (2) Issued on 10 Jun. 2018 …");
 * the 2014 CSV has one free-text column per kind ("G827238 (Tunisian). Issued on 1 June 1996. Expired on 31 May
 * 2001"), from which the number is read and the whole text kept as the original.
 */
import type { Statement } from '@embargo/core';
import { issuerCountry } from './countries.js';
import { numberedItems } from './numbered.js';

// A number as HMT writes one: letters, digits, dashes, slashes and dots, at most one inner space ("OA 454044").
const BARE_NUMBER = /^(?=.*\d)[A-Za-z0-9][\w./-]*(?: [\w./-]+)?$/;
// The first token of four or more characters with a digit in it, inside words.
const NUMBER_IN_PHRASE = /(?<![\w./-])(?=[\w./-]*\d)[A-Za-z0-9][\w./-]{3,}/;

/**
 * Statements for one kind of identifier. `numbers` is the column holding the numbers (or the free text),
 * `details` the 2025 column describing them (or '').
 */
export function identifierStatements(numbers: string, details: string, kind: string): Statement[] {
  const detailItems = numberedItems(details);
  const out: Statement[] = [];
  for (const item of numberedItems(numbers)) {
    const read = readNumber(item.value);
    if (!read) continue;
    const detail =
      detailItems.find((d) => d.index !== undefined && d.index === item.index)?.value ??
      (detailItems.length === 1 && detailItems[0].index === undefined ? detailItems[0].value : undefined);
    const statement: Statement = { value: read.value, kind };
    if (read.original) statement.original = read.original;
    const country =
      issuerCountry(detail) ??
      (read.original ? issuerCountry(read.original.slice(read.original.indexOf(read.value) + read.value.length)) : undefined);
    if (country) statement.country = country;
    if (detail) statement.note = detail;
    out.push(statement);
  }
  return out;
}

/** The number in a cell item, with the item as the original when it is more than the number. */
export function readNumber(text: string): { value: string; original?: string } | undefined {
  const item = text.trim().replace(/\.$/, '');
  if (BARE_NUMBER.test(item)) return { value: item };
  const token = NUMBER_IN_PHRASE.exec(item)?.[0].replace(/\.+$/, '');
  return token ? { value: token, original: text.trim() } : undefined;
}
