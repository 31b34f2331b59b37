/**
 * @module ownership/graph-changes
 * Changes to a compiled graph in place, for incremental re-evaluation: parties and edges added, edges
 * removed, designations set or lifted. New edges go to the overlay lists beside the CSR arrays; a removed
 * edge is flagged and loses its role, so every walk skips it without the arrays being rebuilt.
 */
import { MAX_SUMMARISED_CHAIN_EDGES, linkMatchedParties, refreshIndirectRole, writeEdge } from './compile.js';
import {
  EDGE_ROLE,
  SHARE_FLAG,
  describeSource,
  forEachAdjacent,
  forEachBlockingIn,
  listCode,
  type CompiledOwnershipGraph,
} from './compiled-graph.js';
import type { GraphEdge, GraphNode } from './graph.js';

/** Adds parties; returns their indices. A party whose id is already in the graph is reported and skipped. */
export function addNodesToGraph(g: CompiledOwnershipGraph, nodes: readonly GraphNode[]): number[] {
  const start = g.nodes.length;
  const added: number[] = [];
  for (const node of nodes) {
    if (g.nodeIndex.has(node.id)) {
      g.problems.push({
        kind: 'duplicateNode',
        nodeId: node.id,
        source: node.source,
        message: `${describeSource(node.source)}: party ${node.id} is already in the graph; the earlier statement is kept`,
      });
      continue;
    }
    g.nodeIndex.set(node.id, g.nodes.length);
    added.push(g.nodes.length);
    g.nodes.push(node);
  }
  growNodeArrays(g, g.nodes.length);
  for (const v of added) {
    g.designated[v] = g.nodes[v].designated === true ? 1 : 0;
    g.designatingList[v] = listCode(g.nodes[v]);
  }
  linkMatchedParties(g, start);
  return added;
}

/** Adds edges; returns the indices of those accepted (unknown ends and duplicate ids are reported and skipped). */
export function addEdgesToGraph(g: CompiledOwnershipGraph, edges: readonly GraphEdge[]): number[] {
  growEdgeArrays(g, g.edges.length + edges.length);
  const added: number[] = [];
  for (const edge of edges) {
    // As in compilation, a statement given twice is found among the edges between the same two parties.
    if (findEdge(g, edge) >= 0) {
      g.problems.push({
        kind: 'duplicateEdge',
        edgeId: edge.id,
        source: edge.source,
        message: `${describeSource(edge.source)}: edge ${edge.id} is already in the graph; the earlier statement is kept`,
      });
      continue;
    }
    const e = g.edges.length;
    if (!writeEdge(g, edge, e)) continue;
    g.edges.push(edge);
    added.push(e);
    appendTo(g.extraAdj, g.edgeFrom[e], e);
    if (g.edgeTo[e] !== g.edgeFrom[e]) appendTo(g.extraAdj, g.edgeTo[e], e);
    if (g.edgeRole[e] !== EDGE_ROLE.exposureOnly) {
      appendTo(g.extraIn, g.edgeTo[e], e);
      appendTo(g.extraOut, g.edgeFrom[e], e);
    }
  }
  return added;
}

/** An edge no longer stated: its id, or the edge as stated (then found at its ends, without a scan of every edge). */
export type RemovedEdge = string | Pick<GraphEdge, 'id' | 'from' | 'to'>;

/**
 * Removes edges; returns the indices of those that were in the graph. Edges given with their ends are
 * looked up where they meet; edges given by id alone cost one pass over all edges, for all of them.
 */
export function removeEdgesFromGraph(g: CompiledOwnershipGraph, edges: readonly RemovedEdge[]): number[] {
  const removed: number[] = [];
  const byIdOnly = new Set<string>();
  for (const edge of edges) {
    if (typeof edge === 'string') byIdOnly.add(edge);
    else {
      const e = findEdge(g, edge);
      if (e >= 0) removed.push(e);
    }
  }
  if (byIdOnly.size > 0) for (let e = 0; e < g.edges.length; e++) if (byIdOnly.has(g.edges[e].id) && isLive(g, e)) removed.push(e);
  for (const e of removed) {
    g.shareFlags[e] |= SHARE_FLAG.removed;
    g.edgeRole[e] = EDGE_ROLE.exposureOnly;
  }
  return [...new Set(removed)];
}

/** The live edge with this id between these two parties, or -1. */
function findEdge(g: CompiledOwnershipGraph, edge: Pick<GraphEdge, 'id' | 'from' | 'to'>): number {
  const from = g.nodeIndex.get(edge.from);
  const to = g.nodeIndex.get(edge.to);
  if (from === undefined || to === undefined) return -1;
  let found = -1;
  forEachAdjacent(g, from, (e) => {
    if (found < 0 && g.edgeFrom[e] === from && g.edgeTo[e] === to && isLive(g, e) && g.edges[e].id === edge.id) found = e;
  });
  return found;
}

function isLive(g: CompiledOwnershipGraph, e: number): boolean {
  return (g.shareFlags[e] & SHARE_FLAG.removed) === 0;
}

/**
 * Rechecks the stated indirect holdings whose summarised chain the changed edges can be part of: those
 * whose owner reaches a changed edge's owner through at most `MAX_SUMMARISED_CHAIN_EDGES` holdings (found
 * by walking holdings backwards from the changed edges). Returns the edges that stopped counting (a chain
 * now carries the stake) and those that started (their chain is gone).
 */
export function refreshIndirectEdges(
  g: CompiledOwnershipGraph,
  changedEdges: readonly number[],
): { summarised: number[]; counted: number[] } {
  const summarised: number[] = [];
  const counted: number[] = [];
  if (g.indirectEdges.length === 0 || changedEdges.length === 0) return { summarised, counted };
  const upstream = new Set<number>();
  let frontier = changedEdges.map((e) => g.edgeFrom[e]);
  for (const v of frontier) upstream.add(v);
  for (let hops = 0; hops < MAX_SUMMARISED_CHAIN_EDGES && frontier.length > 0; hops++) {
    const next: number[] = [];
    for (const v of frontier)
      forEachBlockingIn(g, v, (e) => {
        if (g.edgeRole[e] !== EDGE_ROLE.share || upstream.has(g.edgeFrom[e])) return;
        upstream.add(g.edgeFrom[e]);
        next.push(g.edgeFrom[e]);
      });
    frontier = next;
  }
  for (const e of g.indirectEdges) {
    if (!upstream.has(g.edgeFrom[e]) || !refreshIndirectRole(g, e)) continue;
    (g.edgeRole[e] === EDGE_ROLE.summarisedIndirect ? summarised : counted).push(e);
  }
  return { summarised, counted };
}

function appendTo(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Makes room in the per-node arrays for `count` nodes (the CSR arrays keep their size: see `csrNodeCount`). */
function growNodeArrays(g: CompiledOwnershipGraph, count: number): void {
  if (g.designated.length >= count) return;
  const capacity = Math.max(count, Math.ceil(g.designated.length * 1.5));
  g.designated = grown(g.designated, new Uint8Array(capacity));
  g.designatingList = grown(g.designatingList, new Uint8Array(capacity));
  const resolved = new Int32Array(capacity).fill(-1);
  resolved.set(g.resolvedRecord);
  g.resolvedRecord = resolved;
}

/** Makes room in the per-edge arrays for `count` edges, growing by half again so that repeated additions stay linear. */
function growEdgeArrays(g: CompiledOwnershipGraph, count: number): void {
  if (g.edgeFrom.length >= count) return;
  const capacity = Math.max(count, Math.ceil(g.edgeFrom.length * 1.5));
  g.edgeFrom = grown(g.edgeFrom, new Int32Array(capacity));
  g.edgeTo = grown(g.edgeTo, new Int32Array(capacity));
  g.edgeRole = grown(g.edgeRole, new Uint8Array(capacity));
  g.shareMin = grown(g.shareMin, new Float64Array(capacity));
  g.shareMax = grown(g.shareMax, new Float64Array(capacity));
  g.shareFlags = grown(g.shareFlags, new Uint8Array(capacity));
  g.edgeJoint = grown(g.edgeJoint, new Int32Array(capacity));
  g.controlBasis = grown(g.controlBasis, new Uint8Array(capacity));
}

function grown<T extends Int32Array | Uint8Array | Float64Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
