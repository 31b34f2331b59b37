/**
 * @module iso20022
 * ISO 20022 payment messages as core `Payment`s: pacs.008 (customer credit transfer), pacs.009 and its
 * cover variant (financial institution credit transfer), pain.001 (customer credit transfer initiation),
 * bare or wrapped (SWIFT Envelope with AppHdr, prowide's `<message>`, any wrapper), one result per Document.
 * Malformed XML is one error at its line; a Document that is not one of these, or that lacks what its
 * definition requires, is an error naming the XML path and line.
 *
 * @example
 * parseIso20022Message(readFileSync('pacs.008.xml', 'utf8'))
 * // [{ payment: { messageId: '174c245f-…', format: 'pacs.008', definition: 'pacs.008.001.08', parties: […], … } }]
 */
import type { Payment, PaymentParseResult } from '@embargo/core';
import { addAppHeaderParties } from './app-header.js';
import { findDocuments, readDocument, type FoundDocument, type MxMessage } from './document.js';
import { finishPayment, type MessageReading } from './payment-draft.js';
import { readPacs008 } from './pacs008.js';
import { readPacs009 } from './pacs009.js';
import { readPain001 } from './pain001.js';
import { childNames, MxPathError, readXmlTree, type MxElement } from './xml-tree.js';

const READER_OF_MESSAGE: Record<MxMessage, (root: MxElement) => MessageReading> = {
  'pacs.008': readPacs008,
  'pacs.009': readPacs009,
  'pain.001': readPain001,
};

function readPayment(found: FoundDocument): Payment {
  const document = readDocument(found);
  const { draft, format, reference, uetr, amount } = READER_OF_MESSAGE[document.message](document.root);
  const senderBic = addAppHeaderParties(draft, document.appHdr);
  return finishPayment(draft, { format, definition: document.definition, reference, uetr, senderBic, amount });
}

/** Every Document of the file as a payment, or the reason it cannot be read (numbered from 1 in file order). */
export function parseIso20022Message(xml: string): PaymentParseResult[] {
  const tree = readXmlTree(xml);
  if (tree.error)
    return [{ error: { message: 1, ...(tree.error.line === undefined ? {} : { line: tree.error.line }), reason: tree.error.reason } }];
  const found = findDocuments(tree.top);
  if (found.length === 0) {
    const roots = childNames(tree.top);
    return [
      {
        error: {
          message: 1,
          ...(roots[0] === undefined ? {} : { field: roots[0] }),
          line: 1,
          reason: `not a payment message Embargo screens: no ISO 20022 <Document> in ${roots.length === 0 ? 'the file' : `<${roots[0]}>`}`,
        },
      },
    ];
  }
  return found.map((document, i) => {
    try {
      return { payment: readPayment(document) };
    } catch (error) {
      // Only a message's own shape is reported as its error; anything else is a defect and propagates.
      if (!(error instanceof MxPathError)) throw error;
      return {
        error: { message: i + 1, field: error.path, ...(error.line === undefined ? {} : { line: error.line }), reason: error.message },
      };
    }
  });
}
