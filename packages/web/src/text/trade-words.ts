/**
 * @module text/trade-words
 * How the Trade page writes what the API answers: dollar figures in millions, shares in percent, the
 * words for decisions and reason kinds, and the example shipments a user can start from (the acceptance
 * case of issue 17, its allowed twin, and the same pair as CSV).
 * @example usdMillions(1_059_000_000) // '$1,059m'
 */
import type { ShipmentDecisionKind, ShipmentReason } from '../api/types';

export function usdMillions(value: number): string {
  return `$${Math.round(value / 1_000_000).toLocaleString('en-US')}m`;
}

export function sharePercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

export const DECISION_WORDS: Record<ShipmentDecisionKind, { words: string; tone: 'danger' | 'warning' | 'ok' }> = {
  prohibited: { words: 'Prohibited', tone: 'danger' },
  review: { words: 'Review', tone: 'warning' },
  allowed: { words: 'Allowed', tone: 'ok' },
};

export const REASON_KIND_WORDS: Record<ShipmentReason['kind'], string> = {
  goods: 'Goods',
  party: 'Party',
  vessel: 'Vessel',
  country: 'Route',
};

/** The resolution a citation belongs to (`UNSCR 2371 (2017) para 8` → `2371`), for its colour. */
export function resolutionNumber(citationOrResolution: string): string | undefined {
  return /\b(2270|2321|2371|2375|2397)\b/.exec(citationOrResolution)?.[1];
}

const DPRK_COAL = {
  id: 'BL-NAM-DDG-0917',
  date: '2017-09-20',
  origin: 'DPRK',
  destination: 'China',
  portOfLoading: { name: 'Nampo', country: 'KP' },
  portOfDischarge: { name: 'Dandong', country: 'CN' },
  vessel: { name: 'CHON MA SAN', imo: '8660313' },
  goods: [{ hs: '2701', description: 'anthracite coal', value: 2400000, currency: 'USD' }],
  parties: [{ role: 'buyer', name: 'Dandong Zhicheng Metallic Materials', country: 'China' }],
};

const INDONESIAN_COAL = {
  ...DPRK_COAL,
  id: 'BL-SMD-DDG-0917',
  origin: 'Indonesia',
  portOfLoading: { name: 'Samarinda', country: 'ID' },
  vessel: { name: 'MERATUS BANJAR', imo: '9074729' },
  goods: [{ hs: '2701.12', description: 'bituminous coal', value: 2100000, currency: 'USD' }],
  parties: [{ role: 'buyer', name: 'Liaoning Coastal Energy Trading Co., Ltd.', country: 'CN' }],
};

const CSV_PAIR = `id,date,origin,destination,portOfLoading,portOfLoadingCountry,portOfDischarge,portOfDischargeCountry,vesselName,vesselImo,hs,description,value,currency,partyRole,partyName,partyCountry
BL-NAM-DDG-0917,2017-09-20,DPRK,China,Nampo,KP,Dandong,CN,CHON MA SAN,8660313,2701,anthracite coal,2400000,USD,buyer,Dandong Zhicheng Metallic Materials,China
BL-SMD-DDG-0917,2017-09-20,Indonesia,China,Samarinda,ID,Dandong,CN,MERATUS BANJAR,9074729,2701.12,bituminous coal,2100000,USD,buyer,"Liaoning Coastal Energy Trading Co., Ltd.",CN
`;

export const SHIPMENT_EXAMPLES: { key: string; label: string; text: string }[] = [
  { key: 'dprk-coal', label: 'DPRK coal to Dandong', text: JSON.stringify(DPRK_COAL, null, 2) },
  { key: 'indonesian-coal', label: 'Indonesian coal to Dandong', text: JSON.stringify(INDONESIAN_COAL, null, 2) },
  { key: 'csv', label: 'Both as CSV', text: CSV_PAIR },
];
