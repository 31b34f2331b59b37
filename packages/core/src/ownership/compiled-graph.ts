/**
 * @module ownership/compiled-graph
 * The compact form of the ownership graph that the fixpoint, proofs and exposure paths walk: node ids
 * interned to integers, each edge's facts in typed arrays, and compressed adjacency (CSR) in both
 * directions. A million parties and two million edges fit in a few hundred megabytes beside the
 * statements themselves, and a walk touches arrays, not objects.
 *
 * Edges added after compilation (by a change set, see `graph-changes.ts`) live in small overlay lists
 * beside the CSR arrays; the iteration helpers here visit both.
 */
import { LIST_SOURCES } from '../model/entity.js';
import type { ControlBasis, GraphEdge, GraphNode, GraphSource } from './graph.js';

/** What an edge does in the fixpoint. */
export const EDGE_ROLE = {
  /** Exposure only: a link without a share (list links, directorships, family, associates, share-less ownership). */
  exposureOnly: 0,
  /** An ownership edge with a valid share: counts toward holdings. */
  share: 1,
  /** A control edge: blocks where the regime says control does. */
  control: 2,
  /** A stated indirect holding summarised by a direct chain that the graph also holds: not counted again. */
  summarisedIndirect: 3,
} as const;

/** Bits of `shareFlags`. */
export const SHARE_FLAG = { minExclusive: 1, maxExclusive: 2, indirect: 4, removed: 8, controlVotes: 16 } as const;

/** Control bases by their index in `controlBasis`. */
export const CONTROL_BASES: readonly ControlBasis[] = ['boardAppointment', 'votingRights', 'other'];

export type OwnershipGraphProblemKind =
  | 'duplicateNode'
  | 'duplicateEdge'
  | 'unknownNode'
  | 'unknownEdge'
  | 'invalidShare'
  | 'unknownResolvedRecord'
  | 'parallelOwnership'
  | 'indirectSummarised';

/**
 * A fact the graph could not use as given, or used in a way the user should know: reported, never dropped
 * in silence. The message names the file and row (or list record, or statement) the fact came from.
 */
export interface OwnershipGraphProblem {
  kind: OwnershipGraphProblemKind;
  message: string;
  nodeId?: string;
  edgeId?: string;
  source?: GraphSource;
}

export interface CompiledOwnershipGraph {
  /** Nodes by index. */
  nodes: GraphNode[];
  nodeIndex: Map<string, number>;
  /** Per node, 1 when it is designated (on a list in force, or marked so by the user). */
  designated: Uint8Array;
  /** Per node, the list that designates it: see `listCode`. */
  designatingList: Uint8Array;
  /** Per node, the index of the listed record a user's party was matched to, or -1. */
  resolvedRecord: Int32Array;
  /** Per listed record, the user's parties matched to it (they count as that designated person). */
  partiesResolvedTo: Map<number, number[]>;
  /** Nodes with an index below this have their edges in the CSR arrays (the rest only in the overlay). */
  csrNodeCount: number;

  /** Edges by index (accepted edges only; rejected ones are in `problems`). */
  edges: GraphEdge[];
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  edgeRole: Uint8Array;
  /** Lower and upper end of the share (of a control edge: of the votes), in share units (see `shares.ts`); 0 without one. */
  shareMin: Float64Array;
  shareMax: Float64Array;
  shareFlags: Uint8Array;
  /** Index into `jointArrangements`, or -1. */
  edgeJoint: Int32Array;
  /** Index into `CONTROL_BASES` for control edges. */
  controlBasis: Uint8Array;
  jointArrangements: string[];
  jointIndex: Map<string, number>;

  /** Ownership-with-share and control edges by target (`inEdges[inStart[v]..inStart[v+1]]`) and by source. */
  inStart: Int32Array;
  inEdges: Int32Array;
  outStart: Int32Array;
  outEdges: Int32Array;
  /** Every edge at both its ends, for exposure paths over all kinds. */
  adjStart: Int32Array;
  adjEdges: Int32Array;
  /** Edges added after compilation, by node. */
  extraIn: Map<number, number[]>;
  extraOut: Map<number, number[]>;
  extraAdj: Map<number, number[]>;

  /** Edges stating an indirect holding with a valid share: whether each is summarised is rechecked on change. */
  indirectEdges: number[];
  problems: OwnershipGraphProblem[];
}

export function nodeCount(g: CompiledOwnershipGraph): number {
  return g.nodes.length;
}

export function edgeCount(g: CompiledOwnershipGraph): number {
  return g.edges.length;
}

/** `designatingList` of a node whose source names no list (a user's own designated party): every regime counts it. */
export const NO_LIST = 0;
/**
 * The bit of a list Embargo does not know in `designatingList`: no regime counts it. `designatingList` is a
 * Uint8Array, so bits 0–6 hold the seven LIST_SOURCES and this the eighth: an eighth source needs a wider array.
 */
export const OTHER_LIST = 128;

/**
 * The lists that designate a node, as a bit set (bit i for `LIST_SOURCES[i]`, `OTHER_LIST` for a list
 * Embargo does not know): the list of its own record and those of the records other lists keep for the same
 * party (`alsoListedOn`). `NO_LIST` (0) when its source names no list.
 */
export function listCode(node: GraphNode): number {
  let code = 0;
  for (const list of [node.source.list, ...(node.alsoListedOn ?? [])]) {
    if (list === undefined) continue;
    const i = LIST_SOURCES.indexOf(list);
    code |= i < 0 ? OTHER_LIST : 1 << i;
  }
  return code;
}

/** Visit the ownership-with-share and control edges into `v` (summarised and removed ones included: callers check `edgeRole`). */
export function forEachBlockingIn(g: CompiledOwnershipGraph, v: number, visit: (edge: number) => void): void {
  if (v < g.csrNodeCount) for (let i = g.inStart[v], end = g.inStart[v + 1]; i < end; i++) visit(g.inEdges[i]);
  const extra = g.extraIn.get(v);
  if (extra !== undefined) for (const e of extra) visit(e);
}

/** Visit the ownership-with-share and control edges out of `v`. */
export function forEachBlockingOut(g: CompiledOwnershipGraph, v: number, visit: (edge: number) => void): void {
  if (v < g.csrNodeCount) for (let i = g.outStart[v], end = g.outStart[v + 1]; i < end; i++) visit(g.outEdges[i]);
  const extra = g.extraOut.get(v);
  if (extra !== undefined) for (const e of extra) visit(e);
}

/** Visit every edge at `v`, of any kind and either direction (removed ones included: check `SHARE_FLAG.removed`). */
export function forEachAdjacent(g: CompiledOwnershipGraph, v: number, visit: (edge: number) => void): void {
  if (v < g.csrNodeCount) for (let i = g.adjStart[v], end = g.adjStart[v + 1]; i < end; i++) visit(g.adjEdges[i]);
  const extra = g.extraAdj.get(v);
  if (extra !== undefined) for (const e of extra) visit(e);
}

/** "register.csv row 12", "bods.json statement 1dc0…", "list record ofac:12345": where a fact came from. */
export function describeSource(source: GraphSource | undefined): string {
  if (source === undefined) return 'unknown source';
  const parts: string[] = [];
  if (source.file !== undefined) parts.push(source.row !== undefined ? `${source.file} row ${source.row}` : source.file);
  if (source.statementId !== undefined) parts.push(`statement ${source.statementId}`);
  if (source.recordId !== undefined) parts.push(`list record ${source.recordId}`);
  return parts.length > 0 ? parts.join(', ') : source.kind;
}
