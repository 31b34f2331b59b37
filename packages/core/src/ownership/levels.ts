/**
 * @module ownership/levels
 * The one rule of the fixpoint, for one (entity, holder key) pair: gather the holdings of its owners that
 * are derived for the key, in the order of their levels, and find the first level at which they meet the
 * regime's threshold (lower ends for `blocked`, upper ends for `possible`) or a controller counts. The
 * full evaluation, the incremental update and the proofs all use it, so they cannot disagree.
 *
 * Who counts for a key:
 * - an owner derived for the same key (under OFAC and the EU every blocked owner, since there is one key:
 *   an intermediary blocked by the rule passes its whole stake on, one that is not passes nothing — FAQ 401);
 * - under the UK test, for a joint-arrangement key, also any blocked owner whose edge is under that
 *   arrangement (OFSI 4.14: holdings under a joint arrangement are aggregated);
 * - a controller derived for the key, where the regime says control blocks and on that basis.
 * In the `possible` phase a blocked pair is at level 0: possibly blocked owners add their upper ends to
 * what blocked owners certainly hold.
 */
import { EDGE_ROLE, SHARE_FLAG, forEachBlockingIn, forEachBlockingOut, type CompiledOwnershipGraph } from './compiled-graph.js';
import { UNREACHED, jointHolderKey, jointOfHolderKey, type Phase, type RegimeState } from './regime-state.js';
import { lowerEndMeets, upperEndCanMeet } from './shares.js';

/** A contribution that meets the threshold on its own: a controller. */
const CONTROL_UNITS = -1;

// Scratch space for one pair's contributions, reused (the evaluation is single-threaded and not re-entrant).
let scratchLevel = new Int32Array(64);
let scratchUnits = new Float64Array(64);
let scratchExclusive = new Uint8Array(64);
let scratchOrder: number[] = [];

/** Whether edge `e` can carry a holding or control for this regime. */
export function edgeCounts(g: CompiledOwnershipGraph, state: RegimeState, e: number): boolean {
  const role = g.edgeRole[e];
  if (role === EDGE_ROLE.share) return true;
  return role === EDGE_ROLE.control && (state.controlMask & (1 << g.controlBasis[e])) !== 0;
}

/**
 * Whether control edge `e` is control in `phase`: always where it states no share of the votes; where it
 * does, when the votes are more than `controlVotesAbove` (certainly, for `blocked`; possibly, for `possible`).
 */
export function controlCounts(g: CompiledOwnershipGraph, state: RegimeState, phase: Phase, e: number): boolean {
  const flags = g.shareFlags[e];
  if ((flags & SHARE_FLAG.controlVotes) === 0) return true;
  return phase === 'blocked'
    ? lowerEndMeets(g.shareMin[e], (flags & SHARE_FLAG.minExclusive) === 0, state.controlVotesUnits, false)
    : upperEndCanMeet(g.shareMax[e], (flags & SHARE_FLAG.maxExclusive) === 0, state.controlVotesUnits, false);
}

/**
 * The level at which owner `u`'s edge `e` counts toward key `key` in `phase`, or `UNREACHED`: the level of
 * the pair (u, key), or for a joint-arrangement key and an edge under that arrangement, the level at which
 * `u` became blocked (or possibly blocked) for anyone.
 */
export function ownerLevel(g: CompiledOwnershipGraph, state: RegimeState, phase: Phase, u: number, key: number, e: number): number {
  const slot = state.find(u, key);
  let level = slot >= 0 ? state.level(phase, slot) : UNREACHED;
  const joint = jointOfHolderKey(key);
  if (joint >= 0 && g.edgeJoint[e] === joint) level = Math.min(level, state.nodeLevel(phase, u));
  return level;
}

/** The level of pair `slot` given its owners' current levels: 0 for a root (or, in `possible`, a blocked pair). */
export function levelFromOwners(g: CompiledOwnershipGraph, state: RegimeState, phase: Phase, slot: number): number {
  if (phase === 'blocked' ? state.isRootPair(slot) : state.levelBlocked[slot] !== UNREACHED) return 0;
  const v = state.pairNode[slot];
  const key = state.pairKey[slot];
  let count = 0;
  forEachBlockingIn(g, v, (e) => {
    if (!edgeCounts(g, state, e)) return;
    const control = g.edgeRole[e] === EDGE_ROLE.control;
    if (control && !controlCounts(g, state, phase, e)) return;
    const level = ownerLevel(g, state, phase, g.edgeFrom[e], key, e);
    if (level === UNREACHED) return;
    if (count === scratchLevel.length) growScratch();
    scratchLevel[count] = level;
    if (control) {
      scratchUnits[count] = CONTROL_UNITS;
      scratchExclusive[count] = 0;
    } else if (phase === 'blocked') {
      scratchUnits[count] = g.shareMin[e];
      scratchExclusive[count] = g.shareFlags[e] & SHARE_FLAG.minExclusive;
    } else {
      scratchUnits[count] = g.shareMax[e];
      scratchExclusive[count] = g.shareFlags[e] & SHARE_FLAG.maxExclusive;
    }
    count++;
  });
  if (count === 0) return UNREACHED;
  const order = sortedByLevel(count);
  const { thresholdUnits } = state;
  const { inclusive } = state.regime;
  let units = 0;
  let exclusive = false;
  for (let i = 0; i < count; i++) {
    const c = order[i];
    const level = scratchLevel[c];
    if (scratchUnits[c] === CONTROL_UNITS) return level + 1;
    units += scratchUnits[c];
    if (scratchExclusive[c] !== 0) exclusive = true;
    if (i + 1 < count && scratchLevel[order[i + 1]] === level) continue;
    const meets =
      phase === 'blocked'
        ? lowerEndMeets(units, !exclusive, thresholdUnits, inclusive)
        : upperEndCanMeet(units, !exclusive, thresholdUnits, inclusive);
    if (meets) return level + 1;
  }
  return UNREACHED;
}

/**
 * Visits the pairs whose level may change when pair `slot` changes: (v, key) for each entity v its node
 * holds or controls, and under the UK test (v, arrangement) for its holdings under a joint arrangement.
 */
export function forEachDependent(g: CompiledOwnershipGraph, state: RegimeState, slot: number, visit: (dependent: number) => void): void {
  const u = state.pairNode[slot];
  const key = state.pairKey[slot];
  forEachBlockingOut(g, u, (e) => {
    if (!edgeCounts(g, state, e)) return;
    const v = g.edgeTo[e];
    visit(state.obtain(v, key));
    if (state.perPerson && g.edgeJoint[e] >= 0) visit(state.obtain(v, jointHolderKey(g.edgeJoint[e])));
  });
}

/** Indices 0..count-1 of the scratch contributions, by ascending level (stable). */
function sortedByLevel(count: number): number[] {
  const order = scratchOrder;
  order.length = count;
  for (let i = 0; i < count; i++) order[i] = i;
  if (count <= 16) {
    for (let i = 1; i < count; i++) {
      const c = order[i];
      let j = i - 1;
      while (j >= 0 && scratchLevel[order[j]] > scratchLevel[c]) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = c;
    }
  } else order.sort((a, b) => scratchLevel[a] - scratchLevel[b] || a - b);
  return order;
}

function growScratch(): void {
  const size = scratchLevel.length * 2;
  const level = new Int32Array(size);
  level.set(scratchLevel);
  scratchLevel = level;
  const units = new Float64Array(size);
  units.set(scratchUnits);
  scratchUnits = units;
  const exclusive = new Uint8Array(size);
  exclusive.set(scratchExclusive);
  scratchExclusive = exclusive;
  scratchOrder = [];
}
