/**
 * @module trade/shipment
 * The normalised shipment: what a bill of lading, a letter of credit or a customs declaration says about
 * which goods move from where to where, on which vessel, between whom. The input parsers
 * (`@embargo/payments`, `shipment/`) turn a JSON or CSV record into one `Shipment`, countries as ISO codes
 * with the words written beside them; the screening (`trade/screen-shipment`) reads only this.
 *
 * @example
 * { id: 'BL-2017-0913', date: '2017-09-13', origin: { code: 'KP', written: 'DPRK' },
 *   destination: { code: 'CN', written: 'China' },
 *   portOfLoading: { name: 'Nampo', country: { code: 'KP', written: 'KP' } },
 *   vessel: { name: 'RYE SONG GANG 1', imo: '7389704' },
 *   goods: [{ hs: '2701', description: 'anthracite coal', value: 1250000, currency: 'USD' }],
 *   parties: [{ role: 'buyer', name: 'Dandong Zhicheng Metallic Materials', country: { code: 'CN', written: 'China' } }] }
 */

/** A country as the record writes it, and its ISO 3166-1 alpha-2 code. */
export interface ShipmentCountry {
  code: string;
  written: string;
}

export interface ShipmentPort {
  name: string;
  country: ShipmentCountry;
}

export interface ShipmentVessel {
  name?: string;
  /** Seven digits, check digit verified. */
  imo?: string;
}

export interface ShipmentGood {
  /** Digits only (`270112`), validated as an HS code. */
  hs: string;
  description: string;
  value?: number;
  /** ISO 4217, upper case. */
  currency?: string;
}

/**
 * A party's part in the trade. Sellers, shippers, exporters and a letter of credit's beneficiary stand on
 * the exporting side; buyers, consignees, importers, notify parties and the credit's applicant on the
 * importing side; banks, carriers and agents on neither.
 */
export const SHIPMENT_PARTY_ROLES = [
  'seller',
  'shipper',
  'exporter',
  'beneficiary',
  'buyer',
  'consignee',
  'importer',
  'notify',
  'applicant',
  'issuing-bank',
  'advising-bank',
  'confirming-bank',
  'carrier',
  'shipowner',
  'agent',
  'other',
] as const;
export type ShipmentPartyRole = (typeof SHIPMENT_PARTY_ROLES)[number];

export const EXPORTING_ROLES: ReadonlySet<ShipmentPartyRole> = new Set(['seller', 'shipper', 'exporter', 'beneficiary']);
export const IMPORTING_ROLES: ReadonlySet<ShipmentPartyRole> = new Set(['buyer', 'consignee', 'importer', 'notify', 'applicant']);

export interface ShipmentParty {
  role: ShipmentPartyRole;
  name: string;
  country?: ShipmentCountry;
}

export interface Shipment {
  id: string;
  /** ISO date (YYYY-MM-DD): the shipment or the credit's date; the measures in force that day apply. */
  date: string;
  /** The goods' country of origin. */
  origin: ShipmentCountry;
  /** The country the goods are going to. */
  destination: ShipmentCountry;
  portOfLoading?: ShipmentPort;
  portOfDischarge?: ShipmentPort;
  vessel?: ShipmentVessel;
  goods: ShipmentGood[];
  parties: ShipmentParty[];
}

/** Why one record of an input could not be read: which record, which line, which field. */
export interface ShipmentParseError {
  /** Which record of the input (from 1). */
  record: number;
  /** The line of the input (from 1). */
  line: number;
  /** The field, as a path (`goods[0].hs`, `portOfLoading.country`). */
  field?: string;
  reason: string;
}

export type ShipmentParseResult = { shipment: Shipment; error?: undefined } | { shipment?: undefined; error: ShipmentParseError };

/**
 * Whether a seven-digit IMO ship number's check digit is right: the first six digits weighted 7 to 2, the
 * sum's last digit equals the seventh (IMO resolution A.1078(28)).
 * @example imoCheckDigitHolds('9074729') // true
 */
export function imoCheckDigitHolds(imo: string): boolean {
  if (!/^\d{7}$/.test(imo)) return false;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(imo[i]) * (7 - i);
  return sum % 10 === Number(imo[6]);
}
