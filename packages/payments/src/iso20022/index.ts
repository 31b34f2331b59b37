/**
 * @module iso20022
 * ISO 20022 payment messages: to be written (issue 14, point 1).
 */
import type { PaymentParseResult } from '@embargo/core';

export function parseIso20022Message(xml: string): PaymentParseResult[] {
  void xml;
  return [{ error: { message: 1, reason: 'ISO 20022 parsing is not implemented yet' } }];
}
