/**
 * @module ownership/incremental
 * A new list publication or a new ownership file, applied to an evaluation without evaluating the whole
 * graph again: only the part the change touches is recomputed, and the answer says what changed.
 *
 * - Additions (a designation, a party, an edge) can only lower levels: the fixpoint continues from the
 *   pairs they touch, in order of level, as the full evaluation's rounds would have.
 * - A removal (a designation lifted, an edge removed) can undo what rested on it. Everything derived that
 *   is reachable from the removed designation or edge, through holdings and control, is forgotten, then
 *   recomputed from its owners outside that region, whose statuses cannot have depended on it.
 * The result equals a full evaluation of the changed graph (levels included); the property tests check so.
 * The evaluation and its compiled graph are changed in place.
 *
 * @example
 * const update = applyOwnershipChanges(evaluation, { undesignated: ['ofac:9647'] });
 * update.unblocked; // [{ nodeId: 'csv:acme', regime: 'ofac', before: 'blocked', after: 'none', reason: 'no longer designated: … (ofac:9647)' }]
 */
import { forEachBlockingOut, type OwnershipGraphProblem } from './compiled-graph.js';
import type { OwnershipEvaluation } from './evaluate.js';
import type { GraphEdge, GraphNode } from './graph.js';
import { addEdgesToGraph, addNodesToGraph, refreshIndirectEdges, removeEdgesFromGraph, type RemovedEdge } from './graph-changes.js';
import { edgeCounts, forEachDependent, levelFromOwners } from './levels.js';
import { UNREACHED, jointHolderKey, type OwnershipStatus, type Phase, type RegimeState } from './regime-state.js';
import type { RegimeId } from './regimes.js';

export interface OwnershipChangeSet {
  /** Parties new to the graph (a new ownership file's, a new publication's records). */
  nodesAdded?: GraphNode[];
  /** Records now on a list in force (each regime counts them if it follows the record's list). */
  designated?: string[];
  /** Records no longer on any list in force. */
  undesignated?: string[];
  edgesAdded?: GraphEdge[];
  /**
   * Edges no longer stated: by id, or as stated (with `from` and `to`, they are found where they meet;
   * by id alone, finding them takes a pass over every edge).
   */
  edgesRemoved?: RemovedEdge[];
}

export interface OwnershipStatusChange {
  nodeId: string;
  name: string;
  regime: RegimeId;
  before: OwnershipStatus;
  after: OwnershipStatus;
  /** For a status lost or lowered: the removal it rested on ("no longer designated: X (ofac:1)", "edge removed: …"). */
  reason?: string;
}

export interface OwnershipUpdate {
  /** Entities blocked now that were not. */
  newlyBlocked: OwnershipStatusChange[];
  /** Entities possibly blocked now that were not (including blocked ones that are now only possibly so). */
  newlyPossiblyBlocked: OwnershipStatusChange[];
  /** Entities (and designated persons) that are neither blocked nor possibly blocked any more, with the reason. */
  unblocked: OwnershipStatusChange[];
  /** Problems the change set's statements raised (unknown ids, bad shares), as in compilation. */
  problems: OwnershipGraphProblem[];
  /** How many (regime, party) statuses were looked at: the size of the part of the graph the change touched. */
  touched: number;
}

interface Removal {
  node: number;
  reason: string;
}

/** Applies a change set to an evaluation in place and reports the statuses that changed. */
export function applyOwnershipChanges(evaluation: OwnershipEvaluation, changes: OwnershipChangeSet): OwnershipUpdate {
  const g = evaluation.graph;
  const problemsBefore = g.problems.length;
  const states = [...evaluation.states.values()];
  for (const state of states) state.journal = new Map();

  const addedNodes = changes.nodesAdded?.length ? addNodesToGraph(g, changes.nodesAdded) : [];
  for (const state of states) state.growNodes(g.nodes.length);

  // Designations: note every affected party's status before its designation changes.
  const designationChanges: { v: number; designated: 0 | 1 }[] = [];
  for (const nodeId of changes.designated ?? []) {
    const v = knownNode(g, nodeId, 'designated');
    if (v !== undefined) designationChanges.push({ v, designated: 1 });
  }
  for (const nodeId of changes.undesignated ?? []) {
    const v = knownNode(g, nodeId, 'undesignated');
    if (v !== undefined) designationChanges.push({ v, designated: 0 });
  }
  const rootCandidates = [...addedNodes];
  // Per regime, the key each affected party was a root for (absent: it was not a root).
  const rootsBefore = states.map(() => new Map<number, number>());
  for (const { v } of designationChanges) {
    for (const party of [v, ...(g.partiesResolvedTo.get(v) ?? [])]) {
      rootCandidates.push(party);
      states.forEach((state, i) => {
        if (!state.journal!.has(party)) state.journal!.set(party, state.status(party));
        if (!rootsBefore[i].has(party) && state.isRoot(party)) rootsBefore[i].set(party, state.rootKey(party));
      });
    }
  }
  for (const { v, designated } of designationChanges) g.designated[v] = designated;

  const removedEdges = removeEdgesFromGraph(g, changes.edgesRemoved ?? []);
  reportUnknownEdges(g, changes.edgesRemoved ?? [], removedEdges);
  const addedEdges = changes.edgesAdded?.length ? addEdgesToGraph(g, changes.edgesAdded) : [];
  const removalEdges = removedEdges.map((e) => ({ e, reason: `edge removed: ${g.edges[e].id} (${g.edges[e].from} → ${g.edges[e].to})` }));
  const additionEdges = [...addedEdges];
  if (removedEdges.length > 0 || addedEdges.length > 0) {
    const { summarised, counted } = refreshIndirectEdges(g, [...removedEdges, ...addedEdges]);
    for (const e of summarised)
      removalEdges.push({ e, reason: `indirect holding ${g.edges[e].id} now carried by a direct chain, not counted again` });
    additionEdges.push(...counted);
  }

  let touched = 0;
  const update: OwnershipUpdate = { newlyBlocked: [], newlyPossiblyBlocked: [], unblocked: [], problems: [], touched: 0 };
  states.forEach((state, i) => {
    const removals: Removal[] = removalEdges.map(({ e, reason }) => ({ node: g.edgeTo[e], reason }));
    const seeds: number[] = [];
    for (const party of rootCandidates) {
      const keyBefore = rootsBefore[i].get(party);
      const isRoot = state.isRoot(party);
      // A root that is no longer one, or now holds for another key (a matched party designated in its own right).
      if (keyBefore !== undefined && (!isRoot || state.rootKey(party) !== keyBefore)) {
        const record = g.resolvedRecord[party] >= 0 && !state.designatedHere(party) ? g.resolvedRecord[party] : party;
        removals.push({ node: party, reason: `no longer designated: ${g.nodes[record].name} (${g.nodes[record].id})` });
      }
      if (isRoot) seeds.push(state.obtain(party, state.rootKey(party)));
    }
    const reasons = forgetRegions(state, removals);
    for (const v of reasons.keys()) for (let s = state.firstPair[v]; s >= 0; s = state.pairNext[s]) seeds.push(s);
    for (const e of additionEdges) seedEdge(state, e, seeds);
    const newlyBlockedPairs = propagate(state, 'blocked', seeds);
    propagate(state, 'possible', [...seeds, ...newlyBlockedPairs]);
    touched += state.journal!.size;
    collectChanges(state, reasons, update);
    state.journal = undefined;
  });
  for (const list of [update.newlyBlocked, update.newlyPossiblyBlocked, update.unblocked])
    list.sort((a, b) => (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : a.regime < b.regime ? -1 : 1));
  update.problems = g.problems.slice(problemsBefore);
  update.touched = touched;
  return update;
}

function knownNode(g: OwnershipEvaluation['graph'], nodeId: string, change: string): number | undefined {
  const v = g.nodeIndex.get(nodeId);
  if (v === undefined)
    g.problems.push({
      kind: 'unknownNode',
      nodeId,
      message: `change set: ${change} party ${nodeId} is not in the graph; nothing changed for it`,
    });
  return v;
}

function reportUnknownEdges(g: OwnershipEvaluation['graph'], asked: readonly RemovedEdge[], removed: number[]): void {
  if (asked.length === removed.length) return;
  const found = new Set(removed.map((e) => g.edges[e].id));
  for (const id of asked.map((edge) => (typeof edge === 'string' ? edge : edge.id)))
    if (!found.has(id)) g.problems.push({ kind: 'unknownEdge', edgeId: id, message: `change set: removed edge ${id} is not in the graph` });
}

/**
 * Forgets what is derived in the regions reachable from the removals, through holdings and control, and
 * returns each forgotten node with the reason of the first removal that reached it.
 */
function forgetRegions(state: RegimeState, removals: Removal[]): Map<number, string> {
  const g = state.graph;
  const reasons = new Map<number, string>();
  for (const { node, reason } of removals) {
    if (reasons.has(node) || state.nodeLevelPossible[node] === UNREACHED) continue;
    reasons.set(node, reason);
    const queue = [node];
    for (let i = 0; i < queue.length; i++) {
      forEachBlockingOut(g, queue[i], (e) => {
        const w = g.edgeTo[e];
        if (!edgeCounts(g, state, e) || reasons.has(w) || state.nodeLevelPossible[w] === UNREACHED) return;
        reasons.set(w, reason);
        queue.push(w);
      });
    }
  }
  for (const v of reasons.keys()) state.reset(v);
  return reasons;
}

/** The pairs an added edge can change: its target for each key its source holds for, and its joint arrangement. */
function seedEdge(state: RegimeState, e: number, seeds: number[]): void {
  const g = state.graph;
  if (!edgeCounts(g, state, e)) return;
  const u = g.edgeFrom[e];
  const v = g.edgeTo[e];
  for (let s = state.firstPair[u]; s >= 0; s = state.pairNext[s]) seeds.push(state.obtain(v, state.pairKey[s]));
  if (state.perPerson && g.edgeJoint[e] >= 0) seeds.push(state.obtain(v, jointHolderKey(g.edgeJoint[e])));
}

/**
 * Lowers levels from the seeds on, in order of level (a bucket queue), so that each pair settles as it
 * would in the full evaluation's rounds. Returns the pairs whose level changed.
 */
function propagate(state: RegimeState, phase: Phase, seeds: number[]): number[] {
  const g = state.graph;
  const buckets: number[][] = [];
  const changed: number[] = [];
  let lowest = UNREACHED;
  const consider = (slot: number): void => {
    const level = levelFromOwners(g, state, phase, slot);
    if (level >= state.level(phase, slot)) return;
    state.setLevel(phase, slot, level);
    changed.push(slot);
    (buckets[level] ??= []).push(slot);
    if (level < lowest) lowest = level;
  };
  for (const slot of seeds) consider(slot);
  for (let level = lowest; level < buckets.length; level++) {
    const bucket = buckets[level];
    if (bucket === undefined) continue;
    for (let i = 0; i < bucket.length; i++) {
      const slot = bucket[i];
      if (state.level(phase, slot) === level) forEachDependent(g, state, slot, consider);
    }
  }
  return changed;
}

function collectChanges(state: RegimeState, reasons: Map<number, string>, update: OwnershipUpdate): void {
  const g = state.graph;
  for (const [v, before] of state.journal!) {
    const after = state.status(v);
    if (before === after || after === 'designated') continue;
    const change: OwnershipStatusChange = { nodeId: g.nodes[v].id, name: g.nodes[v].name, regime: state.regime.id, before, after };
    const reason = reasons.get(v);
    if (reason !== undefined && rank(after) < rank(before)) change.reason = reason;
    if (after === 'blocked') update.newlyBlocked.push(change);
    else if (after === 'possibly_blocked') update.newlyPossiblyBlocked.push(change);
    else update.unblocked.push(change);
  }
}

function rank(status: OwnershipStatus): number {
  return status === 'designated' ? 3 : status === 'blocked' ? 2 : status === 'possibly_blocked' ? 1 : 0;
}
