/**
 * @module network/rank
 * Ranks the parties of a transactions file that are not designated themselves by their facilitator
 * score, and writes each ranked party's evidence: per feature its contribution, and the transactions,
 * designated counterparts and paths behind it.
 *
 * @example
 * const exposure = measureExposure(table, designations);
 * const [first] = rankFacilitators(exposure, { top: 10 });
 * first.evidence.find((e) => e.feature === 'designatedValue')?.transactions[0] // the largest row with a designated party
 */
import type { Designation } from './designations.js';
import { MAX_PATH_LENGTH, type NetworkExposure } from './exposure.js';
import { FACILITATOR_FEATURES, facilitatorScore, type FeatureContribution, type NetworkFeature, type PartyMeasures } from './score.js';
import type { Transaction } from './transactions.js';

/** Rows quoted per feature, the largest first; the evidence says how many more there are. */
export const EVIDENCE_ROWS = 5;
/** Designated counterparts named per party, the largest flows first. */
export const EVIDENCE_COUNTERPARTS = 10;

export interface DesignatedCounterpart {
  /** The names the file writes it under (a vessel's name for a vessel), most used first. */
  names: string[];
  kind: 'party' | 'vessel';
  designation: Designation;
  /** Value traded with it (or carried on it), and in how many rows. */
  value: number;
  rows: number;
}

/** One party on a path to a designated party: the row that leads to the next one. */
export interface PathStep {
  name: string;
  designation?: Designation;
  /** The row linking this party to the next on the path (absent on the last). */
  via?: Transaction;
}

export interface FeatureEvidence extends FeatureContribution {
  /** The rows the measure rests on, largest first, at most EVIDENCE_ROWS. */
  transactions: Transaction[];
  /** How many rows it rests on in all. */
  rowCount: number;
  counterparts?: DesignatedCounterpart[];
  /** A shortest path to a designated party, the party first. */
  path?: PathStep[];
}

export interface RankedParty {
  rank: number;
  /** The party's id in the table. */
  party: number;
  name: string;
  countries: string[];
  score: number;
  measures: PartyMeasures & { rows: number; counterparties: number };
  evidence: FeatureEvidence[];
}

export interface RankOptions {
  /** Parties returned (default 20). */
  top?: number;
  features?: readonly NetworkFeature[];
}

export interface FacilitatorRanking {
  /** The top parties, best first. */
  ranked: RankedParty[];
  /** Parties with a score above 0 (ranked or not). */
  scored: number;
  /** Parties in the file, designated ones included. */
  parties: number;
  designated: number;
}

function measuresOf(x: NetworkExposure, p: number): PartyMeasures {
  return {
    totalValue: x.totalValue[p],
    designatedValue: x.designatedValue[p],
    designatedCounterparts: x.designatedCounterparts.get(p)?.size ?? 0,
    dprkGoodsValue: x.dprkGoodsValue[p],
    distance: x.distance[p],
    dependence: x.dependence[p],
  };
}

/** Whether any feature can score: within reach of a designated party, or handling North Korean goods. */
const exposed = (x: NetworkExposure, p: number) => x.distance[p] <= MAX_PATH_LENGTH || x.dprkGoodsValue[p] > 0;

/** Ranks every exposed party that is not designated itself; ties go by name, so a file always ranks the same. */
export function rankFacilitators(x: NetworkExposure, options: RankOptions = {}): FacilitatorRanking {
  const features = options.features ?? FACILITATOR_FEATURES;
  const top = options.top ?? 20;
  const { table, designations } = x;
  const candidates: { p: number; score: number }[] = [];
  for (let p = 0; p < table.parties.length; p++) {
    if (designations.parties.has(p) || !exposed(x, p)) continue;
    const { score } = facilitatorScore(measuresOf(x, p), features);
    if (score > 0) candidates.push({ p, score });
  }
  // Only the parties that can be in the top are put in order: the rest tie by the thousand on small
  // scores, and ordering ties by name (localeCompare) was most of a ranking's time.
  const scores = Float64Array.from(candidates, (c) => c.score).sort();
  const lowest = scores.length > top ? scores[scores.length - top] : -Infinity;
  const contenders = candidates.filter((c) => c.score >= lowest);
  contenders.sort((a, b) => b.score - a.score || table.parties[a.p].name.localeCompare(table.parties[b.p].name));
  const ranked = contenders.slice(0, top).map(({ p }, i) => rankedParty(x, p, i + 1, features));
  return { ranked, scored: candidates.length, parties: table.parties.length, designated: designations.parties.size };
}

/** One party with its evidence. */
export function rankedParty(
  x: NetworkExposure,
  p: number,
  rank: number,
  features: readonly NetworkFeature[] = FACILITATOR_FEATURES,
): RankedParty {
  const measures = measuresOf(x, p);
  const { score, contributions } = facilitatorScore(measures, features);
  const party = x.table.parties[p];
  return {
    rank,
    party: p,
    name: party.name,
    countries: party.countries,
    score,
    measures: { ...measures, rows: x.rows[p], counterparties: x.counterparties[p] },
    evidence: contributions.map((c) => evidenceOf(x, p, c)),
  };
}

function largestRows(x: NetworkExposure, rows: readonly number[]): Transaction[] {
  return [...rows]
    .sort((a, b) => x.table.value[b] - x.table.value[a] || a - b)
    .slice(0, EVIDENCE_ROWS)
    .map((r) => x.table.transaction(r));
}

function evidenceOf(x: NetworkExposure, p: number, c: FeatureContribution): FeatureEvidence {
  switch (c.feature) {
    case 'designatedValue':
    case 'designatedShare':
    case 'position': {
      const rows = x.designatedRows.get(p) ?? [];
      return { ...c, transactions: largestRows(x, rows), rowCount: rows.length };
    }
    case 'designatedCounterparts': {
      const rows = x.designatedRows.get(p) ?? [];
      return { ...c, transactions: [], rowCount: rows.length, counterparts: counterpartsOf(x, p, rows) };
    }
    case 'dprkGoods': {
      const rows = x.dprkGoodsRows.get(p) ?? [];
      return { ...c, transactions: largestRows(x, rows), rowCount: rows.length };
    }
    case 'proximity': {
      const path = pathOf(x, p);
      return { ...c, transactions: path.flatMap((s) => (s.via ? [s.via] : [])), rowCount: path.length - 1, path };
    }
  }
}

/** The designated counterparts of a party, with the value traded with each, largest first. */
function counterpartsOf(x: NetworkExposure, p: number, rows: readonly number[]): DesignatedCounterpart[] {
  const { table, designations } = x;
  // By listed record: the spellings of one record are one counterpart, each spelling counted.
  const byRecord = new Map<string, DesignatedCounterpart & { spellings: Map<string, number> }>();
  const add = (kind: 'party' | 'vessel', name: string, designation: Designation, value: number) => {
    let c = byRecord.get(designation.recordId);
    if (!c) byRecord.set(designation.recordId, (c = { names: [], kind, designation, value: 0, rows: 0, spellings: new Map() }));
    c.value += value;
    c.rows++;
    c.spellings.set(name, (c.spellings.get(name) ?? 0) + 1);
  };
  for (const r of rows) {
    const q = table.payer[r] === p ? table.payee[r] : table.payer[r];
    const partyDesignation = designations.parties.get(q);
    if (partyDesignation) add('party', table.parties[q].name, partyDesignation, table.value[r]);
    const vesselDesignation = designations.vessels.get(table.vessel[r]);
    if (vesselDesignation) add('vessel', table.vessels.values[table.vessel[r]], vesselDesignation, table.value[r]);
  }
  return [...byRecord.values()]
    .sort((a, b) => b.value - a.value || a.designation.recordId.localeCompare(b.designation.recordId))
    .slice(0, EVIDENCE_COUNTERPARTS)
    .map(({ spellings, ...c }) => ({
      ...c,
      names: [...spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n]) => n),
    }));
}

/** The shortest path breadth-first search found from the party to a designated party. */
function pathOf(x: NetworkExposure, p: number): PathStep[] {
  const { table, designations } = x;
  if (x.distance[p] > MAX_PATH_LENGTH) return [];
  const path: PathStep[] = [];
  let at = p;
  while (x.distance[at] > 0) {
    path.push({ name: table.parties[at].name, via: table.transaction(x.nextRow[at]) });
    at = x.nextParty[at];
  }
  path.push({ name: table.parties[at].name, designation: designations.parties.get(at)! });
  return path;
}
