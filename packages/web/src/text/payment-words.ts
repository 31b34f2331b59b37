/**
 * @module text/payment-words
 * Plain words for the codes a screened payment carries: the rule of a hit, a party's role (ISO 20022's
 * vocabulary, with the MT field an analyst knows it by), and the embargoed jurisdictions that are not
 * countries (the regions of Ukraine under occupation).
 * @example
 *   ruleWords('bic-country')        // → 'BIC of a bank in an embargoed jurisdiction'
 *   roleWords('intermediaryAgent1') // → 'Intermediary agent 1'
 *   jurisdictionName('UA-43')       // → 'Crimea region of Ukraine (UA-43)'
 */
import { countryName } from './format';

/** core payments/screen-payment.ts PaymentRule. */
const RULE_WORDS: Record<string, string> = {
  'party-name': "Party's name resembles a listed name",
  bic: 'BIC of a listed institution',
  'bic-country': 'BIC of a bank in an embargoed jurisdiction',
  country: 'Country under embargo',
  place: 'Place in an embargoed jurisdiction',
  'text-name': 'Listed name in free text',
  imo: "Listed vessel's IMO number",
};

export function ruleWords(rule: string): string {
  return RULE_WORDS[rule] ?? rule.replace(/-/g, ' ');
}

const ROLE_WORDS: Record<string, string> = {
  debtor: 'Debtor (ordering customer)',
  creditor: 'Creditor (beneficiary)',
  debtorAgent: "Debtor's agent (ordering institution)",
  creditorAgent: "Creditor's agent (account with institution)",
  instructingAgent: 'Instructing agent (sender)',
  instructedAgent: 'Instructed agent (receiver)',
};

/** `intermediaryAgent1` → "Intermediary agent 1"; the common roles with their MT names. */
export function roleWords(role: string): string {
  if (ROLE_WORDS[role]) return ROLE_WORDS[role];
  const words = role.replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** core payments/embargoed-jurisdictions.ts: the jurisdictions named by a subdivision code. */
const REGION_NAMES: Record<string, string> = {
  'UA-43': 'Crimea region of Ukraine',
  'UA-14': "So-called Donetsk People's Republic",
  'UA-09': "So-called Luhansk People's Republic",
};

export function jurisdictionName(code: string): string {
  return REGION_NAMES[code] ? `${REGION_NAMES[code]} (${code})` : countryName(code);
}
