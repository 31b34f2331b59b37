/**
 * @module iso20022/transaction
 * The parties of a credit transfer transaction by their ISO 20022 element, in the order the message
 * definitions write them: the previous instructing agents, the instructing and instructed agents, the
 * intermediary agents, the ultimate debtor, the initiating party, the debtor and its agent, the creditor's
 * agent and the creditor, the ultimate creditor, each with the account the message pairs with it. The same
 * table reads a pacs.008 transaction, pacs.009's cover `UndrlygCstmrCdtTrf`, and pain.001's payment
 * information and transactions (each holds the subset its definition allows); in pacs.009 the debtor,
 * creditor and ultimate parties are financial institutions.
 *
 * @example
 * readTransactionParties(draft, tx, 'customer') // pushes debtor, debtorAgent, creditorAgent, creditor …
 */
import type { PaymentPartyRole } from '@embargo/core';
import type { PaymentDraft } from './payment-draft.js';
import { failOnLoneAccount, readAgent, readParty } from './parties.js';
import { optionalChild, requiredChild, type MxElement } from './xml-tree.js';

interface RoleElement {
  element: string;
  role: PaymentPartyRole;
  /** A financial institution (`FinInstnId`) rather than a party (`Nm`, `PstlAdr`, `Id`). */
  agent: boolean;
  /** The element holding the account the message pairs with this party. */
  account?: string;
}

const agent = (element: string, role: PaymentPartyRole, account?: string): RoleElement => ({ element, role, agent: true, account });

const TRANSACTION_ROLES: readonly RoleElement[] = [
  agent('PrvsInstgAgt1', 'previousInstructingAgent1', 'PrvsInstgAgt1Acct'),
  agent('PrvsInstgAgt2', 'previousInstructingAgent2', 'PrvsInstgAgt2Acct'),
  agent('PrvsInstgAgt3', 'previousInstructingAgent3', 'PrvsInstgAgt3Acct'),
  agent('InstgAgt', 'instructingAgent'),
  agent('InstdAgt', 'instructedAgent'),
  agent('IntrmyAgt1', 'intermediaryAgent1', 'IntrmyAgt1Acct'),
  agent('IntrmyAgt2', 'intermediaryAgent2', 'IntrmyAgt2Acct'),
  agent('IntrmyAgt3', 'intermediaryAgent3', 'IntrmyAgt3Acct'),
  { element: 'UltmtDbtr', role: 'ultimateDebtor', agent: false },
  { element: 'InitgPty', role: 'initiatingParty', agent: false },
  { element: 'Dbtr', role: 'debtor', agent: false, account: 'DbtrAcct' },
  agent('DbtrAgt', 'debtorAgent', 'DbtrAgtAcct'),
  agent('CdtrAgt', 'creditorAgent', 'CdtrAgtAcct'),
  { element: 'Cdtr', role: 'creditor', agent: false, account: 'CdtrAcct' },
  { element: 'UltmtCdtr', role: 'ultimateCreditor', agent: false },
];

/** pacs.009's own debtor, creditor and ultimate parties are financial institutions (`FinInstnId`). */
const INSTITUTION_PARTIES = new Set(['UltmtDbtr', 'Dbtr', 'Cdtr', 'UltmtCdtr']);

/** Whether the transaction's parties are customers (pacs.008, pain.001, a cover's underlying transfer) or institutions (pacs.009). */
export type TransferParties = 'customer' | 'institution';

/** The parties (and agents) of `transaction` that it holds, each with its paired account. */
export function readTransactionParties(draft: PaymentDraft, transaction: MxElement, parties: TransferParties): void {
  for (const { element, role, agent: isAgent, account } of TRANSACTION_ROLES) {
    const partyElement = optionalChild(transaction, element);
    const accountElement = account === undefined ? undefined : optionalChild(transaction, account);
    if (partyElement === undefined) {
      failOnLoneAccount(accountElement, element);
      continue;
    }
    const readsAgent = isAgent || (parties === 'institution' && INSTITUTION_PARTIES.has(element));
    draft.parties.push((readsAgent ? readAgent : readParty)(draft, partyElement, role, accountElement));
  }
}

/** An error unless the transaction names its debtor and creditor: screening a payment without them would screen half of it. */
export function requireDebtorAndCreditor(transaction: MxElement, names: readonly ('Dbtr' | 'Cdtr')[] = ['Dbtr', 'Cdtr']): void {
  for (const name of names) requiredChild(transaction, name, `every credit transfer names its ${name === 'Dbtr' ? 'debtor' : 'creditor'}`);
}
