/**
 * @module iso20022/payment-draft
 * What the reading of one Document gathers (parties, texts, countries, in the message's order) and how it
 * becomes a core `Payment`: a party written again identically is kept once, and the message's identity is
 * its UETR, else the sender's BIC and reference, else the reference.
 *
 * @example
 * const draft = newDraft();
 * draft.parties.push(debtor);
 * finishPayment(draft, { format: 'pacs.008', reference: 'A2B0506272708', uetr, senderBic: 'CHASGB2LXXX' });
 */
import type { Payment, PaymentCountry, PaymentParty, PaymentText } from '@embargo/core';

export interface PaymentDraft {
  parties: PaymentParty[];
  texts: PaymentText[];
  countries: PaymentCountry[];
}

export function newDraft(): PaymentDraft {
  return { parties: [], texts: [], countries: [] };
}

/** What the message-type reading knows besides the parties and texts. */
export interface PaymentHeading {
  format: string;
  definition?: string;
  /** `GrpHdr/MsgId`. */
  reference: string;
  /** `PmtId/UETR` of the first transaction. */
  uetr?: string;
  /** The sender's BIC: the AppHdr's `Fr`, else the first instructing agent's. */
  senderBic?: string;
  amount?: { currency: string; value: string };
}

/** The shared normalisation's identity of a party: the same role, name, address, country, account and BIC. */
function partyKey(party: PaymentParty): string {
  return JSON.stringify([party.role, party.name, party.addressLines, party.country, party.account, party.bic]);
}

/** The payment, parties written identically more than once kept once (the first, with its source). */
export function finishPayment(draft: PaymentDraft, heading: PaymentHeading): Payment {
  const seen = new Set<string>();
  const parties = draft.parties.filter((party) => {
    const key = partyKey(party);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const { format, definition, reference, uetr, senderBic, amount } = heading;
  const messageId = uetr ?? (senderBic === undefined ? reference : `${senderBic}:${reference}`);
  return {
    messageId,
    format,
    ...(definition === undefined ? {} : { definition }),
    reference,
    ...(uetr === undefined ? {} : { uetr }),
    ...(amount === undefined ? {} : { amount }),
    parties,
    texts: draft.texts,
    countries: draft.countries,
  };
}

/** What reading one message type yields, before the AppHdr's parties and the sender are added. */
export interface MessageReading {
  draft: PaymentDraft;
  format: string;
  reference: string;
  uetr?: string;
  amount?: { currency: string; value: string };
}
