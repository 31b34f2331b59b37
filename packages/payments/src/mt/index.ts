/**
 * @module mt
 * SWIFT MT (FIN) messages: to be written (issue 14, point 1).
 */
import type { PaymentParseResult } from '@embargo/core';

export function parseMtMessages(text: string): PaymentParseResult[] {
  void text;
  return [{ error: { message: 1, reason: 'SWIFT MT parsing is not implemented yet' } }];
}
