import { describe, expect, it } from 'vitest';
import { measureExposure, MAX_PATH_LENGTH } from './exposure.js';
import { testDesignations, testTable } from './test-network.js';

const table = testTable();
const exposure = measureExposure(table, testDesignations(table));
const id = (name: string) => table.partyNamed(name)!;

describe('measureExposure on the hand-made network (test-network.ts)', () => {
  it('sums value with designated parties, both directions and on designated vessels', () => {
    // 100,000 + 50,000 to Ryonbong, 50,000 from the bank, 10,000 on CHON MA SAN.
    expect(exposure.designatedValue[id('Fenwick Trading Ltd')]).toBe(210_000);
    expect(exposure.totalValue[id('Fenwick Trading Ltd')]).toBe(580_000);
    expect(exposure.designatedValue[id('Slough Foods')]).toBe(1_000);
    // Oakham's goods went on the designated vessel too.
    expect(exposure.designatedValue[id('Oakham Supplies')]).toBe(10_000);
    expect(exposure.designatedValue[id('Hartley Hub')]).toBe(0);
  });

  it('counts designated counterparts by listed record: two spellings of Ryonbong are one, the vessel is one', () => {
    expect([...exposure.designatedCounterparts.get(id('Fenwick Trading Ltd'))!].sort()).toEqual(['ofac:15036', 'un:KPe.001', 'un:KPe.003']);
    expect([...exposure.designatedCounterparts.get(id('Slough Foods'))!]).toEqual(['un:KPe.003']);
  });

  it('finds banned goods of North Korean origin: bought from North Korea, and resold from there', () => {
    // Fenwick bought coal in North Korea (80,000) and sold coal to Bexley (100,000).
    expect(exposure.dprkGoodsValue[id('Fenwick Trading Ltd')]).toBe(180_000);
    expect(exposure.dprkGoodsValue[id('Bexley Metals')]).toBe(100_000);
    // Australian coal is not North Korean; Yarm's textiles come from the Netherlands.
    expect(exposure.dprkGoodsValue[id('Wigan Power')]).toBe(0);
    expect(exposure.dprkGoodsValue[id('Yarm Textiles')]).toBe(0);
    expect(exposure.dprkGoodsRows.get(id('Fenwick Trading Ltd'))!.map((r) => table.line[r])).toEqual([5, 6]);
  });

  it('measures steps to the nearest designated party over the counterparty network', () => {
    expect(exposure.distance[id('Tanchon Commercial Bank')]).toBe(0);
    expect(exposure.distance[id('Fenwick Trading Ltd')]).toBe(1);
    expect(exposure.distance[id('Slough Foods')]).toBe(1);
    expect(exposure.distance[id('Oakham Supplies')]).toBe(2);
    expect(exposure.distance[id('Hartley Hub')]).toBe(3);
    expect(exposure.distance[id('Ixworth Parts')]).toBe(MAX_PATH_LENGTH + 1);
    expect(exposure.distance[id('Wigan Power')]).toBe(MAX_PATH_LENGTH + 1);
  });

  it('measures how much of the designated records’ own trade passes through a party (its position)', () => {
    // Ryonbong trades 150,000 in all, all of it with Fenwick; the bank 51,000, 50,000 of it with Fenwick.
    expect(exposure.dependence[id('Fenwick Trading Ltd')]).toBeCloseTo(1 + 50_000 / 51_000, 10);
    expect(exposure.dependence[id('Slough Foods')]).toBeCloseTo(1_000 / 51_000, 10);
  });

  it('counts distinct counterparties: the hub has five', () => {
    expect(exposure.counterparties[id('Hartley Hub')]).toBe(5);
    expect(exposure.counterparties[id('Fenwick Trading Ltd')]).toBe(6);
  });
});
