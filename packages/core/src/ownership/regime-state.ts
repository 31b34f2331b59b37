/**
 * @module ownership/regime-state
 * What the fixpoint knows about one regime: for each (entity, holder key) pair, the level at which the
 * entity became blocked for that key and the level at which it became possibly blocked.
 *
 * A holder key says for whom an entity is held. Under OFAC and the EU, blocked persons' holdings add up
 * whoever holds them, so there is one key (`ANY_HOLDER`). Under the UK test, holdings add up per designated
 * person (the key is that person's node index) or per joint arrangement (a negative key), so an entity can
 * be blocked for X and not for Y. Pairs are kept in a linked list per node: most nodes have none or one.
 *
 * Levels are the rounds of the least fixpoint: designated persons are at level 0, and an entity is at
 * level n+1 when holdings of owners at levels ≤ n first meet the threshold. They are what makes a proof
 * acyclic (a step uses only owners of lower level) and are rebuilt on demand into proofs, so no proof is
 * stored. `UNREACHED` marks a pair that is not (yet) derived.
 */
import { LIST_SOURCES } from '../model/entity.js';
import { CONTROL_BASES, NO_LIST, type CompiledOwnershipGraph } from './compiled-graph.js';
import type { OwnershipRegime } from './regimes.js';
import { toShareUnits } from './shares.js';

export const UNREACHED = 0x7fffffff;

/** The one holder key of regimes that add up all blocked persons' holdings. */
export const ANY_HOLDER = -1;

/** The holder key of joint arrangement `id` under a per-person regime. */
export function jointHolderKey(id: number): number {
  return -2 - id;
}

/** The joint arrangement of a holder key, or -1 for a person key or `ANY_HOLDER`. */
export function jointOfHolderKey(key: number): number {
  return key <= -2 ? -2 - key : -1;
}

/** The two fixpoints: `blocked` on the lower ends of shares, `possible` on the upper ends. */
export type Phase = 'blocked' | 'possible';

export type OwnershipStatus = 'designated' | 'blocked' | 'possibly_blocked' | 'none';

export class RegimeState {
  readonly regime: OwnershipRegime;
  /** Per list code (see `listCode`), 1 when the regime takes that list's records as designated. */
  readonly listCounts: Uint8Array;
  readonly perPerson: boolean;
  readonly thresholdUnits: number;
  readonly controlVotesUnits: number;
  /** Bit i set when `CONTROL_BASES[i]` blocks under this regime. */
  readonly controlMask: number;

  firstPair: Int32Array;
  nodeLevelBlocked: Int32Array;
  nodeLevelPossible: Int32Array;
  pairCount = 0;
  pairNode: Int32Array;
  pairKey: Int32Array;
  pairNext: Int32Array;
  levelBlocked: Int32Array;
  levelPossible: Int32Array;
  /** Scratch marks for de-duplicating candidates within one round. */
  pairStamp: Int32Array;
  stamp = 0;
  /** While a change set is applied: each touched node's status before it, for the report of what changed. */
  journal: Map<number, OwnershipStatus> | undefined;

  constructor(
    readonly graph: CompiledOwnershipGraph,
    regime: OwnershipRegime,
  ) {
    this.regime = regime;
    // Per set of designating lists (`listCode`): whether this regime follows one of them.
    let followed = 0;
    for (const list of regime.designatingLists) followed |= 1 << LIST_SOURCES.indexOf(list);
    this.listCounts = new Uint8Array(256);
    for (let code = 0; code < 256; code++) this.listCounts[code] = code === NO_LIST || (code & followed) !== 0 ? 1 : 0;
    this.perPerson = regime.aggregation === 'perDesignatedPerson';
    this.thresholdUnits = toShareUnits(regime.threshold);
    this.controlVotesUnits = toShareUnits(regime.controlVotesAbove);
    let mask = 0;
    if (regime.controlBlocks) for (const basis of regime.controlBases) mask |= 1 << CONTROL_BASES.indexOf(basis);
    this.controlMask = mask;
    const n = graph.nodes.length;
    this.firstPair = new Int32Array(n).fill(-1);
    this.nodeLevelBlocked = new Int32Array(n).fill(UNREACHED);
    this.nodeLevelPossible = new Int32Array(n).fill(UNREACHED);
    const capacity = Math.max(16, n >> 3);
    this.pairNode = new Int32Array(capacity);
    this.pairKey = new Int32Array(capacity);
    this.pairNext = new Int32Array(capacity);
    this.levelBlocked = new Int32Array(capacity);
    this.levelPossible = new Int32Array(capacity);
    this.pairStamp = new Int32Array(capacity);
  }

  /** Whether node `v` is designated on a list this regime follows (or by the user, naming no list). */
  designatedHere(v: number): boolean {
    return this.graph.designated[v] === 1 && this.listCounts[this.graph.designatingList[v]] === 1;
  }

  /** Whether node `v` is a root of this regime: designated for it, or a user's party matched to such a record. */
  isRoot(v: number): boolean {
    if (this.designatedHere(v)) return true;
    const record = this.graph.resolvedRecord[v];
    return record >= 0 && this.designatedHere(record);
  }

  /** The key a root holds for: itself (or the record it was matched to) per person, else `ANY_HOLDER`. */
  rootKey(v: number): number {
    if (!this.perPerson) return ANY_HOLDER;
    return this.designatedHere(v) ? v : this.graph.resolvedRecord[v];
  }

  isRootPair(slot: number): boolean {
    const v = this.pairNode[slot];
    return this.isRoot(v) && this.rootKey(v) === this.pairKey[slot];
  }

  find(v: number, key: number): number {
    for (let s = this.firstPair[v]; s >= 0; s = this.pairNext[s]) if (this.pairKey[s] === key) return s;
    return -1;
  }

  /** The pair (v, key), created not derived if new. */
  obtain(v: number, key: number): number {
    const found = this.find(v, key);
    if (found >= 0) return found;
    if (this.pairCount === this.pairNode.length) this.growPairs();
    const s = this.pairCount++;
    this.pairNode[s] = v;
    this.pairKey[s] = key;
    this.pairNext[s] = this.firstPair[v];
    this.levelBlocked[s] = UNREACHED;
    this.levelPossible[s] = UNREACHED;
    this.pairStamp[s] = 0;
    this.firstPair[v] = s;
    return s;
  }

  level(phase: Phase, slot: number): number {
    return phase === 'blocked' ? this.levelBlocked[slot] : this.levelPossible[slot];
  }

  nodeLevel(phase: Phase, v: number): number {
    return phase === 'blocked' ? this.nodeLevelBlocked[v] : this.nodeLevelPossible[v];
  }

  /** Sets a pair's level, keeping the node's level (the least of its pairs') in step. */
  setLevel(phase: Phase, slot: number, level: number): void {
    const v = this.pairNode[slot];
    if (this.journal !== undefined && !this.journal.has(v)) this.journal.set(v, this.status(v));
    const levels = phase === 'blocked' ? this.levelBlocked : this.levelPossible;
    const nodeLevels = phase === 'blocked' ? this.nodeLevelBlocked : this.nodeLevelPossible;
    const before = levels[slot];
    levels[slot] = level;
    if (level < nodeLevels[v]) nodeLevels[v] = level;
    else if (before === nodeLevels[v] && level > before) {
      let least = UNREACHED;
      for (let s = this.firstPair[v]; s >= 0; s = this.pairNext[s]) if (levels[s] < least) least = levels[s];
      nodeLevels[v] = least;
    }
  }

  /** Forgets everything derived about node `v` (a removal's region is recomputed from its owners). */
  reset(v: number): void {
    if (this.journal !== undefined && !this.journal.has(v)) this.journal.set(v, this.status(v));
    for (let s = this.firstPair[v]; s >= 0; s = this.pairNext[s]) {
      this.levelBlocked[s] = UNREACHED;
      this.levelPossible[s] = UNREACHED;
    }
    this.nodeLevelBlocked[v] = UNREACHED;
    this.nodeLevelPossible[v] = UNREACHED;
  }

  status(v: number): OwnershipStatus {
    if (this.isRoot(v)) return 'designated';
    if (this.nodeLevelBlocked[v] !== UNREACHED) return 'blocked';
    if (this.nodeLevelPossible[v] !== UNREACHED) return 'possibly_blocked';
    return 'none';
  }

  /** Makes room for nodes added to the graph since this state was made. */
  growNodes(count: number): void {
    if (this.firstPair.length >= count) return;
    const capacity = Math.max(count, Math.ceil(this.firstPair.length * 1.5));
    this.firstPair = copyInto(this.firstPair, new Int32Array(capacity).fill(-1));
    this.nodeLevelBlocked = copyInto(this.nodeLevelBlocked, new Int32Array(capacity).fill(UNREACHED));
    this.nodeLevelPossible = copyInto(this.nodeLevelPossible, new Int32Array(capacity).fill(UNREACHED));
  }

  private growPairs(): void {
    const capacity = this.pairNode.length * 2;
    this.pairNode = copyInto(this.pairNode, new Int32Array(capacity));
    this.pairKey = copyInto(this.pairKey, new Int32Array(capacity));
    this.pairNext = copyInto(this.pairNext, new Int32Array(capacity));
    this.levelBlocked = copyInto(this.levelBlocked, new Int32Array(capacity));
    this.levelPossible = copyInto(this.levelPossible, new Int32Array(capacity));
    this.pairStamp = copyInto(this.pairStamp, new Int32Array(capacity));
  }
}

function copyInto(from: Int32Array, to: Int32Array): Int32Array {
  to.set(from);
  return to;
}
