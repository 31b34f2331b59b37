import { describe, expect, it } from 'vitest';
import type { Designation } from './designations.js';
import { measureExposure } from './exposure.js';
import { rankFacilitators } from './rank.js';
import { neighbourhood } from './neighbourhood.js';
import { testDesignations, testTable } from './test-network.js';

const table = testTable();
const exposure = measureExposure(table, testDesignations(table));
const ranking = rankFacilitators(exposure, { top: 20 });
const ranked = (name: string) => ranking.ranked.find((r) => r.name === name)!;

describe('rankFacilitators on the hand-made network (test-network.ts)', () => {
  it('ranks the facilitator first, the slip and the coal buyer below, the hub last; designated parties and unexposed firms not at all', () => {
    // Worked by hand from the measures (exposure.test.ts) and the weights (score.ts):
    // Fenwick 0.2·210/310 + 0.2·210/580 + 0.15·3/5 + 0.15·180/280 + 0.1 + 0.2·(1+50/51)/(1.1+50/51) = 0.6847
    // Slough  0.2·1/101 + 0.2·0.01 + 0.15·1/3 + 0.1 + 0.2·(1/51)/(0.1+1/51) = 0.1868
    // Bexley  0.15·100/200 (coal resold from North Korea) + 0.1·1/4 (two steps) = 0.1
    // Oakham  0.2·10/110 + 0.2·10/309 + 0.15·1/3 (the vessel) + 0.1·1/4 = 0.0997
    // Sinuiju 0.15·80/180 (sold coal from North Korea) + 0.1·1/4 = 0.0917
    // Hartley 0.1·1/16 (three steps) = 0.0063
    expect(ranking.ranked.map((r) => [r.name, r.score])).toEqual([
      ['Fenwick Trading Ltd', 0.6847],
      ['Slough Foods', 0.1868],
      ['Bexley Metals', 0.1],
      ['Oakham Supplies', 0.0997],
      ['Sinuiju Export Co', 0.0917],
      ['Hartley Hub', 0.0063],
    ]);
    expect(ranking.ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ranking.designated).toBe(3);
    expect(ranking.scored).toBe(6);
  });

  it('gives each party its score as the sum of its evidence', () => {
    for (const r of ranking.ranked)
      expect(r.score).toBeCloseTo(
        r.evidence.reduce((n, e) => n + e.contribution, 0),
        3,
      );
  });

  it('shows the transactions behind value, share and position, largest first', () => {
    const value = ranked('Fenwick Trading Ltd').evidence.find((e) => e.feature === 'designatedValue')!;
    expect(value.rowCount).toBe(4);
    expect(value.transactions.map((t) => [t.line, t.amount])).toEqual([
      [2, 100_000],
      [3, 50_000],
      [4, 50_000],
      [7, 10_000],
    ]);
    expect(value.transactions[3]).toMatchObject({
      payer: 'Oakham Supplies',
      payee: 'Fenwick Trading Ltd',
      vessel: 'CHON MA SAN',
      hs: '8479',
    });
  });

  it('names each designated counterpart once with every spelling the file uses, and the vessel', () => {
    const counterparts = ranked('Fenwick Trading Ltd').evidence.find((e) => e.feature === 'designatedCounterparts')!.counterparts!;
    expect(counterparts.map((c) => [c.designation.recordId, c.names, c.value, c.rows, c.kind])).toEqual([
      ['un:KPe.001', ['KOREA RYONBONG GENERAL CORP', 'Korea Ryonbong General Corporation'], 150_000, 2, 'party'],
      ['un:KPe.003', ['Tanchon Commercial Bank'], 50_000, 1, 'party'],
      ['ofac:15036', ['CHON MA SAN'], 10_000, 1, 'vessel'],
    ]);
  });

  it('shows the path to the nearest designated party with the rows that link it', () => {
    const proximity = ranked('Bexley Metals').evidence.find((e) => e.feature === 'proximity')!;
    expect(proximity.path!.map((s) => s.name)).toEqual(['Bexley Metals', 'Fenwick Trading Ltd', 'Korea Ryonbong General Corporation']);
    expect(proximity.path!.at(-1)!.designation!.recordId).toBe('un:KPe.001');
    expect(proximity.transactions.map((t) => t.line)).toEqual([6, 2]);
  });

  it('returns only the top parties asked for, in the same order', () => {
    expect(rankFacilitators(exposure, { top: 2 }).ranked.map((r) => r.name)).toEqual(['Fenwick Trading Ltd', 'Slough Foods']);
  });

  it('breaks ties at the cut by name: of parties scoring alike, the first by name make the top', () => {
    // Five firms (written in reverse order of their names) each pay the designated bank the same.
    const firms = ['Epsom Ltd', 'Dover Ltd', 'Corby Ltd', 'Bury Ltd', 'Acton Ltd'];
    const alike = testTable(firms.map((firm) => [firm, 'GB', 'Tanchon Commercial Bank', 'KP', 5_000]));
    const bank: Designation = { recordId: 'un:KPe.003', caption: 'TANCHON COMMERCIAL BANK', basis: 'listed', score: 0.95, reason: '' };
    const designations = { parties: new Map([[alike.partyNamed('Tanchon Commercial Bank')!, bank]]), vessels: new Map() };
    const x = measureExposure(alike, designations);
    expect(rankFacilitators(x, { top: 2 }).ranked.map((r) => r.name)).toEqual(['Acton Ltd', 'Bury Ltd']);
    expect(rankFacilitators(x, { top: 10 }).ranked.map((r) => r.name)).toEqual([...firms].reverse());
  });
});

describe('neighbourhood', () => {
  it('draws the party, designated counterparties first, and edges in the direction money went', () => {
    const around = neighbourhood(exposure, table.partyNamed('Fenwick Trading Ltd')!, { counterparties: 3 });
    expect(around.nodes.map((n) => [n.name, n.centre, n.designation?.recordId])).toEqual([
      ['Fenwick Trading Ltd', true, undefined],
      ['Korea Ryonbong General Corporation', false, 'un:KPe.001'],
      ['KOREA RYONBONG GENERAL CORP', false, 'un:KPe.001'],
      ['Tanchon Commercial Bank', false, 'un:KPe.003'],
    ]);
    expect(around.leftOut).toBe(3);
    const fenwick = table.partyNamed('Fenwick Trading Ltd')!;
    expect(around.edges.find((e) => e.to === fenwick)).toMatchObject({
      from: table.partyNamed('Tanchon Commercial Bank'),
      value: 50_000,
      rows: 1,
    });
  });

  it('adds the path to the nearest designated party where it runs beyond the counterparties', () => {
    const around = neighbourhood(exposure, table.partyNamed('Hartley Hub')!, { counterparties: 5 });
    expect(around.nodes.map((n) => n.name)).toContain('Korea Ryonbong General Corporation');
    expect(around.nodes.find((n) => n.name === 'Fenwick Trading Ltd')?.distance).toBe(1);
  });
});
