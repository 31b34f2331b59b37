/**
 * @module trade/revenue-at-risk
 * The share of an economy's export revenue each resolution's bans cover: every row of a trade table
 * (exporter, HS code, year, value) is matched to the export measures whose HS codes cover it, and
 * attributed to the resolution that first banned it outright; a row a measure covers only in part, or
 * caps, is counted apart (it is at risk, not cut). The totals are the table's own: its rows must add up
 * to the economy's exports, so a table that itemises a few commodities carries a row for the rest.
 *
 * @example
 * revenueAtRisk(DPRK_EXPORT_ESTIMATES, DPRK_MEASURES).byResolution.find((r) => r.resolution === '2371 (2017)')
 * // { resolution: '2371 (2017)', banned: 1_059_000_000, share: 0.353, … }
 */
import { EmbargoError } from '../errors.js';
import { hsCodeProblem, hsRelation } from './hs-codes.js';
import type { GoodsMeasure, TradeMeasures } from './measures.js';

/** Where a figure comes from: the publication, its address, and its words. */
export interface FigureSource {
  title: string;
  url: string;
  quote: string;
}

export interface TradeRow {
  /** What the row is, in words (`coal`, `iron and iron ore`, `other exports (not itemised)`). */
  commodity: string;
  /** ISO 3166-1 alpha-2 code of the exporting economy. */
  exporter: string;
  /** HS codes the row's value falls under; empty for a remainder row (exports not itemised). */
  hs: readonly string[];
  year: number;
  /** US dollars. */
  value: number;
  source: FigureSource;
  /** How the figure was derived where it is not a quotation (a remainder, a cap taken as the value). */
  note?: string;
}

export interface CommodityAtRisk {
  commodity: string;
  hs: readonly string[];
  value: number;
  share: number;
  /** The measure that first banned the whole row outright (its citation), or null. */
  bannedBy: { citation: string; resolution: string; adopted: string } | null;
  /** Measures that cap the row or cover it only in part, before or besides the ban. */
  alsoUnder: { citation: string; kind: 'cap' | 'ban-in-part' }[];
  source: FigureSource;
  note?: string;
}

export interface ResolutionAtRisk {
  resolution: string;
  adopted: string;
  /** Value of the rows this resolution was the first to ban outright. */
  banned: number;
  share: number;
  commodities: string[];
  /** The citations of its export measures that banned them. */
  citations: string[];
}

export interface RevenueAtRisk {
  exporter: string;
  year: number;
  total: number;
  byCommodity: CommodityAtRisk[];
  byResolution: ResolutionAtRisk[];
  /** Banned by any resolution, and its share. */
  banned: number;
  bannedShare: number;
}

/** Whether a measure bans every good under an HS code outright (no livelihood exception, no cap, whole cover). */
function bansCodeWholly(measure: GoodsMeasure, code: string): boolean {
  if (measure.kind !== 'ban' || measure.exemptions.some((e) => e.kind === 'livelihood')) return false;
  return measure.hs.some((hs) => hs.coverage === 'whole' && hsRelation(hs.code, code) === 'within');
}

/**
 * The measure that completed the outright ban of a row: every code of the row must be banned by some
 * measure, and the row is cut when the last of them is (seafood in 2017 and fruit in 2018: 2018).
 * `measures` are in order of adoption.
 */
function banOfRow(measures: readonly GoodsMeasure[], row: TradeRow): GoodsMeasure | undefined {
  if (row.hs.length === 0) return undefined;
  let last: GoodsMeasure | undefined;
  for (const code of row.hs) {
    const first = measures.find((m) => bansCodeWholly(m, code));
    if (!first) return undefined;
    if (!last || first.adopted > last.adopted) last = first;
  }
  return last;
}

function reaches(measure: GoodsMeasure, row: TradeRow): boolean {
  return row.hs.some((code) => measure.hs.some((hs) => hsRelation(hs.code, code) !== 'outside'));
}

function validateRows(rows: readonly TradeRow[]): void {
  if (rows.length === 0) throw new EmbargoError('INVALID_INPUT', 'the trade table has no rows', { field: 'rows' });
  rows.forEach((row, i) => {
    const field = (name: string) => ({ field: `rows[${i}].${name}` });
    if (!Number.isFinite(row.value) || row.value < 0)
      throw new EmbargoError('INVALID_INPUT', `rows[${i}].value must be a number of US dollars, 0 or more`, field('value'));
    for (const code of row.hs) {
      const problem = hsCodeProblem(code);
      if (problem) throw new EmbargoError('INVALID_INPUT', `rows[${i}].hs "${code}" ${problem}`, field('hs'));
    }
    if (row.exporter !== rows[0].exporter || row.year !== rows[0].year)
      throw new EmbargoError(
        'INVALID_INPUT',
        `rows[${i}] is ${row.exporter} ${row.year}, the table is ${rows[0].exporter} ${rows[0].year}: one exporter and year per table`,
        field(row.exporter !== rows[0].exporter ? 'exporter' : 'year'),
      );
  });
}

/**
 * The revenue each resolution's export bans cover, by commodity and by resolution. Only measures on
 * exports from the measures' target count, and only for rows whose exporter is that target.
 */
export function revenueAtRisk(rows: readonly TradeRow[], measures: TradeMeasures): RevenueAtRisk {
  validateRows(rows);
  const exporter = rows[0].exporter;
  const exportMeasures = measures.measures
    .filter((m) => m.direction === 'export-from-dprk' && exporter === measures.target)
    .slice()
    .sort((a, b) => a.adopted.localeCompare(b.adopted));
  const total = rows.reduce((sum, r) => sum + r.value, 0);
  const share = (value: number) => (total > 0 ? value / total : 0);

  const byCommodity: CommodityAtRisk[] = rows.map((row) => {
    const ban = banOfRow(exportMeasures, row);
    const alsoUnder = exportMeasures
      .filter((m) => m !== ban && row.hs.length > 0 && reaches(m, row) && (!ban || m.adopted <= ban.adopted))
      .map((m) => ({ citation: m.citation, kind: m.kind === 'cap' ? ('cap' as const) : ('ban-in-part' as const) }));
    return {
      commodity: row.commodity,
      hs: row.hs,
      value: row.value,
      share: share(row.value),
      bannedBy: ban ? { citation: ban.citation, resolution: ban.resolution, adopted: ban.adopted } : null,
      alsoUnder,
      source: row.source,
      ...(row.note ? { note: row.note } : {}),
    };
  });

  const resolutions = [...new Map(exportMeasures.map((m) => [m.resolution, m.adopted])).entries()];
  const byResolution: ResolutionAtRisk[] = resolutions.map(([resolution, adopted]) => {
    const cut = byCommodity.filter((c) => c.bannedBy?.resolution === resolution);
    const banned = cut.reduce((sum, c) => sum + c.value, 0);
    return {
      resolution,
      adopted,
      banned,
      share: share(banned),
      commodities: cut.map((c) => c.commodity),
      citations: [...new Set(cut.map((c) => c.bannedBy!.citation))],
    };
  });
  const banned = byResolution.reduce((sum, r) => sum + r.banned, 0);
  return { exporter, year: rows[0].year, total, byCommodity, byResolution, banned, bannedShare: share(banned) };
}
