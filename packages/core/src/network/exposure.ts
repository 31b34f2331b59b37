/**
 * @module network/exposure
 * What each party of a transactions file does with designated parties, measured over every row once:
 * the value it trades with them and its share of its own trade; how many distinct designated
 * counterparts it has (a designated vessel carrying its goods counts as one); the banned DPRK-origin
 * goods it handles; how many steps it is from a designated party in the counterparty network; and how
 * much of the designated parties' own trade passes through it (its position: the designated parties
 * depend on it). The rows behind each measure are kept for the evidence.
 *
 * The payee is the seller: goods of a row come from the payee's country. Goods are of North Korean origin
 * when the seller is in North Korea, or when the seller bought goods of the same HS chapter from a seller
 * there (one re-export, the common laundering step: coal sold on by a front company).
 */
import { isBannedGood, DPRK_BANNED_EXPORTS, type BannedGoods } from './dprk-goods.js';
import type { NetworkDesignations } from './designations.js';
import { buildCounterpartyGraph, counterpartyOf, type CounterpartyGraph } from './graph.js';
import type { TransactionTable } from './transactions.js';

/** Steps beyond this are not searched: nearly every firm is within four steps of any other. */
export const MAX_PATH_LENGTH = 3;

export const DPRK = 'KP';

export interface NetworkExposureOptions {
  bannedGoods?: BannedGoods;
  /** The table's network, if built already (`buildCounterpartyGraph`); else it is built here. */
  graph?: CounterpartyGraph;
}

/** Per party measures, as columns indexed by party id; the rows behind them by party; the network. */
export interface NetworkExposure extends CounterpartyGraph {
  table: TransactionTable;
  designations: NetworkDesignations;
  /** Value traded in all (reference currency). */
  totalValue: Float64Array;
  /** Rows in all. */
  rows: Int32Array;
  /** Value of rows with a designated counterparty or carried by a designated vessel. */
  designatedValue: Float64Array;
  /** The rows behind `designatedValue`, per party (only parties that have some). */
  designatedRows: Map<number, number[]>;
  /**
   * Distinct designated counterparts, by listed record (or blocked entity): two spellings of one listed
   * firm in the file are one counterpart; a designated vessel carrying the party's goods is one too.
   */
  designatedCounterparts: Map<number, Set<string>>;
  /** Value of banned goods of North Korean origin bought or sold. */
  dprkGoodsValue: Float64Array;
  dprkGoodsRows: Map<number, number[]>;
  /** Steps to the nearest designated party (0 for one itself, MAX_PATH_LENGTH + 1 for none within reach). */
  distance: Int8Array;
  /** Next party on a shortest path towards a designated party, and the row that links them (-1: none). */
  nextParty: Int32Array;
  nextRow: Int32Array;
  /**
   * Σ over rows with designated counterparts of (the row's value) / (the value the counterpart's listed
   * record trades in the whole file, under every spelling): how much of their trade the party carries.
   */
  dependence: Float64Array;
}

function push(map: Map<number, number[]>, key: number, row: number): void {
  const list = map.get(key);
  if (list) list.push(row);
  else map.set(key, [row]);
}

/** Breadth-first from every designated party at once, MAX_PATH_LENGTH steps deep. */
function stepsToDesignated(
  table: TransactionTable,
  isDesignated: Uint8Array,
  rowStart: Int32Array,
  rowsOfParty: Int32Array,
): { distance: Int8Array; nextParty: Int32Array; nextRow: Int32Array } {
  const n = table.parties.length;
  const distance = new Int8Array(n).fill(MAX_PATH_LENGTH + 1);
  const nextParty = new Int32Array(n).fill(-1);
  const nextRow = new Int32Array(n).fill(-1);
  let frontier: number[] = [];
  for (let p = 0; p < n; p++)
    if (isDesignated[p]) {
      distance[p] = 0;
      frontier.push(p);
    }
  for (let d = 1; d <= MAX_PATH_LENGTH && frontier.length > 0; d++) {
    const next: number[] = [];
    for (const p of frontier)
      for (let k = rowStart[p]; k < rowStart[p + 1]; k++) {
        const r = rowsOfParty[k];
        const q = counterpartyOf(table, r, p);
        if (distance[q] <= d) continue;
        distance[q] = d;
        nextParty[q] = p;
        nextRow[q] = r;
        next.push(q);
      }
    frontier = next;
  }
  return { distance, nextParty, nextRow };
}

/** HS chapter (two digits) of a code. */
const chapterOf = (hs: string) => hs.slice(0, 2);

/**
 * Rows carrying banned goods of North Korean origin: sold by a seller in North Korea, or by a seller that
 * bought banned goods of the same chapter from one.
 */
function dprkOriginRows(table: TransactionTable, goods: BannedGoods): number[] {
  const banned = table.hsCodes.values.map((hs) => isBannedGood(hs, goods));
  const dprk = table.countries.values.indexOf(DPRK);
  if (dprk < 0) return [];
  const boughtFromDprk = new Map<number, Set<string>>();
  for (let r = 0; r < table.rows; r++)
    if (banned[table.hs[r]] && table.payeeCountry[r] === dprk) {
      const chapters = boughtFromDprk.get(table.payer[r]) ?? new Set<string>();
      chapters.add(chapterOf(table.hsCodes.values[table.hs[r]]));
      boughtFromDprk.set(table.payer[r], chapters);
    }
  const rows: number[] = [];
  for (let r = 0; r < table.rows; r++) {
    if (!banned[table.hs[r]]) continue;
    if (table.payeeCountry[r] === dprk || boughtFromDprk.get(table.payee[r])?.has(chapterOf(table.hsCodes.values[table.hs[r]])))
      rows.push(r);
  }
  return rows;
}

/** Measures every party's exposure; one pass per measure over the rows. */
export function measureExposure(
  table: TransactionTable,
  designations: NetworkDesignations,
  options: NetworkExposureOptions = {},
): NetworkExposure {
  const n = table.parties.length;
  const isDesignated = new Uint8Array(n);
  for (const p of designations.parties.keys()) isDesignated[p] = 1;
  const vesselDesignated = new Uint8Array(table.vessels.values.length);
  for (const v of designations.vessels.keys()) vesselDesignated[v] = 1;

  const totalValue = new Float64Array(n);
  const rows = new Int32Array(n);
  for (let r = 0; r < table.rows; r++) {
    totalValue[table.payer[r]] += table.value[r];
    rows[table.payer[r]]++;
    if (table.payee[r] !== table.payer[r]) {
      totalValue[table.payee[r]] += table.value[r];
      rows[table.payee[r]]++;
    }
  }

  const designatedValue = new Float64Array(n);
  const dependence = new Float64Array(n);
  const designatedRows = new Map<number, number[]>();
  const designatedCounterparts = new Map<number, Set<string>>();
  const addCounterpart = (p: number, counterpart: string) => {
    const set = designatedCounterparts.get(p) ?? new Set<string>();
    set.add(counterpart);
    designatedCounterparts.set(p, set);
  };
  // What each listed record trades in all, whatever the spelling.
  const recordValue = new Map<string, number>();
  for (const [p, d] of designations.parties) recordValue.set(d.recordId, (recordValue.get(d.recordId) ?? 0) + totalValue[p]);
  for (let r = 0; r < table.rows; r++) {
    const payer = table.payer[r];
    const payee = table.payee[r];
    const vessel = table.vessel[r];
    const byVessel = vesselDesignated[vessel] === 1;
    if (!isDesignated[payer] && !isDesignated[payee] && !byVessel) continue;
    const value = table.value[r];
    for (const [p, q] of [
      [payer, payee],
      [payee, payer],
    ]) {
      if (isDesignated[p] || p === q) continue;
      designatedValue[p] += value;
      push(designatedRows, p, r);
      if (isDesignated[q]) {
        const record = designations.parties.get(q)!.recordId;
        addCounterpart(p, record);
        dependence[p] += value / recordValue.get(record)!;
      }
      if (byVessel) addCounterpart(p, designations.vessels.get(vessel)!.recordId);
    }
  }

  const dprkGoodsValue = new Float64Array(n);
  const dprkGoodsRows = new Map<number, number[]>();
  for (const r of dprkOriginRows(table, options.bannedGoods ?? DPRK_BANNED_EXPORTS))
    for (const p of table.payer[r] === table.payee[r] ? [table.payer[r]] : [table.payer[r], table.payee[r]]) {
      if (isDesignated[p]) continue;
      dprkGoodsValue[p] += table.value[r];
      push(dprkGoodsRows, p, r);
    }

  const graph = options.graph ?? buildCounterpartyGraph(table);
  const { distance, nextParty, nextRow } = stepsToDesignated(table, isDesignated, graph.rowStart, graph.rowsOfParty);
  return {
    table,
    designations,
    totalValue,
    rows,
    designatedValue,
    designatedRows,
    designatedCounterparts,
    dprkGoodsValue,
    dprkGoodsRows,
    distance,
    nextParty,
    nextRow,
    dependence,
    ...graph,
  };
}
