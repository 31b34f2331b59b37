/**
 * A ranking as `POST /v1/network/rank` answers it for the API test's file (packages/server/src/network.test.ts):
 * Fenwick Trading pays KOMID (written "Korea Mining Development Trading Corp") and is paid by Tanchon
 * Commercial Bank; Slough Foods makes one small payment to the bank.
 */
import type { NetworkRanking, NetworkTransaction } from '../api/types';

const row = (line: number, payer: string, payee: string, amount: number, extra: Partial<NetworkTransaction> = {}): NetworkTransaction => ({
  line,
  date: `2025-0${Math.min(line, 9)}-10`,
  payer,
  payerCountry: payer.startsWith('Tanchon') ? 'KP' : 'GB',
  payee,
  payeeCountry: payee.startsWith('Korea') || payee.startsWith('Tanchon') ? 'KP' : 'DE',
  amount,
  currency: 'USD',
  hs: '',
  vessel: '',
  ...extra,
});

const KOMID = {
  recordId: 'un:KPe.001',
  caption: 'KOREA MINING DEVELOPMENT TRADING CORPORATION',
  basis: 'listed' as const,
  score: 0.93,
  reason: 'Matched primary name',
};
const TANCHON = {
  recordId: 'un:KPe.003',
  caption: 'TANCHON COMMERCIAL BANK',
  basis: 'listed' as const,
  score: 1,
  reason: 'Matched primary name',
};

export const NETWORK_RANKING: NetworkRanking = {
  tenant: 'default',
  rows: 6,
  parties: 5,
  designatedParties: 2,
  designatedVessels: 0,
  listsGeneration: 1,
  scored: 3,
  ranked: [
    {
      rank: 1,
      name: 'Fenwick Trading Ltd',
      countries: ['GB'],
      score: 0.7012,
      measures: {
        totalValue: 560000,
        designatedValue: 520000,
        designatedCounterparts: 2,
        dprkGoodsValue: 180000,
        distance: 1,
        dependence: 2,
        rows: 4,
        counterparties: 3,
      },
      evidence: [
        {
          feature: 'designatedValue',
          label: 'Value with designated parties',
          value: 0.8387,
          weight: 0.2,
          contribution: 0.1677,
          detail: 'USD 520,000 with designated parties',
          transactions: [
            row(2, 'Fenwick Trading Ltd', 'Korea Mining Development Trading Corp', 250000, { hs: '8471' }),
            row(3, 'Fenwick Trading Ltd', 'Korea Mining Development Trading Corp', 180000, { hs: '2701', vessel: 'CHON MA SAN' }),
            row(4, 'Tanchon Commercial Bank', 'Fenwick Trading Ltd', 90000),
          ],
          rowCount: 3,
        },
        {
          feature: 'designatedCounterparts',
          label: 'Distinct designated counterparts',
          value: 0.5,
          weight: 0.15,
          contribution: 0.075,
          detail: '2 distinct designated counterparts',
          transactions: [],
          rowCount: 3,
          counterparts: [
            { names: ['Korea Mining Development Trading Corp'], kind: 'party', designation: KOMID, value: 430000, rows: 2 },
            { names: ['Tanchon Commercial Bank'], kind: 'party', designation: TANCHON, value: 90000, rows: 1 },
          ],
        },
        {
          feature: 'proximity',
          label: 'Path length to a designated party',
          value: 1,
          weight: 0.1,
          contribution: 0.1,
          detail: '1 step from a designated party',
          transactions: [row(2, 'Fenwick Trading Ltd', 'Korea Mining Development Trading Corp', 250000, { hs: '8471' })],
          rowCount: 1,
          path: [{ name: 'Fenwick Trading Ltd' }, { name: 'Korea Mining Development Trading Corp', designation: KOMID }],
        },
        {
          feature: 'dprkGoods',
          label: 'North Korean banned goods handled',
          value: 0,
          weight: 0.15,
          contribution: 0,
          detail: 'USD 0 of banned goods of North Korean origin',
          transactions: [],
          rowCount: 0,
        },
      ],
      neighbourhood: {
        centre: 0,
        nodes: [
          { id: 0, name: 'Fenwick Trading Ltd', countries: ['GB'], centre: true, distance: 1 },
          { id: 1, name: 'Korea Mining Development Trading Corp', countries: ['KP'], centre: false, designation: KOMID, distance: 0 },
          { id: 2, name: 'Tanchon Commercial Bank', countries: ['KP'], centre: false, designation: TANCHON, distance: 0 },
          { id: 3, name: 'Oakham Supplies', countries: ['DE'], centre: false, distance: 2 },
        ],
        edges: [
          { from: 0, to: 1, value: 430000, rows: 2, designatedVessels: ['CHON MA SAN'] },
          { from: 2, to: 0, value: 90000, rows: 1, designatedVessels: [] },
          { from: 0, to: 3, value: 40000, rows: 1, designatedVessels: [] },
        ],
        leftOut: 0,
      },
    },
    {
      rank: 2,
      name: 'Slough Foods',
      countries: ['GB'],
      score: 0.1868,
      measures: {
        totalValue: 120900,
        designatedValue: 900,
        designatedCounterparts: 1,
        dprkGoodsValue: 0,
        distance: 1,
        dependence: 0.0099,
        rows: 2,
        counterparties: 2,
      },
      evidence: [
        {
          feature: 'designatedValue',
          label: 'Value with designated parties',
          value: 0.0089,
          weight: 0.2,
          contribution: 0.0018,
          detail: 'USD 900 with designated parties',
          transactions: [row(6, 'Slough Foods', 'Tanchon Commercial Bank', 900)],
          rowCount: 1,
        },
      ],
      neighbourhood: {
        centre: 4,
        nodes: [
          { id: 4, name: 'Slough Foods', countries: ['GB'], centre: true, distance: 1 },
          { id: 2, name: 'Tanchon Commercial Bank', countries: ['KP'], centre: false, designation: TANCHON, distance: 0 },
        ],
        edges: [{ from: 4, to: 2, value: 900, rows: 1, designatedVessels: [] }],
        leftOut: 1,
      },
    },
  ],
};
