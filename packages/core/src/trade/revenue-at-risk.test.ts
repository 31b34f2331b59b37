/**
 * Revenue at risk on the default example (the public estimates of 2017) and on tables written for the
 * quirks: a resolution is credited with what it banned outright first, caps and partial covers are shown
 * beside it, and a malformed table is refused naming the row and field.
 */
import { describe, expect, it } from 'vitest';
import { DPRK_EXPORT_ESTIMATES, DPRK_EXPORT_TOTAL_ESTIMATE } from './dprk-export-revenue.js';
import { DPRK_MEASURES } from './dprk-measures.js';
import { revenueAtRisk, type TradeRow } from './revenue-at-risk.js';

const source = { title: 't', url: 'https://example.org', quote: 'q' };
const row = (commodity: string, hs: string[], value: number, extra: Partial<TradeRow> = {}): TradeRow => ({
  commodity,
  exporter: 'KP',
  hs,
  year: 2017,
  value,
  source,
  ...extra,
});

describe('the default example: public estimates of DPRK export revenue, 2017', () => {
  const result = revenueAtRisk(DPRK_EXPORT_ESTIMATES, DPRK_MEASURES);
  const resolution = (r: string) => result.byResolution.find((x) => x.resolution === r)!;

  it('adds up to the US fact sheet’s "approximately $3 billion"', () => {
    expect(result.total).toBe(3_000_000_000);
    expect(DPRK_EXPORT_TOTAL_ESTIMATE).toBe(3_000_000_000);
  });

  it('reproduces "over a $1 billion … of approximately $3 billion" for resolution 2371: $1,059 million, 35%', () => {
    expect(resolution('2371 (2017)').banned).toBe(1_059_000_000);
    expect(resolution('2371 (2017)').share).toBeCloseTo(0.353, 3);
    expect(resolution('2371 (2017)').commodities).toEqual(['coal', 'iron and iron ore', 'lead and lead ore', 'seafood']);
    expect(resolution('2371 (2017)').citations).toEqual([
      'UNSCR 2371 (2017) para 8',
      'UNSCR 2371 (2017) para 10',
      'UNSCR 2371 (2017) para 9',
    ]);
  });

  it('credits 2375 with the textiles Japan expected it to cut, $800 million', () => {
    expect(resolution('2375 (2017)')).toMatchObject({ banned: 800_000_000, commodities: ['textiles'] });
  });

  it('credits 2270 and 2321 with no outright ban of the itemised rows, and shows the coal cap and the livelihood ban beside coal', () => {
    expect(resolution('2270 (2016)').banned).toBe(0);
    expect(resolution('2321 (2016)').banned).toBe(0);
    const coal = result.byCommodity.find((c) => c.commodity === 'coal')!;
    expect(coal.bannedBy?.citation).toBe('UNSCR 2371 (2017) para 8');
    expect(coal.alsoUnder).toEqual([
      { citation: 'UNSCR 2270 (2016) para 29', kind: 'ban-in-part' },
      { citation: 'UNSCR 2321 (2016) para 26', kind: 'cap' },
    ]);
  });

  it('leaves the rows not itemised unbanned, and every figure keeps its source', () => {
    const other = result.byCommodity.find((c) => c.hs.length === 0)!;
    expect(other).toMatchObject({ value: 1_141_000_000, bannedBy: null });
    for (const c of result.byCommodity) expect(c.source.url).toMatch(/^https?:\/\//);
    expect(result.banned).toBe(1_859_000_000);
  });
});

describe('tables written for the quirks', () => {
  it('credits a row to the earliest resolution that bans all of its codes outright', () => {
    const r = revenueAtRisk([row('fruit and seafood', ['03', '08'], 10), row('other', [], 90)], DPRK_MEASURES);
    // 2371 bans the seafood but not the fruit: the row is cut only when 2397 bans fruit too.
    expect(r.byCommodity[0].bannedBy?.citation).toBe('UNSCR 2397 (2017) para 6');
    expect(r.byResolution.find((x) => x.resolution === '2397 (2017)')!.share).toBeCloseTo(0.1);
  });

  it('counts nothing for another exporter: the measures are about the DPRK', () => {
    const r = revenueAtRisk([row('coal', ['2701'], 100, { exporter: 'ID' })], DPRK_MEASURES);
    expect(r.banned).toBe(0);
  });

  it('refuses a table mixing years, a negative value and an HS code that is not one, naming the row and field', () => {
    expect(() => revenueAtRisk([row('a', ['2701'], 1), row('b', ['2601'], 1, { year: 2016 })], DPRK_MEASURES)).toThrow(
      /rows\[1\] is KP 2016, the table is KP 2017/,
    );
    expect(() => revenueAtRisk([row('a', ['2701'], -5)], DPRK_MEASURES)).toThrow(/rows\[0\]\.value/);
    expect(() => revenueAtRisk([row('a', ['27011'], 5)], DPRK_MEASURES)).toThrow(/rows\[0\]\.hs "27011" has 5 digits/);
    expect(() => revenueAtRisk([], DPRK_MEASURES)).toThrow(/no rows/);
  });
});
