/**
 * A hand-made transactions network for the network tests, small enough to work every measure out by hand.
 *
 * Fenwick Trading Ltd (GB) is the facilitator: it pays the designated Korea Ryonbong General Corporation
 * under two spellings (100,000 and 50,000), is paid 50,000 by the designated Tanchon Commercial Bank, buys
 * coal from a North Korean seller that no list names (80,000) and sells coal on to Bexley Metals (100,000,
 * North Korean by resale), ships 10,000 of machinery to Oakham Supplies on the designated vessel CHON MA
 * SAN, and pays Oakham 190,000 for cars. Slough Foods makes one slip (1,000 to the bank) in 100,000 of
 * trade. Hartley Hub trades with five firms, none designated. Ordinary coal from Australia changes hands.
 */
import type { Designation, NetworkDesignations } from './designations.js';
import { TransactionTable, type Transaction } from './transactions.js';

type Row = [payer: string, payerCountry: string, payee: string, payeeCountry: string, usd: number, hs?: string, vessel?: string];

export const ROWS: Row[] = [
  ['Fenwick Trading Ltd', 'GB', 'Korea Ryonbong General Corporation', 'KP', 100_000, '8471'],
  ['Fenwick Trading Ltd', 'GB', 'KOREA RYONBONG GENERAL CORP', 'KP', 50_000, '8471'],
  ['Tanchon Commercial Bank', 'KP', 'Fenwick Trading Ltd', 'GB', 50_000],
  ['Fenwick Trading Ltd', 'GB', 'Sinuiju Export Co', 'KP', 80_000, '2701'],
  ['Bexley Metals', 'CN', 'Fenwick Trading Ltd', 'GB', 100_000, '2701'],
  ['Oakham Supplies', 'DE', 'Fenwick Trading Ltd', 'GB', 10_000, '8479', 'CHON MA SAN'],
  ['Fenwick Trading Ltd', 'GB', 'Oakham Supplies', 'DE', 190_000, '8703'],
  ['Slough Foods', 'GB', 'Tanchon Commercial Bank', 'KP', 1_000],
  ['Slough Foods', 'GB', 'Oakham Supplies', 'DE', 99_000, '1006'],
  ['Hartley Hub', 'NL', 'Oakham Supplies', 'DE', 10_000],
  ['Hartley Hub', 'NL', 'Bexley Metals', 'CN', 10_000],
  ['Hartley Hub', 'NL', 'Ixworth Parts', 'NL', 10_000],
  ['Hartley Hub', 'NL', 'Yarm Textiles', 'NL', 10_000, '6109'],
  ['Hartley Hub', 'NL', 'Zennor Foods', 'NL', 10_000],
  ['Wigan Power', 'GB', 'Perth Coal Pty Ltd', 'AU', 40_000, '2701'],
];

export function testTable(rows: Row[] = ROWS): TransactionTable {
  const table = new TransactionTable();
  rows.forEach(([payer, payerCountry, payee, payeeCountry, usd, hs = '', vessel = ''], i) => {
    const t: Transaction = {
      line: i + 2,
      date: '2025-03-01',
      payer,
      payerCountry,
      payee,
      payeeCountry,
      amount: usd,
      currency: 'USD',
      hs,
      vessel,
    };
    table.add(t, usd);
  });
  return table;
}

const listed = (recordId: string, caption: string): Designation => ({
  recordId,
  caption,
  basis: 'listed',
  score: 0.95,
  reason: `matched ${caption}`,
});

/** The designations a screening would give the test table. */
export function testDesignations(table: TransactionTable): NetworkDesignations {
  const ryonbong = listed('un:KPe.001', 'KOREA RYONBONG GENERAL CORPORATION');
  return {
    parties: new Map([
      [table.partyNamed('Korea Ryonbong General Corporation')!, ryonbong],
      [table.partyNamed('KOREA RYONBONG GENERAL CORP')!, ryonbong],
      [table.partyNamed('Tanchon Commercial Bank')!, listed('un:KPe.003', 'TANCHON COMMERCIAL BANK')],
    ]),
    vessels: new Map([[table.vessels.values.indexOf('CHON MA SAN'), listed('ofac:15036', 'CHON MA SAN')]]),
  };
}
