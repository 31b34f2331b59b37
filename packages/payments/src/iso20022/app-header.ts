/**
 * @module iso20022/app-header
 * The business application header (`AppHdr`, head.001) written beside a Document: its sender (`Fr`) and
 * receiver (`To`), each a financial institution (`FIId`) or an organisation (`OrgId`). They are the
 * message's instructing and instructed agents when the Document names none of its own (`InstgAgt`,
 * `InstdAgt`), as the MT header's sender and receiver are, and the sender's BIC prefixes the reference in
 * the message's identity when there is no UETR.
 *
 * @example
 * addAppHeaderParties(draft, appHdr) // sender BIC 'CHASGB2LXXX'; instructingAgent from AppHdr/Fr if needed
 */
import type { PaymentParty, PaymentPartyRole } from '@embargo/core';
import type { PaymentDraft } from './payment-draft.js';
import { readAgent, readParty } from './parties.js';
import { failAt, optionalChild, type MxElement } from './xml-tree.js';

/** `Fr` or `To`: the institution (`FIId`) or organisation (`OrgId`) it names, sourced `AppHdr/Fr`. */
function readHeaderParty(draft: PaymentDraft, element: MxElement, role: PaymentPartyRole): PaymentParty {
  const institution = optionalChild(element, 'FIId');
  if (institution !== undefined) return readAgent(draft, { ...institution, path: element.path }, role);
  const organisation = optionalChild(element, 'OrgId');
  if (organisation !== undefined) return readParty(draft, { ...organisation, path: element.path }, role);
  return failAt(element, `<${element.name}> names neither a financial institution (FIId) nor an organisation (OrgId)`);
}

/**
 * The AppHdr's sender and receiver added (first, as the header comes first) where the Document has no
 * instructing or instructed agent of its own; the sender's BIC (the AppHdr's, else the first instructing
 * agent's) returned.
 */
export function addAppHeaderParties(draft: PaymentDraft, appHdr: MxElement | undefined): string | undefined {
  const has = (role: PaymentPartyRole) => draft.parties.some((party) => party.role === role);
  const from = appHdr && optionalChild(appHdr, 'Fr');
  const to = appHdr && optionalChild(appHdr, 'To');
  const sender = from && readHeaderParty(draft, from, 'instructingAgent');
  const receiver = to && readHeaderParty(draft, to, 'instructedAgent');
  const added = [...(sender && !has('instructingAgent') ? [sender] : []), ...(receiver && !has('instructedAgent') ? [receiver] : [])];
  const firstInstructing = draft.parties.find((party) => party.role === 'instructingAgent');
  draft.parties.unshift(...added);
  return sender?.bic ?? firstInstructing?.bic;
}
