/**
 * @module formats/ofac-xml/documents
 * Identity and registration documents of the advanced (`IDRegDocument`) and enhanced (`identityDocument`)
 * files. The document type words are those of the CSV remarks and the legacy idList ("Passport",
 * "Tax ID No.", "Registration ID"), so the remark rules choose the property; a type they do not know is
 * still an identifier, kept as `idNumber` with the list's type as `kind`.
 */
import { addStatement, type Entity, type RecordIssue, type Statement } from '@embargo/core';
import { readRemarkIdentifier } from '../ofac-common/remark-identifiers.js';
import type { RecordSite } from '../ofac-common/countries.js';
import { countryOf, type CountryWords } from './country-ref.js';

export interface OfacDocument {
  type: string;
  number: string;
  country?: CountryWords;
  /** Issue and expiry dates as the file gives them. */
  issued?: string;
  expires?: string;
  /** The issuing authority ("INN", "OGRN"). */
  authority?: string;
  /** False when OFAC marks the document fraudulent. */
  valid?: boolean;
}

export function addOfacDocument(entity: Entity, doc: OfacDocument, site: RecordSite, issues: RecordIssue[]): void {
  const number = doc.number.trim();
  if (!number) return;
  const read = readRemarkIdentifier(`${doc.type.trim()} ${number}`);
  const statement: Statement = read ? { ...read.statement } : { value: number, kind: doc.type.trim() };
  const country = doc.country ? countryOf(doc.country, site, doc.type, issues) : undefined;
  if (country) statement.country = country.value;
  const notes = [
    doc.authority ? `issued by ${doc.authority}` : '',
    doc.issued ? `issued ${doc.issued}` : '',
    doc.expires ? `expires ${doc.expires}` : '',
    doc.valid === false ? 'fraudulent' : '',
    statement.note ?? '',
  ].filter(Boolean);
  if (notes.length) statement.note = notes.join('; ');
  addStatement(entity, read?.property ?? 'idNumber', statement);
}
