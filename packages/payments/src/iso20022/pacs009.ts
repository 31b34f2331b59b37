/**
 * @module iso20022/pacs009
 * pacs.009, the financial institution credit transfer (the ISO 20022 MT202): `FICdtTrf`, whose debtor and
 * creditor are banks, and its cover variant (`pacs.009COV`, the MT202COV), whose transactions carry the
 * customer transfer they cover in `UndrlygCstmrCdtTrf`: its debtor, creditor and agents are read as a
 * pacs.008 transaction's, with paths of their own (`FICdtTrf/CdtTrfTxInf[1]/UndrlygCstmrCdtTrf/Dbtr`).
 *
 * @example
 * readPacs009(root) // { format: 'pacs.009COV', … } when a transaction holds UndrlygCstmrCdtTrf
 */
import { readAmount, readUetr } from './first-transaction.js';
import { readGroupHeader } from './group-header.js';
import { newDraft, type MessageReading } from './payment-draft.js';
import { readTransactionTexts } from './texts.js';
import { readTransactionParties, requireDebtorAndCreditor } from './transaction.js';
import { childPath, failAt, optionalChild, repeatedChildren, type MxElement } from './xml-tree.js';

export function readPacs009(root: MxElement): MessageReading {
  const draft = newDraft();
  const reference = readGroupHeader(draft, root);
  const transactions = repeatedChildren(root, 'CdtTrfTxInf');
  if (transactions.length === 0)
    failAt(
      root,
      '<CdtTrfTxInf> is missing: a financial institution credit transfer carries at least one transaction',
      childPath(root, 'CdtTrfTxInf'),
    );
  let cover = false;
  for (const transaction of transactions) {
    requireDebtorAndCreditor(transaction);
    readTransactionParties(draft, transaction, 'institution');
    readTransactionTexts(draft, transaction);
    const underlying = optionalChild(transaction, 'UndrlygCstmrCdtTrf');
    if (underlying === undefined) continue;
    cover = true;
    requireDebtorAndCreditor(underlying);
    readTransactionParties(draft, underlying, 'customer');
    readTransactionTexts(draft, underlying);
  }
  const [first] = transactions;
  return {
    draft,
    format: cover ? 'pacs.009COV' : 'pacs.009',
    reference,
    uetr: readUetr(first),
    amount: readAmount(first, 'IntrBkSttlmAmt'),
  };
}
