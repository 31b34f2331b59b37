/**
 * @module iso20022/pacs008
 * pacs.008, the FI to FI customer credit transfer (the ISO 20022 MT103): `FIToFICstmrCdtTrf`, its group
 * header, and each `CdtTrfTxInf` with its debtor, creditor, agents and texts.
 *
 * @example
 * readPacs008(root) // { format: 'pacs.008', reference: GrpHdr/MsgId, uetr, amount: IntrBkSttlmAmt, draft }
 */
import { readAmount, readUetr } from './first-transaction.js';
import { readGroupHeader } from './group-header.js';
import { newDraft, type MessageReading } from './payment-draft.js';
import { readTransactionTexts } from './texts.js';
import { readTransactionParties, requireDebtorAndCreditor } from './transaction.js';
import { childPath, failAt, repeatedChildren, type MxElement } from './xml-tree.js';

export function readPacs008(root: MxElement): MessageReading {
  const draft = newDraft();
  const reference = readGroupHeader(draft, root);
  const transactions = repeatedChildren(root, 'CdtTrfTxInf');
  if (transactions.length === 0)
    failAt(root, '<CdtTrfTxInf> is missing: a customer credit transfer carries at least one transaction', childPath(root, 'CdtTrfTxInf'));
  for (const transaction of transactions) {
    requireDebtorAndCreditor(transaction);
    readTransactionParties(draft, transaction, 'customer');
    readTransactionTexts(draft, transaction);
  }
  const [first] = transactions;
  return { draft, format: 'pacs.008', reference, uetr: readUetr(first), amount: readAmount(first, 'IntrBkSttlmAmt') };
}
