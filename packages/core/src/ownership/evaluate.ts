/**
 * @module ownership/evaluate
 * Who is blocked by ownership or control, per regime: the least fixpoint from the designated persons.
 *
 * Each regime runs two fixpoints over the one compiled graph, round by round:
 * - `blocked`: designated persons (and users' parties matched to them) are at level 0; an entity joins at
 *   level n+1 when the lower ends of the holdings of owners at levels ≤ n meet the threshold, or a
 *   controller at level ≤ n counts under the regime;
 * - `possible`: from every blocked entity at level 0, the same on the upper ends of holdings, so that a
 *   share range straddling the threshold, or a possibly blocked owner, makes an entity possibly blocked.
 * A cycle cannot justify itself: an entity joins only on owners that joined before it, so A 60% of B and
 * B 60% of A with nobody designated derives nothing. Rounds also make the result independent of the order
 * of nodes and edges. Only levels are kept; proofs are rebuilt from them on demand (`proof.ts`).
 *
 * @example
 * const evaluation = evaluateOwnership({ nodes, edges });
 * ownershipStatus(evaluation, 'csv:acme', 'ofac'); // 'blocked'
 */
import { compileOwnershipGraph } from './compile.js';
import type { CompiledOwnershipGraph } from './compiled-graph.js';
import type { OwnershipStatements } from './graph.js';
import { forEachDependent, levelFromOwners } from './levels.js';
import { ALL_OWNERSHIP_REGIMES, type OwnershipRegime, type RegimeId } from './regimes.js';
import { RegimeState, UNREACHED, type OwnershipStatus, type Phase } from './regime-state.js';

export type { OwnershipStatus } from './regime-state.js';

export interface OwnershipEvaluation {
  graph: CompiledOwnershipGraph;
  /** Per regime, the levels the fixpoint reached (see `regime-state.ts`). */
  states: Map<RegimeId, RegimeState>;
}

/** A derived status: an entity no list names, blocked or possibly blocked by the holdings or control of those that do. */
export interface DerivedOwnershipStatus {
  nodeId: string;
  name: string;
  regime: RegimeId;
  status: 'blocked' | 'possibly_blocked';
}

/**
 * Evaluates every given regime over one compiled graph (statements are compiled first; pass a compiled
 * graph to see its `problems` and to time the build apart).
 */
export function evaluateOwnership(
  graph: CompiledOwnershipGraph | OwnershipStatements,
  regimes: readonly OwnershipRegime[] = ALL_OWNERSHIP_REGIMES,
): OwnershipEvaluation {
  const g = 'nodeIndex' in graph ? graph : compileOwnershipGraph(graph);
  const states = new Map<RegimeId, RegimeState>();
  for (const regime of regimes) {
    const state = new RegimeState(g, regime);
    const roots: number[] = [];
    for (let v = 0; v < g.nodes.length; v++) {
      if (!state.isRoot(v)) continue;
      const slot = state.obtain(v, state.rootKey(v));
      state.setLevel('blocked', slot, 0);
      roots.push(slot);
    }
    runRounds(g, state, 'blocked', roots);
    const blocked: number[] = [];
    for (let s = 0; s < state.pairCount; s++) {
      if (state.levelBlocked[s] === UNREACHED) continue;
      state.setLevel('possible', s, 0);
      blocked.push(s);
    }
    runRounds(g, state, 'possible', blocked);
    states.set(regime.id, state);
  }
  return { graph: g, states };
}

/** Round-by-round least fixpoint of one phase from the pairs at level 0. */
function runRounds(g: CompiledOwnershipGraph, state: RegimeState, phase: Phase, levelZero: number[]): void {
  let frontier = levelZero;
  while (frontier.length > 0) {
    const stamp = ++state.stamp;
    const candidates: number[] = [];
    for (const slot of frontier) {
      forEachDependent(g, state, slot, (dependent) => {
        if (state.pairStamp[dependent] === stamp || state.level(phase, dependent) !== UNREACHED) return;
        state.pairStamp[dependent] = stamp;
        candidates.push(dependent);
      });
    }
    const next: number[] = [];
    for (const slot of candidates) {
      const level = levelFromOwners(g, state, phase, slot);
      if (level === UNREACHED) continue;
      state.setLevel(phase, slot, level);
      next.push(slot);
    }
    frontier = next;
  }
}

export function regimeState(evaluation: OwnershipEvaluation, regime: RegimeId): RegimeState {
  const state = evaluation.states.get(regime);
  if (state === undefined) throw new RangeError(`regime ${regime} was not evaluated`);
  return state;
}

/** The status of one party under one regime; undefined for an id the graph does not hold. */
export function ownershipStatus(evaluation: OwnershipEvaluation, nodeId: string, regime: RegimeId): OwnershipStatus | undefined {
  const v = evaluation.graph.nodeIndex.get(nodeId);
  return v === undefined ? undefined : regimeState(evaluation, regime).status(v);
}

/** Every derived status (blocked or possibly blocked, not designated), per evaluated regime, in node order. */
export function derivedStatuses(evaluation: OwnershipEvaluation, regime?: RegimeId): DerivedOwnershipStatus[] {
  const out: DerivedOwnershipStatus[] = [];
  const { nodes } = evaluation.graph;
  for (const [id, state] of evaluation.states) {
    if (regime !== undefined && id !== regime) continue;
    for (let v = 0; v < nodes.length; v++) {
      const status = state.status(v);
      if (status === 'blocked' || status === 'possibly_blocked') out.push({ nodeId: nodes[v].id, name: nodes[v].name, regime: id, status });
    }
  }
  return out;
}

/** How many parties each regime takes as designated, blocked and possibly blocked. */
export function ownershipStatusCounts(evaluation: OwnershipEvaluation): Partial<Record<RegimeId, Record<OwnershipStatus, number>>> {
  const counts: Partial<Record<RegimeId, Record<OwnershipStatus, number>>> = {};
  for (const [id, state] of evaluation.states) {
    const c = { designated: 0, blocked: 0, possibly_blocked: 0, none: 0 };
    for (let v = 0; v < evaluation.graph.nodes.length; v++) c[state.status(v)]++;
    counts[id] = c;
  }
  return counts;
}
