/**
 * @module iso20022/pain001
 * pain.001, the customer credit transfer initiation a company sends its bank: `CstmrCdtTrfInitn` with the
 * initiating party in its group header, and payment information blocks (`PmtInf`), each one debtor with
 * its account and agent paying one or more creditors (`CdtTrfTxInf`). National variants (SIX's
 * pain.001.001.03.ch.02) read the same.
 *
 * @example
 * readPain001(root) // sources CstmrCdtTrfInitn/PmtInf[2]/Dbtr, CstmrCdtTrfInitn/PmtInf[2]/CdtTrfTxInf[1]/Cdtr …
 */
import { readInstructedAmount, readUetr } from './first-transaction.js';
import { readGroupHeader } from './group-header.js';
import { newDraft, type MessageReading } from './payment-draft.js';
import { readTransactionTexts } from './texts.js';
import { readTransactionParties, requireDebtorAndCreditor } from './transaction.js';
import { childPath, failAt, repeatedChildren, type MxElement } from './xml-tree.js';

export function readPain001(root: MxElement): MessageReading {
  const draft = newDraft();
  const reference = readGroupHeader(draft, root);
  const instructions = repeatedChildren(root, 'PmtInf');
  if (instructions.length === 0)
    failAt(root, '<PmtInf> is missing: a credit transfer initiation carries at least one payment', childPath(root, 'PmtInf'));
  const transactions: MxElement[] = [];
  for (const instruction of instructions) {
    requireDebtorAndCreditor(instruction, ['Dbtr']);
    readTransactionParties(draft, instruction, 'customer');
    readTransactionTexts(draft, instruction);
    const ofInstruction = repeatedChildren(instruction, 'CdtTrfTxInf');
    if (ofInstruction.length === 0)
      failAt(
        instruction,
        '<CdtTrfTxInf> is missing: a payment information block carries at least one transaction',
        childPath(instruction, 'CdtTrfTxInf'),
      );
    for (const transaction of ofInstruction) {
      requireDebtorAndCreditor(transaction, ['Cdtr']);
      readTransactionParties(draft, transaction, 'customer');
      readTransactionTexts(draft, transaction);
    }
    transactions.push(...ofInstruction);
  }
  const [first] = transactions;
  return { draft, format: 'pain.001', reference, uetr: readUetr(first), amount: readInstructedAmount(first) };
}
