/**
 * @module @embargo/payments
 * Payment messages in, normalised payments out: SWIFT MT (FIN messages, RJE batches, acknowledgement
 * wrappers) and ISO 20022 XML (pacs.008, pacs.009 and its cover variant, pain.001, with or without the
 * business application header and envelope). Each format is one module that turns a message into a core
 * `Payment` and nothing else; screening it is `screenPayment` in core. Shipments and letters of credit
 * (JSON, CSV) come in beside them (`shipment/`) and become core `Shipment`s for `ShipmentScreener`.
 *
 * @example
 * for (const result of parsePaymentMessages(readFileSync('batch.rje', 'utf8')))
 *   if (result.error) console.error(result.error.reason); else console.log(result.payment.parties);
 */
import type { PaymentParseResult } from '@embargo/core';
import { parseMtMessages } from './mt/index.js';
import { parseIso20022Message } from './iso20022/index.js';

export { parseMtMessages } from './mt/index.js';
export { parseIso20022Message } from './iso20022/index.js';

export type PaymentSyntax = 'mt' | 'iso20022';

/** Which syntax a message is written in, by its first characters: `{1:` (or an RJE `$`) for MT, `<` for XML. */
export function detectPaymentSyntax(text: string): PaymentSyntax | undefined {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{1:') || start.startsWith('{4:') || /^\$\s*\{1:/.test(start)) return 'mt';
  if (start.startsWith('<')) return 'iso20022';
  return undefined;
}

/**
 * Every message in `text`, parsed: one result per message (an RJE batch holds several), each a payment or
 * the reason it could not be read. Text in neither syntax is one error, never an empty list.
 */
export function parsePaymentMessages(text: string): PaymentParseResult[] {
  switch (detectPaymentSyntax(text)) {
    case 'mt':
      return parseMtMessages(text);
    case 'iso20022':
      return parseIso20022Message(text);
    default:
      return [
        {
          error: {
            message: 1,
            line: 1,
            reason:
              text.trim() === '' ? 'the message is empty' : 'neither a SWIFT MT message (starting "{1:") nor ISO 20022 XML (starting "<")',
          },
        },
      ];
  }
}

export {
  parseShipments,
  parseShipmentJson,
  parseShipmentCsv,
  detectShipmentSyntax,
  SHIPMENT_CSV_COLUMNS,
  type ShipmentSyntax,
} from './shipment/index.js';
export {
  readTransactionsCsv,
  TransactionsCsvReader,
  TransactionsParseError,
  TRANSACTION_COLUMNS,
  type TransactionsProblem,
} from './transactions-csv/index.js';
