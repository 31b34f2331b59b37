/**
 * @module mt
 * SWIFT MT (FIN) messages into normalised payments: a single message, an RJE batch (`$`-separated) or a
 * file of messages each preceded by SWIFT's acknowledgement. One result per message, in file order,
 * numbered from 1 (acknowledgements are not counted): the payment, or an error naming the field or block
 * and the line of the file.
 *
 * @example
 * parseMtMessages('{1:F01BANKBEBBAXXX0000000000}{2:I103BANKDEFFXXXXN}{4:\n:20:REF\n:32A:…\n-}')
 * // [{ payment: { format: 'MT103', reference: 'REF', parties: [...], … } }]
 */
import type { PaymentParseResult } from '@embargo/core';
import { readMtBatch } from './batch.js';
import { lineIndex } from './line-index.js';
import { mtMessageToPayment } from './to-payment.js';

export function parseMtMessages(text: string): PaymentParseResult[] {
  const lineOf = lineIndex(text);
  const entries = readMtBatch(text, lineOf);
  if (entries.length === 0)
    return [{ error: { message: 1, line: 1, reason: 'the file holds no MT message (a message starts with "{1:")' } }];
  return entries.map((entry, i): PaymentParseResult => {
    const message = i + 1;
    if (entry.problem) return { error: { message, ...entry.problem } };
    const payment = mtMessageToPayment(entry.blocks, lineOf);
    return payment.problem ? { error: { message, ...payment.problem } } : { payment: payment.value };
  });
}
