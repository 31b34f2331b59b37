/**
 * Hand-made ownership graphs for the ownership tests: parties named by one letter, edges written as
 * `['X', 'A', 50]` (X owns 50% of A) the way `../shared/data/ownership/ofac_50pct_cases.json` writes them.
 */
import {
  exactShare,
  type GraphEdge,
  type GraphNode,
  type OwnershipStatements,
  type ShareRange,
} from '../packages/core/src/ownership/graph.js';

/** X owns `share` of A: a percentage, or a range as BODS writes one. */
export type OwnershipRow = [owner: string, owned: string, share: number | ShareRange, joint?: string];
/** X controls A, on a basis. */
export type ControlRow = [controller: string, controlled: string, detail?: string];

export interface HandGraph {
  designated: string[];
  ownership?: OwnershipRow[];
  control?: ControlRow[];
  /** Parties that appear in no edge. */
  others?: string[];
}

/** A range `min`–`max`, inclusive unless said. */
export function range(min: number, max: number, minInclusive = true, maxInclusive = true): ShareRange {
  return { min, max, minInclusive, maxInclusive };
}

/** The statements of a hand graph: node ids are the letters, edge ids `o<row>` and `c<row>`, sources a file `hand.csv`. */
export function handGraph(graph: HandGraph): OwnershipStatements {
  const names = new Set<string>([...graph.designated, ...(graph.others ?? [])]);
  for (const [a, b] of graph.ownership ?? []) names.add(a).add(b);
  for (const [a, b] of graph.control ?? []) names.add(a).add(b);
  const designated = new Set(graph.designated);
  const nodes: GraphNode[] = [...names].map((id) => ({
    id,
    name: id,
    designated: designated.has(id) || undefined,
    source: { kind: designated.has(id) ? 'list' : 'file', file: 'hand.csv' },
  }));
  const edges: GraphEdge[] = [];
  (graph.ownership ?? []).forEach(([from, to, share, joint], i) =>
    edges.push({
      id: `o${i + 1}`,
      kind: 'ownership',
      from,
      to,
      share: typeof share === 'number' ? exactShare(share) : share,
      directness: 'direct',
      jointArrangement: joint,
      source: { kind: 'file', file: 'hand.csv', row: i + 2 },
    }),
  );
  (graph.control ?? []).forEach(([from, to, detail], i) =>
    edges.push({
      id: `c${i + 1}`,
      kind: 'control',
      from,
      to,
      basis: 'boardAppointment',
      detail,
      source: { kind: 'file', file: 'hand.csv', row: i + 2 },
    }),
  );
  return { nodes, edges };
}

/**
 * The companies OFAC designated on 22 August 2017 (ids in ../shared/data/lists/PROVENANCE.md) and their
 * designated neighbours one "Linked To:" step away on the SDN list of 2023-12-28, whichever record holds the
 * remark, read by hand from the remarks.
 */
export const LINKED_TO_2017_DESIGNATIONS: Readonly<Record<string, readonly string[]>> = {
  '21737': ['20603'],
  '22583': ['15603', '22623'],
  '22603': ['22612'],
  '22605': ['22606'],
  '22606': ['22605', '26096'],
  '22607': ['11599', '22608'],
  '22613': [],
  '22614': [],
  '22703': ['20578', '22702', '22704'],
  '22704': ['20578', '22702', '22703'],
};
