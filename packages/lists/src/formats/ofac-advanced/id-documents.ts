/**
 * @module formats/ofac-advanced/id-documents
 * `<IDRegDocuments>` come before the parties and name the identity they belong to (`IdentityID`), with the
 * document type, number, issuing country, and issue or expiry dates as `<DocumentDate>` periods.
 */
import { dateRangeStatement } from '../ofac-xml/date-range.js';
import type { OfacDocument } from '../ofac-xml/documents.js';
import { child, childText, childrenNamed } from '../ofac-xml/xml-node.js';
import type { XmlNode } from '../ofac-xml/xml-stream.js';
import { datePeriodRange } from './date-period.js';
import type { ReferenceValues } from './reference-values.js';

export interface AdvancedDocument {
  identityId: string;
  document: OfacDocument;
}

export function readIdRegDocument(node: XmlNode, refs: ReferenceValues): AdvancedDocument {
  const document: OfacDocument = {
    type: refs.value('IDRegDocType', node.attrs.IDRegDocTypeID),
    number: childText(node, 'IDRegistrationNo'),
  };
  const country = refs.country(node.attrs['IssuedBy-CountryID']);
  if (country) document.country = country;
  const authority = childText(node, 'IssuingAuthority');
  if (authority) document.authority = authority;
  for (const date of childrenNamed(node, 'DocumentDate')) {
    const range = datePeriodRange(child(date, 'DatePeriod'));
    if (!range) continue;
    const kind = refs.value('IDRegDocDateType', date.attrs.IDRegDocDateTypeID).toLowerCase();
    if (kind.startsWith('issue')) document.issued = dateRangeStatement(range).value;
    else if (kind.startsWith('expir')) document.expires = dateRangeStatement(range).value;
  }
  if (refs.value('Validity', node.attrs.ValidityID).toLowerCase() === 'fraudulent') document.valid = false;
  return { identityId: node.attrs.IdentityID ?? '', document };
}
