/**
 * @module ownership/compile
 * Turns ownership statements (nodes and edges, as the parsers give them) into the compact graph the
 * fixpoint walks, and reports every statement it cannot use as given: an edge to an unknown party, a
 * share outside 0–100 or with its ends crossed, a duplicate id, a match to a record the graph lacks.
 *
 * @example
 * const graph = compileOwnershipGraph({ nodes, edges });
 * graph.problems; // [{ kind: 'invalidShare', message: 'register.csv row 7: edge csv:7: share 120% is above 100%', … }]
 */
import {
  CONTROL_BASES,
  EDGE_ROLE,
  SHARE_FLAG,
  describeSource,
  forEachBlockingOut,
  listCode,
  type CompiledOwnershipGraph,
  type OwnershipGraphProblem,
} from './compiled-graph.js';
import type { GraphEdge, GraphNode, OwnershipStatements, ShareRange } from './graph.js';
import { toShareUnits } from './shares.js';

/**
 * How many edges a direct chain may have for a stated indirect holding to be taken as its summary. BODS
 * registers state an indirect interest for the chain they know, a handful of links long; the bound keeps
 * the search for such chains from walking the whole graph from every indirect statement. A chain longer
 * than this is not recognised, and its indirect statement counts beside it.
 */
export const MAX_SUMMARISED_CHAIN_EDGES = 10;

export function compileOwnershipGraph(statements: OwnershipStatements): CompiledOwnershipGraph {
  const problems: OwnershipGraphProblem[] = [];
  const nodes: GraphNode[] = [];
  const nodeIndex = new Map<string, number>();
  for (const node of statements.nodes) {
    if (nodeIndex.get(node.id) !== undefined) {
      problems.push({
        kind: 'duplicateNode',
        nodeId: node.id,
        source: node.source,
        message: `${describeSource(node.source)}: party ${node.id} is stated twice; the first statement is used`,
      });
      continue;
    }
    nodeIndex.set(node.id, nodes.length);
    nodes.push(node);
  }
  const n = nodes.length;
  // Room for the edges later change sets add, so that the first new ownership file does not copy every array.
  const capacity = statements.edges.length + Math.max(1024, statements.edges.length >> 4);
  const g: CompiledOwnershipGraph = {
    nodes,
    nodeIndex,
    designated: new Uint8Array(n),
    designatingList: new Uint8Array(n),
    resolvedRecord: new Int32Array(n).fill(-1),
    partiesResolvedTo: new Map(),
    csrNodeCount: n,
    edges: [],
    edgeFrom: new Int32Array(capacity),
    edgeTo: new Int32Array(capacity),
    edgeRole: new Uint8Array(capacity),
    shareMin: new Float64Array(capacity),
    shareMax: new Float64Array(capacity),
    shareFlags: new Uint8Array(capacity),
    edgeJoint: new Int32Array(capacity),
    controlBasis: new Uint8Array(capacity),
    jointArrangements: [],
    jointIndex: new Map(),
    inStart: new Int32Array(n + 1),
    inEdges: new Int32Array(0),
    outStart: new Int32Array(n + 1),
    outEdges: new Int32Array(0),
    adjStart: new Int32Array(n + 1),
    adjEdges: new Int32Array(0),
    extraIn: new Map(),
    extraOut: new Map(),
    extraAdj: new Map(),
    indirectEdges: [],
    problems,
  };
  for (let v = 0; v < n; v++) {
    g.designated[v] = nodes[v].designated === true ? 1 : 0;
    g.designatingList[v] = listCode(nodes[v]);
  }
  linkMatchedParties(g, 0);

  // Edge ids are not interned: a set of two million ids costs more than the rest of the build. A statement
  // loaded twice gives two edges with one id between the same two parties, which checkParallelEdges finds.
  const edges: GraphEdge[] = new Array(statements.edges.length);
  let count = 0;
  for (const edge of statements.edges) if (writeEdge(g, edge, count)) edges[count++] = edge;
  edges.length = count;
  g.edges = edges;
  buildAdjacency(g);
  checkParallelEdges(g);
  for (const e of g.indirectEdges) refreshIndirectRole(g, e);
  return g;
}

/**
 * Matches user parties (from `startAt` on) to the listed records they resolve to. A match to a record the
 * graph does not hold is reported: the party then counts as designated for no regime.
 */
export function linkMatchedParties(g: CompiledOwnershipGraph, startAt: number): void {
  for (let v = startAt; v < g.nodes.length; v++) {
    const resolved = g.nodes[v].resolvedTo;
    if (resolved === undefined) continue;
    const record = g.nodeIndex.get(resolved.recordId);
    if (record === undefined) {
      g.problems.push({
        kind: 'unknownResolvedRecord',
        nodeId: g.nodes[v].id,
        source: g.nodes[v].source,
        message: `${describeSource(g.nodes[v].source)}: party ${g.nodes[v].id} was matched to ${resolved.recordId}, which the graph does not hold; it counts as designated for no regime`,
      });
      continue;
    }
    g.resolvedRecord[v] = record;
    const parties = g.partiesResolvedTo.get(record);
    if (parties === undefined) g.partiesResolvedTo.set(record, [v]);
    else parties.push(v);
  }
}

/**
 * Writes one edge's facts at `index` of the typed arrays (which must have room). Returns false, with a
 * problem reported, when an end is unknown; a bad share keeps the edge for exposure but not for holdings.
 */
export function writeEdge(g: CompiledOwnershipGraph, edge: GraphEdge, index: number): boolean {
  const from = g.nodeIndex.get(edge.from);
  const to = g.nodeIndex.get(edge.to);
  if (from === undefined || to === undefined) {
    const missing = from === undefined ? edge.from : edge.to;
    g.problems.push({
      kind: 'unknownNode',
      edgeId: edge.id,
      source: edge.source,
      message: `${describeSource(edge.source)}: edge ${edge.id} names party ${missing}, which no statement introduces; the edge is not used`,
    });
    return false;
  }
  g.edgeFrom[index] = from;
  g.edgeTo[index] = to;
  g.edgeJoint[index] = -1;
  g.shareMin[index] = 0;
  g.shareMax[index] = 0;
  g.shareFlags[index] = 0;
  g.controlBasis[index] = 0;
  g.edgeRole[index] = EDGE_ROLE.exposureOnly;
  if (edge.kind === 'control') {
    g.controlBasis[index] = Math.max(0, CONTROL_BASES.indexOf(edge.basis));
    const invalid = edge.share === undefined ? undefined : shareProblem(edge.share);
    if (invalid !== undefined) {
      g.problems.push({
        kind: 'invalidShare',
        edgeId: edge.id,
        source: edge.source,
        message: `${describeSource(edge.source)}: edge ${edge.id}: votes ${invalid}; the edge counts as a link, not as control`,
      });
      return true;
    }
    g.edgeRole[index] = EDGE_ROLE.control;
    if (edge.share !== undefined) {
      writeShare(g, index, edge.share);
      g.shareFlags[index] |= SHARE_FLAG.controlVotes;
    }
  } else if (edge.kind === 'ownership' && edge.share !== undefined) {
    const invalid = shareProblem(edge.share);
    if (invalid !== undefined) {
      g.problems.push({
        kind: 'invalidShare',
        edgeId: edge.id,
        source: edge.source,
        message: `${describeSource(edge.source)}: edge ${edge.id}: ${invalid}; the edge counts as a link without a share`,
      });
    } else {
      g.edgeRole[index] = EDGE_ROLE.share;
      writeShare(g, index, edge.share);
      if (edge.directness === 'indirect') {
        g.shareFlags[index] |= SHARE_FLAG.indirect;
        g.indirectEdges.push(index);
      }
      if (edge.jointArrangement !== undefined) g.edgeJoint[index] = jointId(g, edge.jointArrangement);
    }
  }
  return true;
}

function writeShare(g: CompiledOwnershipGraph, index: number, share: ShareRange): void {
  g.shareMin[index] = toShareUnits(share.min);
  g.shareMax[index] = toShareUnits(share.max);
  g.shareFlags[index] = (share.minInclusive ? 0 : SHARE_FLAG.minExclusive) | (share.maxInclusive ? 0 : SHARE_FLAG.maxExclusive);
}

function jointId(g: CompiledOwnershipGraph, name: string): number {
  let id = g.jointIndex.get(name);
  if (id === undefined) {
    id = g.jointArrangements.length;
    g.jointArrangements.push(name);
    g.jointIndex.set(name, id);
  }
  return id;
}

/** Why a share cannot be used, or undefined when it can. */
function shareProblem(share: ShareRange): string | undefined {
  const { min, max } = share;
  if (!Number.isFinite(min) || !Number.isFinite(max)) return `share ${min}–${max}% is not a number`;
  if (min < 0) return `share ${min}% is below 0%`;
  if (max > 100) return `share ${max}% is above 100%`;
  if (min > max) return `share range ${min}–${max}% has its lower end above its upper end`;
  if (min === max && !(share.minInclusive && share.maxInclusive)) return `share range at ${min}% with an exclusive end holds no value`;
  return undefined;
}

/** Counting sort of the edges into the three CSR arrays. */
function buildAdjacency(g: CompiledOwnershipGraph): void {
  const n = g.nodes.length;
  const m = g.edges.length;
  let blocking = 0;
  for (let e = 0; e < m; e++) {
    g.adjStart[g.edgeFrom[e] + 1]++;
    if (g.edgeTo[e] !== g.edgeFrom[e]) g.adjStart[g.edgeTo[e] + 1]++;
    if (g.edgeRole[e] !== EDGE_ROLE.exposureOnly) {
      g.inStart[g.edgeTo[e] + 1]++;
      g.outStart[g.edgeFrom[e] + 1]++;
      blocking++;
    }
  }
  for (let v = 0; v < n; v++) {
    g.adjStart[v + 1] += g.adjStart[v];
    g.inStart[v + 1] += g.inStart[v];
    g.outStart[v + 1] += g.outStart[v];
  }
  g.adjEdges = new Int32Array(g.adjStart[n]);
  g.inEdges = new Int32Array(blocking);
  g.outEdges = new Int32Array(blocking);
  const adjFill = g.adjStart.slice(0, n);
  const inFill = g.inStart.slice(0, n);
  const outFill = g.outStart.slice(0, n);
  for (let e = 0; e < m; e++) {
    const from = g.edgeFrom[e];
    const to = g.edgeTo[e];
    g.adjEdges[adjFill[from]++] = e;
    if (to !== from) g.adjEdges[adjFill[to]++] = e;
    if (g.edgeRole[e] !== EDGE_ROLE.exposureOnly) {
      g.inEdges[inFill[to]++] = e;
      g.outEdges[outFill[from]++] = e;
    }
  }
}

/**
 * Edges between the same two parties. Two with the same id are one statement loaded twice: the later is
 * not used, and reported. Two ownership edges with shares and different ids are both counted (they may be
 * different share classes, or two registers' statements of one holding), and the user is told, so that a
 * holding stated twice is not taken for twice the holding without anyone noticing.
 */
function checkParallelEdges(g: CompiledOwnershipGraph): void {
  const firstByOwner = new Map<number, number>();
  for (let v = 0; v < g.nodes.length; v++) {
    const start = g.inStart[v];
    const end = g.inStart[v + 1];
    if (end - start < 2) continue;
    if (end - start <= 16) {
      // Few owners: compare each pair.
      for (let i = start + 1; i < end; i++) for (let j = start; j < i; j++) if (checkPair(g, g.inEdges[j], g.inEdges[i])) break;
      continue;
    }
    // A widely held entity: each edge against the first from the same owner.
    firstByOwner.clear();
    for (let i = start; i < end; i++) {
      const e = g.inEdges[i];
      const first = firstByOwner.get(g.edgeFrom[e]);
      if (first === undefined) firstByOwner.set(g.edgeFrom[e], e);
      else checkPair(g, first, e);
    }
  }
}

/** Reports edge `e` against an earlier edge into the same entity from the same owner; true if it did. */
function checkPair(g: CompiledOwnershipGraph, earlier: number, e: number): boolean {
  if (g.edgeFrom[earlier] !== g.edgeFrom[e] || (g.shareFlags[earlier] & SHARE_FLAG.removed) !== 0) return false;
  const edge = g.edges[e];
  if (edge.id === g.edges[earlier].id) {
    g.shareFlags[e] |= SHARE_FLAG.removed;
    g.edgeRole[e] = EDGE_ROLE.exposureOnly;
    g.problems.push({
      kind: 'duplicateEdge',
      edgeId: edge.id,
      source: edge.source,
      message: `${describeSource(edge.source)}: edge ${edge.id} is stated twice; the first statement is used`,
    });
    return true;
  }
  if (g.edgeRole[e] !== EDGE_ROLE.share || g.edgeRole[earlier] !== EDGE_ROLE.share) return false;
  g.problems.push({
    kind: 'parallelOwnership',
    edgeId: edge.id,
    source: edge.source,
    message: `${describeSource(edge.source)}: edge ${edge.id} states a holding of ${edge.from} in ${edge.to} beside edge ${g.edges[earlier].id}; both are counted`,
  });
  return true;
}

/**
 * An indirect holding (BODS `directOrIndirect: indirect`) summarises a chain of holdings. When the graph
 * also holds a direct chain of ownership edges with shares (through at least one intermediary) from the
 * same owner to the same entity, the
 * chain carries the stake and the summary is not counted again (no double counting); otherwise the summary
 * is the only figure there is and counts as the owner's holding. Returns whether the role changed.
 */
export function refreshIndirectRole(g: CompiledOwnershipGraph, e: number): boolean {
  if ((g.shareFlags[e] & SHARE_FLAG.removed) !== 0) return false;
  const before = g.edgeRole[e];
  const summarised = directChainExists(g, g.edgeFrom[e], g.edgeTo[e]);
  g.edgeRole[e] = summarised ? EDGE_ROLE.summarisedIndirect : EDGE_ROLE.share;
  if (summarised && before !== EDGE_ROLE.summarisedIndirect) {
    const edge = g.edges[e];
    g.problems.push({
      kind: 'indirectSummarised',
      edgeId: edge.id,
      source: edge.source,
      message: `${describeSource(edge.source)}: edge ${edge.id} states an indirect holding of ${edge.from} in ${edge.to} that the direct chain in the graph already carries; it is not counted again`,
    });
  }
  return before !== g.edgeRole[e];
}

function directChainExists(g: CompiledOwnershipGraph, from: number, to: number): boolean {
  let frontier = [from];
  const seen = new Set<number>([from]);
  for (let hops = 0; hops < MAX_SUMMARISED_CHAIN_EDGES && frontier.length > 0; hops++) {
    const next: number[] = [];
    for (const u of frontier) {
      let found = false;
      forEachBlockingOut(g, u, (e) => {
        if (found || g.edgeRole[e] !== EDGE_ROLE.share || (g.shareFlags[e] & SHARE_FLAG.indirect) !== 0) return;
        const w = g.edgeTo[e];
        // A direct holding of the owner in the entity itself is a holding beside the indirect one (BODS
        // mixed-direct-and-indirect-ownership: 50% direct and 50% through Company B), not its summary:
        // only a chain through an intermediary carries what an indirect holding states.
        if (w === to) found = hops > 0;
        else if (!seen.has(w)) {
          seen.add(w);
          next.push(w);
        }
      });
      if (found) return true;
    }
    frontier = next;
  }
  return false;
}
