/**
 * @module mt/party-lines
 * The lines every option of an MT party field is built from: the party identifier line (`/account`,
 * `/C/account`, `//clearing code`), a BIC, a name and address lines, normalised as the ISO 20022 parser
 * normalises the same parts so that an MT103 and its pacs.008 twin yield the same parties.
 *
 * @example
 * readPartyIdentifier('//FW021000018') // { account: 'FW021000018', identifiers: [{ scheme: 'clearingCode', value: 'FW021000018' }] }
 * normalisedName(['GB  Engineering ']) // 'GB Engineering'
 */
import type { PaymentParty } from '@embargo/core';

/** ISO 9362: bank code (4 letters), country (2 letters), location (2), optional branch (3). */
const BIC = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

export function isBic(text: string): boolean {
  return BIC.test(text.trim().toUpperCase());
}

/** The BIC upper-cased, or undefined when the text is not one. */
export function bicOf(text: string): string | undefined {
  const bic = text.trim().toUpperCase();
  return BIC.test(bic) ? bic : undefined;
}

export interface PartyIdentifier {
  account?: string;
  identifiers: { scheme: string; value: string }[];
}

/**
 * The `[/1!a][/34x]` line that opens most party fields: `/account`, `/C/account` or `/D/account` (a debit or
 * credit mark before the account), or `//` and a national clearing code (`//FW021000018`, `//RT`), which is
 * both where the party is reached and a code that identifies it.
 */
export function readPartyIdentifier(line: string): PartyIdentifier {
  const clearing = /^\/\/(.*)$/.exec(line);
  if (clearing) {
    const code = clearing[1].trim();
    return code === '' ? { identifiers: [] } : { account: code, identifiers: [{ scheme: 'clearingCode', value: code }] };
  }
  const account = (/^\/[CD]\/(.+)$/.exec(line) ?? /^\/(.*)$/.exec(line))?.[1].trim();
  return account ? { account, identifiers: [] } : { identifiers: [] };
}

/** A name written over one or several lines: joined with one space, runs of whitespace collapsed. */
export function normalisedName(lines: string[]): string | undefined {
  const name = lines.join(' ').replace(/\s+/g, ' ').trim();
  return name === '' ? undefined : name;
}

/** Address lines trimmed, empty ones left out, in the message's order. */
export function normalisedAddressLines(lines: string[]): string[] {
  return lines.map((l) => l.trim()).filter((l) => l !== '');
}

/** The party with only the parts the message gives: absent parts are left out rather than set to undefined. */
export function partyOf(party: PaymentParty): PaymentParty {
  return Object.fromEntries(Object.entries(party).filter(([, value]) => value !== undefined)) as unknown as PaymentParty;
}
