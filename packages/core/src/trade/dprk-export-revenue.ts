/**
 * @module trade/dprk-export-revenue
 * The default example of a trade table: public estimates of the DPRK's annual export revenue around 2017,
 * each figure with its source and the words it is quoted from (`../shared/data/trade/revenue_at_risk_sources.md`;
 * the quotes were read again in stored copies of the pages on 2026-12-07). No public table of DPRK exports
 * by HS chapter could be bundled, so the table itemises the commodities the estimates name and carries the
 * rest of the US's "approximately $3 billion" as one row not itemised.
 *
 * From these rows the calculation reproduces the US fact sheet's figure for resolution 2371: coal (the
 * $400 million the 2321 cap still allowed), iron and iron ore ($251m), lead ($113m) and seafood ($295m)
 * make $1,059 million of $3,000 million, 35% — "over a $1 billion per year … approximately $3 billion".
 *
 * @example
 * DPRK_EXPORT_ESTIMATES.reduce((s, r) => s + r.value, 0) // 3_000_000_000
 */
import type { FigureSource, TradeRow } from './revenue-at-risk.js';

const US_FACT_SHEET_2371: FigureSource = {
  title: 'US Embassy, "Fact Sheet: Resolution 2371 (2017) Strengthening Sanctions on North Korea", 5 August 2017',
  url: 'https://eg.usembassy.gov/fact-sheet-strengthening-sanctions-north-korea/',
  quote:
    'Banning these exports will prevent North Korea from earning over a $1 billion per year of hard currency … North Korea earns approximately $3 billion per year from export revenues.',
};

const KOREA_HERALD_2017: FigureSource = {
  title: 'The Korea Herald (Reuters), "UN bans key N. Korea exports over missile tests", 7 August 2017',
  url: 'http://www.koreaherald.com/view.php?ud=20170807000484',
  quote:
    'A UN diplomat said North Korea had been expected to earn an estimated $251 million from iron and iron ore in 2017, $113 million from lead and lead ore, and $295 million from seafood.',
};

const KOREA_HERALD_COAL: FigureSource = {
  ...KOREA_HERALD_2017,
  quote: 'In November, the Security Council capped the North‘s coal exports at $400 million annually.',
};

const JAPAN_AT_UNSC_2375: FigureSource = {
  title: 'Fibre2Fashion via FashionNetwork, "Fresh UNSC sanctions on DPRK include textile exports ban", September 2017',
  url: 'http://in.fashionnetwork.com/news/Fresh-UNSC-sanctions-on-DPRK-include-textile-exports-ban,867094.html',
  quote:
    "Japan’s representative at the UNSC Koro Bessho said … the ban on textile exports is expected to reduce North Korea's revenues by $800 million.",
};

const TEXTILE_CHAPTERS = Array.from({ length: 14 }, (_, i) => String(50 + i));

const ITEMISED: TradeRow[] = [
  {
    commodity: 'coal',
    exporter: 'KP',
    hs: ['2701'],
    year: 2017,
    value: 400_000_000,
    source: KOREA_HERALD_COAL,
    note: 'The 2321 cap ($400,870,018 a year, rounded by the source) is what coal could still earn when 2371 banned it; coal earned almost $1.2 billion in 2016, before the cap (envestorfirst, after the EIA; not read again).',
  },
  {
    commodity: 'iron and iron ore',
    exporter: 'KP',
    hs: ['2601', '7201', '7203'],
    year: 2017,
    value: 251_000_000,
    source: KOREA_HERALD_2017,
  },
  { commodity: 'lead and lead ore', exporter: 'KP', hs: ['2607', '78'], year: 2017, value: 113_000_000, source: KOREA_HERALD_2017 },
  { commodity: 'seafood', exporter: 'KP', hs: ['03', '1604', '1605'], year: 2017, value: 295_000_000, source: KOREA_HERALD_2017 },
  {
    commodity: 'textiles',
    exporter: 'KP',
    hs: TEXTILE_CHAPTERS,
    year: 2017,
    value: 800_000_000,
    source: JAPAN_AT_UNSC_2375,
    note: 'The revenue Japan expected the 2375 ban to remove, taken as the textile exports it covers.',
  },
];

/** The US fact sheet's total export revenue, of which the itemised rows are part. */
export const DPRK_EXPORT_TOTAL_ESTIMATE = 3_000_000_000;

export const DPRK_EXPORT_ESTIMATES: readonly TradeRow[] = [
  ...ITEMISED,
  {
    commodity: 'other exports (not itemised)',
    exporter: 'KP',
    hs: [],
    year: 2017,
    value: DPRK_EXPORT_TOTAL_ESTIMATE - ITEMISED.reduce((sum, r) => sum + r.value, 0),
    source: US_FACT_SHEET_2371,
    note: 'The rest of "approximately $3 billion per year": the total less the rows above.',
  },
];
