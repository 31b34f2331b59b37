/**
 * @module ownership/exposure
 * How close a party is to designated persons over every kind of tie (ownership, control, directorship,
 * family, associates, the lists' own links), whatever the regimes decide: for each designated person
 * within reach, the shortest paths (fewest steps) and the strongest path (greatest product of the ties'
 * strengths), each step with its edge and where it was stated. Edges are walked in either direction; the
 * step keeps the direction the source stated.
 *
 * @example
 * exposurePaths(graph, 'ofac:22197', { depth: 2 });
 * // [{ nodeId: 'ofac:22198', distance: 1, strongest: { strength: 0.5, steps: [{ edge: { kind: 'listLink', … } }] }, … }]
 */
import { EDGE_ROLE, SHARE_FLAG, forEachAdjacent, type CompiledOwnershipGraph } from './compiled-graph.js';
import type { EdgeKind, GraphSource, ShareRange } from './graph.js';
import { fromShareUnits } from './shares.js';

/**
 * How strongly one edge ties its two parties, from 0 to 1; a path's strength is the product along it.
 * An ownership edge with a share ties by its share (a range by its upper end: exposure asks how close a
 * party could be). The other weights are judgements, not measurements: control nearly as strong as full
 * ownership; a directorship, then a family tie, then an association or a list's bare link, weaker each.
 * Change them here; nothing else holds a weight.
 */
export const EXPOSURE_EDGE_STRENGTH: Readonly<Record<Exclude<EdgeKind, 'ownership'> | 'ownershipWithoutShare', number>> = {
  ownershipWithoutShare: 0.5,
  control: 0.9,
  directorship: 0.7,
  family: 0.6,
  associate: 0.5,
  listLink: 0.5,
};

export const DEFAULT_EXPOSURE_DEPTH = 3;

export interface ExposureOptions {
  /** Most steps in a path (default 3). */
  depth?: number;
  /** Most designated persons returned (default 10), strongest first. */
  maxTargets?: number;
  /** Most shortest paths returned per designated person (default 3). */
  maxShortestPaths?: number;
}

/** One edge walked, as its source states it. */
export interface ExposureEdge {
  id: string;
  kind: EdgeKind;
  /** The edge's own direction: `from` holds, controls, directs or states the tie to `to`. */
  from: string;
  to: string;
  share?: ShareRange;
  /** The source's words for the tie: a role, relation, label or control detail. */
  label?: string;
  source: GraphSource;
  date?: string;
}

export interface ExposureStep {
  /** The party the step leaves and the one it reaches, in the order the path walks them. */
  from: string;
  to: string;
  edge: ExposureEdge;
  strength: number;
}

export interface ExposurePath {
  steps: ExposureStep[];
  /** The product of the steps' strengths. */
  strength: number;
}

export interface ExposureTarget {
  nodeId: string;
  name: string;
  /** Fewest steps from the party. */
  distance: number;
  shortest: ExposurePath[];
  strongest: ExposurePath;
}

/**
 * Designated persons within `depth` steps of a party, strongest tie first (then fewest steps, then id);
 * undefined for an id the graph does not hold. The party itself is never its own target.
 */
export function exposurePaths(graph: CompiledOwnershipGraph, nodeId: string, options: ExposureOptions = {}): ExposureTarget[] | undefined {
  const start = graph.nodeIndex.get(nodeId);
  if (start === undefined) return undefined;
  const depth = options.depth ?? DEFAULT_EXPOSURE_DEPTH;
  const maxTargets = options.maxTargets ?? 10;
  const maxShortest = options.maxShortestPaths ?? 3;
  const shortest = shortestPathParents(graph, start, depth, maxShortest);
  const strongest = strongestWalks(graph, start, depth);
  const targets: ExposureTarget[] = [];
  for (const [v, { distance }] of shortest) {
    if (v === start || !isDesignated(graph, v)) continue;
    targets.push({
      nodeId: graph.nodes[v].id,
      name: graph.nodes[v].name,
      distance,
      shortest: enumerateShortest(graph, shortest, start, v, maxShortest),
      strongest: strongestPathTo(graph, strongest, v),
    });
  }
  targets.sort(
    (a, b) =>
      b.strongest.strength - a.strongest.strength || a.distance - b.distance || (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0),
  );
  return targets.slice(0, maxTargets);
}

/** A designated record (on any list), or a user's party matched to one. */
function isDesignated(g: CompiledOwnershipGraph, v: number): boolean {
  const record = g.resolvedRecord[v];
  return g.designated[v] === 1 || (record >= 0 && g.designated[record] === 1);
}

function edgeStrength(g: CompiledOwnershipGraph, e: number): number {
  const edge = g.edges[e];
  if (edge.kind === 'ownership')
    return g.edgeRole[e] === EDGE_ROLE.exposureOnly ? EXPOSURE_EDGE_STRENGTH.ownershipWithoutShare : fromShareUnits(g.shareMax[e]) / 100;
  return EXPOSURE_EDGE_STRENGTH[edge.kind];
}

function isLive(g: CompiledOwnershipGraph, e: number): boolean {
  return (g.shareFlags[e] & SHARE_FLAG.removed) === 0;
}

function otherEnd(g: CompiledOwnershipGraph, e: number, v: number): number {
  return g.edgeFrom[e] === v ? g.edgeTo[e] : g.edgeFrom[e];
}

interface Reached {
  distance: number;
  /** Up to `maxShortest` (previous node, edge) pairs one step closer to the start. */
  parents: [number, number][];
}

/** Breadth-first search to `depth`, keeping a few parents per node for the shortest paths. */
function shortestPathParents(g: CompiledOwnershipGraph, start: number, depth: number, maxParents: number): Map<number, Reached> {
  const reached = new Map<number, Reached>([[start, { distance: 0, parents: [] }]]);
  let frontier = [start];
  for (let d = 1; d <= depth && frontier.length > 0; d++) {
    const next: number[] = [];
    for (const u of frontier) {
      forEachAdjacent(g, u, (e) => {
        if (!isLive(g, e)) return;
        const w = otherEnd(g, e, u);
        const known = reached.get(w);
        if (known === undefined) {
          reached.set(w, { distance: d, parents: [[u, e]] });
          next.push(w);
        } else if (known.distance === d && known.parents.length < maxParents) known.parents.push([u, e]);
      });
    }
    frontier = next;
  }
  return reached;
}

function enumerateShortest(
  g: CompiledOwnershipGraph,
  reached: Map<number, Reached>,
  start: number,
  target: number,
  max: number,
): ExposurePath[] {
  const paths: ExposurePath[] = [];
  const walk = (v: number, suffix: ExposureStep[]): void => {
    if (paths.length >= max) return;
    if (v === start) {
      paths.push({ steps: suffix, strength: suffix.reduce((p, s) => p * s.strength, 1) });
      return;
    }
    for (const [u, e] of reached.get(v)!.parents) walk(u, [stepOf(g, u, v, e), ...suffix]);
  };
  walk(target, []);
  return paths;
}

interface Walk {
  strength: number;
  previous: number;
  edge: number;
}

/**
 * The strongest walk of exactly h steps to each node, for h = 1..depth. Strengths are at most 1, so a walk
 * that comes back on itself is never stronger than its shortcut; the strongest path to a target is taken
 * at the fewest steps that reach the best strength, which is then a simple path.
 */
function strongestWalks(g: CompiledOwnershipGraph, start: number, depth: number): Map<number, Walk>[] {
  const layers: Map<number, Walk>[] = [new Map([[start, { strength: 1, previous: -1, edge: -1 }]])];
  for (let h = 1; h <= depth; h++) {
    const layer = new Map<number, Walk>();
    for (const [u, walk] of layers[h - 1]) {
      forEachAdjacent(g, u, (e) => {
        if (!isLive(g, e)) return;
        const w = otherEnd(g, e, u);
        const strength = walk.strength * edgeStrength(g, e);
        const best = layer.get(w);
        if (best === undefined || strength > best.strength) layer.set(w, { strength, previous: u, edge: e });
      });
    }
    layers.push(layer);
  }
  return layers;
}

function strongestPathTo(g: CompiledOwnershipGraph, layers: Map<number, Walk>[], target: number): ExposurePath {
  let bestLayer = -1;
  for (let h = 1; h < layers.length; h++) {
    const walk = layers[h].get(target);
    if (walk !== undefined && (bestLayer < 0 || walk.strength > layers[bestLayer].get(target)!.strength)) bestLayer = h;
  }
  const steps: ExposureStep[] = [];
  let v = target;
  for (let h = bestLayer; h > 0; h--) {
    const walk = layers[h].get(v)!;
    steps.unshift(stepOf(g, walk.previous, v, walk.edge));
    v = walk.previous;
  }
  return { steps, strength: layers[bestLayer].get(target)!.strength };
}

function stepOf(g: CompiledOwnershipGraph, from: number, to: number, e: number): ExposureStep {
  const edge = g.edges[e];
  const stated: ExposureEdge = { id: edge.id, kind: edge.kind, from: edge.from, to: edge.to, source: edge.source };
  if (edge.date !== undefined) stated.date = edge.date;
  if (edge.kind === 'ownership' && edge.share !== undefined) stated.share = edge.share;
  const label =
    edge.kind === 'control'
      ? (edge.detail ?? edge.basis)
      : edge.kind === 'directorship'
        ? edge.role
        : edge.kind === 'family'
          ? edge.relation
          : edge.kind === 'associate' || edge.kind === 'listLink'
            ? edge.label
            : undefined;
  if (label !== undefined) stated.label = label;
  return { from: g.nodes[from].id, to: g.nodes[to].id, edge: stated, strength: edgeStrength(g, e) };
}
