/**
 * @module iso20022/first-transaction
 * What the first transaction says for the whole message, as the normalised payment keeps one of each: its
 * UETR (`PmtId/UETR`, the message's identity) and its amount (`IntrBkSttlmAmt` in pacs, `Amt/InstdAmt` in
 * pain.001, or its `EqvtAmt/Amt` when the debtor gave the amount in its account's currency), as written.
 *
 * @example
 * readAmount(tx, 'IntrBkSttlmAmt') // { currency: 'USD', value: '136500' }
 */
import { childPath, failAt, hasChild, leafAttribute, optionalChild, optionalText, type MxElement } from './xml-tree.js';

/** The UETR of a transaction, if it carries one. */
export function readUetr(transaction: MxElement): string | undefined {
  const identification = optionalChild(transaction, 'PmtId');
  return identification && optionalText(identification, 'UETR');
}

/** An amount element (`IntrBkSttlmAmt`, `InstdAmt`) of `parent`, with its `Ccy`, as written. */
export function readAmount(parent: MxElement, name: string): { currency: string; value: string } | undefined {
  const value = optionalText(parent, name);
  if (value === undefined && !hasChild(parent, name)) return undefined;
  const path = childPath(parent, name);
  if (value === undefined) failAt(parent, `<${name}> states no amount`, path);
  const currency = leafAttribute(parent, name, 'Ccy');
  if (currency === undefined) failAt(parent, `<${name}> has no Ccy attribute naming its currency`, path);
  return { currency, value };
}

/** pain.001's `Amt`: the instructed amount, else the equivalent amount's. */
export function readInstructedAmount(transaction: MxElement): { currency: string; value: string } | undefined {
  const amount = optionalChild(transaction, 'Amt');
  if (amount === undefined) return undefined;
  const equivalent = optionalChild(amount, 'EqvtAmt');
  return readAmount(amount, 'InstdAmt') ?? (equivalent && readAmount(equivalent, 'Amt'));
}
