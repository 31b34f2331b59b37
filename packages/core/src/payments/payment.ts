/**
 * @module payments/payment
 * The normalised payment: what a payment message says about who pays whom through which banks, and the
 * free text it carries, whatever its format (SWIFT MT103/202COV, ISO 20022 pacs.008/009, pain.001). The
 * format parsers (`@embargo/payments`) turn a message into one `Payment`; the screening
 * (`payments/screen-payment`) reads only this. Every party and text keeps where it came from (an MT field
 * tag or an ISO 20022 path), so that a hit can name the field an analyst must look at.
 *
 * @example
 * // MT103 field 50F "/96325874\n1/GB Engineering\n2/Industrial Park\n3/GB/Cambridge" becomes
 * { role: 'debtor', source: '50F', name: 'GB Engineering', addressLines: ['Industrial Park', 'Cambridge'],
 *   country: 'GB', account: '96325874', kind: 'unknown' }
 */

/**
 * A party's part in the payment, in ISO 20022's vocabulary (MT fields map onto it: 50a ordering customer =
 * debtor, 59a beneficiary = creditor, 52a = debtorAgent, 56a = intermediaryAgent1, 57a = creditorAgent,
 * 58a = creditor (a bank), 53a/54a/55a the correspondents, the header's sender and receiver =
 * instructingAgent and instructedAgent).
 */
export const PAYMENT_PARTY_ROLES = [
  'debtor',
  'creditor',
  'ultimateDebtor',
  'ultimateCreditor',
  'initiatingParty',
  'instructingParty',
  'debtorAgent',
  'creditorAgent',
  'intermediaryAgent1',
  'intermediaryAgent2',
  'intermediaryAgent3',
  'instructingAgent',
  'instructedAgent',
  'previousInstructingAgent1',
  'previousInstructingAgent2',
  'previousInstructingAgent3',
  'sendersCorrespondent',
  'receiversCorrespondent',
  'thirdReimbursementInstitution',
  'sendingInstitution',
] as const;
export type PaymentPartyRole = (typeof PAYMENT_PARTY_ROLES)[number];

/**
 * What the format says the party is: a person (ISO `PrvtId`, MT 50F `4/` birth date), an organisation
 * (ISO `OrgId`), a bank (an agent, or a BIC in an `A` option field), or unknown (a name and address alone,
 * as in MT 50K and 59, the most common case).
 */
export type PaymentPartyKind = 'person' | 'organisation' | 'bank' | 'unknown';

export interface PaymentParty {
  role: PaymentPartyRole;
  kind: PaymentPartyKind;
  /**
   * Where it came from: the MT field tag as written (`50K`, `59F`, `56A`; `B/50F` in a cover message's
   * sequence B; `1` and `2` for the basic and application headers) or the ISO 20022 path from the
   * document root (`FIToFICstmrCdtTrf/CdtTrfTxInf[1]/Dbtr`, indexes from 1 where an element repeats).
   */
  source: string;
  /** The name as the message writes it, lines of a name joined by a space (MT 50F writes a long name over several `1/` lines). */
  name?: string;
  /** Address lines in the message's order, without their MT line codes (`2/`, `3/GB/` → the town). */
  addressLines: string[];
  /** ISO 3166 alpha-2 country of the address (MT 50F/59F `3/CC/`, ISO `Ctry`). */
  country?: string;
  /** Account number or IBAN (MT `/` first line, ISO `Acct/Id/IBAN` or `Othr/Id`). */
  account?: string;
  /** BIC (8 or 11 characters, upper case) where the message identifies the party by one. */
  bic?: string;
  /** Birth date (ISO 8601 date) where the message gives one (MT 50F `4/`, ISO `DtAndPlcOfBirth/BirthDt`). */
  birthDate?: string;
  /** Other identifiers the message gives (LEI, national id, customer number), with their scheme as written. */
  identifiers: { scheme: string; value: string }[];
}

/**
 * Free text the message carries: MT 70 (remittance information), 72 (sender to receiver), 77B (regulatory
 * reporting), ISO `RmtInf/Ustrd`, `RmtInf/Strd`, `Purp`, `RgltryRptg`, `InstrForCdtrAgt`. Lines are kept
 * as the message breaks them: a name may be split across two lines (`AUG` / `UST`).
 */
export interface PaymentText {
  source: string;
  lines: string[];
}

/** A country a message names outside a party's address (ISO `RgltryRptg/Dtls/Ctry`, a BIC's country code is derived, not stated). */
export interface PaymentCountry {
  source: string;
  code: string;
}

export interface Payment {
  /**
   * The message's identity for de-duplication and storage: the UETR where the message carries one, else
   * the sender's reference (MT field 20, ISO `GrpHdr/MsgId`) prefixed with the sender's BIC when known.
   */
  messageId: string;
  /** The message type: `MT103`, `MT202`, `MT202COV`, `MT205COV`, `MT101`, `pacs.008`, `pacs.009`, `pacs.009COV`, `pain.001`. */
  format: string;
  /** The full ISO 20022 message definition (`pacs.008.001.08`) where known. */
  definition?: string;
  /** The sender's reference (MT 20, ISO `MsgId`). */
  reference: string;
  uetr?: string;
  /** Amount and currency as written (MT 32A/32B, ISO `IntrBkSttlmAmt`/`InstdAmt`); the first transaction's for multi-transaction files. */
  amount?: { currency: string; value: string };
  parties: PaymentParty[];
  texts: PaymentText[];
  countries: PaymentCountry[];
}

/**
 * The outcome of parsing one message out of a file or stream: the payment, or why it could not be read,
 * naming the field or line. A file with several messages (an RJE batch) yields one result per message, so
 * that one malformed message stops only itself, loudly.
 */
export type PaymentParseResult = { payment: Payment; error?: undefined } | { payment?: undefined; error: PaymentParseError };

export interface PaymentParseError {
  /** Which message of the file (from 1). */
  message: number;
  /** The field tag, header block or XML path the problem is in, when known. */
  field?: string;
  /** The line of the file (from 1), when known. */
  line?: number;
  reason: string;
}
