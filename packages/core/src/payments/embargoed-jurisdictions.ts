/**
 * @module payments/embargoed-jurisdictions
 * Jurisdictions under comprehensive embargo, as data: a payment that touches one (a party's address, a
 * BIC's country, a country the message states, or the place named in an address line or free text) is
 * stopped for an analyst whatever the names in it. The default set is OFAC's comprehensive programmes; a
 * bank under other rules gives its own set (`embargo payments screen --countries`,
 * EMBARGO_PAYMENT_COUNTRIES). Regions without a country code of their own (Crimea, the so-called
 * Donetsk and Luhansk People's Republics) are found by the places their addresses name.
 */
import { EmbargoError } from '../errors.js';

export type PaymentAction = 'hold' | 'block';

export interface EmbargoedJurisdiction {
  /** ISO 3166-1 alpha-2 code, or a region's own id (`UA-43` Crimea, as ISO 3166-2 numbers it) where it has none. */
  code: string;
  name: string;
  /** The rule that embargoes it, for the hit's explanation. */
  source: string;
  /** Whether the whole country is embargoed (its code alone decides) or only a region of it (its place names decide). */
  scope: 'country' | 'region';
  /**
   * Words that name it in an address or free text, upper case, as they are written in payments: the
   * country's names, and for a region its cities (a region's address carries the country UA, which alone
   * says nothing). Capitals are included for countries: "PYONGYANG" in field 59 names North Korea.
   */
  places: readonly string[];
  action: PaymentAction;
}

/**
 * OFAC's comprehensively sanctioned jurisdictions (31 CFR chapter V). Held, not blocked, by default: a
 * licence (general or specific) can authorise a payment, and an analyst decides that.
 */
export const OFAC_EMBARGOED_JURISDICTIONS: readonly EmbargoedJurisdiction[] = [
  {
    code: 'KP',
    name: 'North Korea',
    source: 'North Korea Sanctions Regulations, 31 CFR part 510; E.O. 13722',
    scope: 'country',
    places: [
      'NORTH KOREA',
      'DPRK',
      "DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA",
      'DEMOCRATIC PEOPLES REPUBLIC OF KOREA',
      'PYONGYANG',
      'NAMPO',
      'NAMPHO',
      'CHONGJIN',
      'RAJIN',
      'SINUIJU',
    ],
    action: 'hold',
  },
  {
    code: 'IR',
    name: 'Iran',
    source: 'Iranian Transactions and Sanctions Regulations, 31 CFR part 560',
    scope: 'country',
    places: ['IRAN', 'ISLAMIC REPUBLIC OF IRAN', 'TEHRAN', 'TEHERAN', 'BANDAR ABBAS', 'ISFAHAN', 'ESFAHAN', 'MASHHAD', 'TABRIZ', 'SHIRAZ'],
    action: 'hold',
  },
  {
    code: 'CU',
    name: 'Cuba',
    source: 'Cuban Assets Control Regulations, 31 CFR part 515',
    scope: 'country',
    places: ['CUBA', 'HAVANA', 'LA HABANA', 'SANTIAGO DE CUBA'],
    action: 'hold',
  },
  {
    code: 'SY',
    name: 'Syria',
    source: "Syrian Sanctions Regulations, 31 CFR part 542 (review: E.O. 14312 of 30 June 2025 revoked the Syria programme's core orders)",
    scope: 'country',
    places: ['SYRIA', 'SYRIAN ARAB REPUBLIC', 'DAMASCUS', 'ALEPPO', 'LATAKIA', 'HOMS'],
    action: 'hold',
  },
  {
    code: 'UA-43',
    name: 'Crimea region of Ukraine',
    source: 'E.O. 13685; Ukraine-/Russia-Related Sanctions Regulations, 31 CFR part 589',
    scope: 'region',
    places: ['CRIMEA', 'KRYM', 'SEVASTOPOL', 'SIMFEROPOL', 'KERCH', 'YALTA', 'FEODOSIA', 'FEODOSIYA', 'YEVPATORIA', 'EVPATORIA'],
    action: 'hold',
  },
  {
    code: 'UA-14',
    name: "So-called Donetsk People's Republic",
    source: 'E.O. 14065; 31 CFR part 589',
    scope: 'region',
    places: ['DONETSK', 'DNR', "DONETSK PEOPLE'S REPUBLIC", 'MARIUPOL', 'MAKIIVKA', 'MAKEYEVKA', 'HORLIVKA', 'GORLOVKA'],
    action: 'hold',
  },
  {
    code: 'UA-09',
    name: "So-called Luhansk People's Republic",
    source: 'E.O. 14065; 31 CFR part 589',
    scope: 'region',
    places: ['LUHANSK', 'LUGANSK', 'LNR', "LUHANSK PEOPLE'S REPUBLIC", 'ALCHEVSK', 'SIEVIERODONETSK', 'SEVERODONETSK'],
    action: 'hold',
  },
];

/**
 * The jurisdictions of `codes` (as `--countries KP,IR` gives them), from the default set; an unknown code is
 * refused with the codes that exist, never ignored.
 */
export function embargoedJurisdictionsOf(
  codes: readonly string[],
  from: readonly EmbargoedJurisdiction[] = OFAC_EMBARGOED_JURISDICTIONS,
): EmbargoedJurisdiction[] {
  return codes.map((code) => {
    const found = from.find((j) => j.code === code.trim().toUpperCase());
    if (!found)
      throw new EmbargoError('INVALID_INPUT', `unknown embargoed jurisdiction "${code}" (known: ${from.map((j) => j.code).join(', ')})`, {
        field: 'countries',
      });
    return found;
  });
}
