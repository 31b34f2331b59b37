/**
 * @module iso20022/group-header
 * The group header (`GrpHdr`) every message here starts with: the sender's reference `MsgId`, and the
 * parties it names for the whole message: pacs.008 and pacs.009 before the 2019 versions (001.07 and
 * earlier) may name the instructing and instructed agents there; pain.001 names the initiating party and
 * the forwarding agent.
 *
 * @example
 * readGroupHeader(draft, root) // 'A2B0506272708', with GrpHdr/InstgAgt etc. pushed to draft.parties
 */
import type { PaymentDraft } from './payment-draft.js';
import { readAgent, readParty } from './parties.js';
import { optionalChild, requiredChild, requiredText, type MxElement } from './xml-tree.js';

/** The message's reference (`GrpHdr/MsgId`), the group header's parties pushed to the draft. */
export function readGroupHeader(draft: PaymentDraft, root: MxElement): string {
  const header = requiredChild(root, 'GrpHdr', 'every payment message starts with its group header');
  const reference = requiredText(header, 'MsgId', "the group header states the sender's message reference");
  const instructing = optionalChild(header, 'InstgAgt');
  if (instructing !== undefined) draft.parties.push(readAgent(draft, instructing, 'instructingAgent'));
  const instructed = optionalChild(header, 'InstdAgt');
  if (instructed !== undefined) draft.parties.push(readAgent(draft, instructed, 'instructedAgent'));
  const initiating = optionalChild(header, 'InitgPty');
  if (initiating !== undefined) draft.parties.push(readParty(draft, initiating, 'initiatingParty'));
  // pain.001's forwarding agent passes the initiating party's file to the debtor's agent: the institution
  // that instructs the next one, which the normalised roles call the instructing agent.
  const forwarding = optionalChild(header, 'FwdgAgt');
  if (forwarding !== undefined) draft.parties.push(readAgent(draft, forwarding, 'instructingAgent'));
  return reference;
}
