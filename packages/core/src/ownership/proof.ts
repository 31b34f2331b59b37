/**
 * @module ownership/proof
 * The proof of a derived status, rebuilt on demand from the fixpoint's levels: the designated persons at
 * the roots, then each entity on the way in the order it became blocked, with the owners that count (each
 * edge's share and source), the arithmetic, and the guidance it rests on. A step uses only owners that
 * reached their status in an earlier round, so a proof never runs in a circle, and the aggregate a step
 * states is the sum of its own contributions.
 *
 * @example
 * formatProof(proveStatus(evaluation, 'C', 'ofac')!);
 * // ['X is designated',
 * //  'X 50% of A ⇒ A blocked (OFAC FAQ 401)',
 * //  'A 25% + X 25% of C = 50% ≥ 50% ⇒ C blocked (OFAC FAQ 401)']
 */
import { CONTROL_BASES, EDGE_ROLE, SHARE_FLAG, forEachBlockingIn, type CompiledOwnershipGraph } from './compiled-graph.js';
import { regimeState, type OwnershipEvaluation } from './evaluate.js';
import { formatShare, type ControlBasis, type GraphSource, type ShareRange } from './graph.js';
import { controlCounts, edgeCounts, ownerLevel } from './levels.js';
import { UNREACHED, jointOfHolderKey, type OwnershipStatus, type Phase, type RegimeState } from './regime-state.js';
import type { RegimeCitation, RegimeId } from './regimes.js';
import { fromShareUnits } from './shares.js';

/** A sum of holdings, in percent, with whether each end is included (an exclusive end makes its sum exclusive). */
export interface AggregateShare {
  min: number;
  max: number;
  minInclusive: boolean;
  maxInclusive: boolean;
}

/** A designated person at the root of a proof. */
export interface ProofRoot {
  nodeId: string;
  name: string;
  /** For a user's party: the listed record the screening engine matched it to, and the match. */
  matchedTo?: { recordId: string; name: string; score: number; reason: string };
  source: GraphSource;
}

/** One owner's or controller's part in a step. */
export interface ProofContribution {
  ownerId: string;
  ownerName: string;
  ownerStatus: 'designated' | 'blocked' | 'possibly_blocked';
  edgeId: string;
  kind: 'ownership' | 'control';
  /** The share as the source states it. */
  share?: ShareRange;
  /** What the step counts of it: a possibly blocked owner's lower end counts as 0. */
  counted?: AggregateShare;
  basis?: ControlBasis;
  detail?: string;
  jointArrangement?: string;
  source: GraphSource;
  date?: string;
}

export interface ProofStep {
  nodeId: string;
  name: string;
  status: 'blocked' | 'possibly_blocked';
  /** The round in which the entity reached this status (roots are round 0). */
  level: number;
  /** Under a per-person regime, for whom the holdings are counted. */
  heldFor?: { kind: 'person'; nodeId: string; name: string } | { kind: 'jointArrangement'; name: string };
  contributions: ProofContribution[];
  /** The sum of the contributions' counted shares. */
  aggregate: AggregateShare;
  /** True when a controller, not the holdings, makes the step. */
  byControl: boolean;
  /** The step as a line: "A 25% + X 25% of C = 50% ≥ 50% ⇒ C blocked (OFAC FAQ 401)". */
  arithmetic: string;
  citation: RegimeCitation;
}

export interface OwnershipProof {
  nodeId: string;
  name: string;
  regime: RegimeId;
  status: Exclude<OwnershipStatus, 'none'>;
  /** The aggregate of the last step (absent for a designated person). */
  aggregate?: AggregateShare;
  roots: ProofRoot[];
  /** In the order the entities reached their status; the last is the entity proved. */
  steps: ProofStep[];
}

const CONTROL_BASIS_WORDS: Record<ControlBasis, string> = {
  boardAppointment: 'right to appoint or remove a majority of the board',
  votingRights: 'majority of the voting rights',
  other: 'control by other means',
};

/** The proof of a party's status under a regime; undefined when it is neither designated nor derived. */
export function proveStatus(evaluation: OwnershipEvaluation, nodeId: string, regime: RegimeId): OwnershipProof | undefined {
  const g = evaluation.graph;
  const v = g.nodeIndex.get(nodeId);
  if (v === undefined) return undefined;
  const state = regimeState(evaluation, regime);
  const status = state.status(v);
  if (status === 'none') return undefined;
  const builder = new ProofBuilder(g, state);
  if (status === 'designated') {
    builder.addRoot(v);
    return { nodeId, name: g.nodes[v].name, regime, status, roots: builder.roots, steps: [] };
  }
  const phase: Phase = status === 'blocked' ? 'blocked' : 'possible';
  const last = builder.step(phase, bestPair(state, phase, v));
  const steps = [...builder.steps.values()].sort(
    (a, b) => phaseOrder(a) - phaseOrder(b) || a.level - b.level || (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0),
  );
  // The entity proved comes last even where another entity reached its status in the same round.
  const ordered = [...steps.filter((s) => s !== last), last];
  return { nodeId, name: g.nodes[v].name, regime, status, aggregate: last.aggregate, roots: builder.roots, steps: ordered };
}

/** The proof as lines, roots first: "X is designated", "X 50% of A ⇒ A blocked (OFAC FAQ 401)". */
export function formatProof(proof: OwnershipProof): string[] {
  const lines = proof.roots.map((root) =>
    root.matchedTo === undefined
      ? `${root.name} is designated`
      : `${root.name} is ${root.matchedTo.name} (${root.matchedTo.recordId}), designated: matched with score ${root.matchedTo.score} (${root.matchedTo.reason})`,
  );
  for (const step of proof.steps) lines.push(step.arithmetic);
  return lines;
}

/** The JSON object of one derived status, as `embargo ownership check --json` prints it. */
export interface OwnershipStatusJson {
  id: string;
  name: string;
  regime: RegimeId;
  status: 'blocked' | 'possibly_blocked';
  aggregate: AggregateShare;
  proof: string[];
}

/** The JSON object of a derived status; undefined for a party that is designated or not derived. */
export function ownershipStatusJson(evaluation: OwnershipEvaluation, nodeId: string, regime: RegimeId): OwnershipStatusJson | undefined {
  const proof = proveStatus(evaluation, nodeId, regime);
  if (proof === undefined || proof.status === 'designated' || proof.aggregate === undefined) return undefined;
  return { id: proof.nodeId, name: proof.name, regime, status: proof.status, aggregate: proof.aggregate, proof: formatProof(proof) };
}

function phaseOrder(step: ProofStep): number {
  return step.status === 'blocked' ? 0 : 1;
}

/**
 * The pair by which a node reached its status earliest. Ties go to a designated person before a joint
 * arrangement, then to the smaller id or name, so that the proof does not depend on the order in which
 * the graph met its parties and arrangements.
 */
function bestPair(state: RegimeState, phase: Phase, v: number): number {
  let best = -1;
  for (let s = state.firstPair[v]; s >= 0; s = state.pairNext[s]) {
    const level = state.level(phase, s);
    if (level === UNREACHED) continue;
    if (
      best < 0 ||
      level < state.level(phase, best) ||
      (level === state.level(phase, best) && holderOrder(state, s) < holderOrder(state, best))
    )
      best = s;
  }
  return best;
}

function holderOrder(state: RegimeState, slot: number): string {
  const key = state.pairKey[slot];
  const joint = jointOfHolderKey(key);
  if (joint >= 0) return `2 ${state.graph.jointArrangements[joint]}`;
  return key >= 0 ? `1 ${state.graph.nodes[key].id}` : '0';
}

class ProofBuilder {
  readonly roots: ProofRoot[] = [];
  readonly steps = new Map<string, ProofStep>();
  private readonly rootSeen = new Set<number>();

  constructor(
    private readonly g: CompiledOwnershipGraph,
    private readonly state: RegimeState,
  ) {}

  addRoot(v: number): void {
    if (this.rootSeen.has(v)) return;
    this.rootSeen.add(v);
    const node = this.g.nodes[v];
    const root: ProofRoot = { nodeId: node.id, name: node.name, source: node.source };
    const record = this.g.resolvedRecord[v];
    if (!this.state.designatedHere(v) && record >= 0 && node.resolvedTo !== undefined) {
      const listed = this.g.nodes[record];
      root.matchedTo = { recordId: listed.id, name: listed.name, score: node.resolvedTo.score, reason: node.resolvedTo.reason };
    }
    this.roots.push(root);
  }

  /** The step of pair `slot` in `phase`, after the steps of the owners it rests on. */
  step(phase: Phase, slot: number): ProofStep {
    const memoKey = `${phase}:${slot}`;
    const done = this.steps.get(memoKey);
    if (done !== undefined) return done;
    const { g, state } = this;
    const v = state.pairNode[slot];
    const key = state.pairKey[slot];
    const level = state.level(phase, slot);
    const contributions: ProofContribution[] = [];
    const owners: { phase: Phase; slot: number }[] = [];
    let minUnits = 0;
    let maxUnits = 0;
    let minInclusive = true;
    let maxInclusive = true;
    let byControl = false;
    let anyDerivedOwner = false;
    forEachBlockingIn(g, v, (e) => {
      if (!edgeCounts(g, state, e)) return;
      if (g.edgeRole[e] === EDGE_ROLE.control && !controlCounts(g, state, phase, e)) return;
      const u = g.edgeFrom[e];
      const ownerAt = ownerLevel(g, state, phase, u, key, e);
      if (ownerAt >= level) return;
      const ownerSlot = ownerPair(state, phase, u, key, ownerAt);
      const ownerBlocked = state.levelBlocked[ownerSlot] !== UNREACHED;
      const ownerIsRoot = ownerBlocked && state.levelBlocked[ownerSlot] === 0 && state.isRootPair(ownerSlot);
      if (ownerIsRoot) this.addRoot(u);
      else {
        anyDerivedOwner = true;
        owners.push({ phase: ownerBlocked ? 'blocked' : 'possible', slot: ownerSlot });
      }
      const edge = g.edges[e];
      const contribution: ProofContribution = {
        ownerId: g.nodes[u].id,
        ownerName: g.nodes[u].name,
        ownerStatus: ownerIsRoot ? 'designated' : ownerBlocked ? 'blocked' : 'possibly_blocked',
        edgeId: edge.id,
        kind: g.edgeRole[e] === EDGE_ROLE.control ? 'control' : 'ownership',
        source: edge.source,
      };
      if (edge.date !== undefined) contribution.date = edge.date;
      if (edge.kind === 'control') {
        byControl = true;
        contribution.basis = CONTROL_BASES[g.controlBasis[e]];
        if (edge.share !== undefined) contribution.share = edge.share;
        if (edge.detail !== undefined) contribution.detail = edge.detail;
      } else if (edge.kind === 'ownership' && edge.share !== undefined) {
        contribution.share = edge.share;
        if (edge.jointArrangement !== undefined) contribution.jointArrangement = edge.jointArrangement;
        const countsMin = phase === 'blocked' || ownerBlocked;
        const counted: AggregateShare = {
          min: countsMin ? fromShareUnits(g.shareMin[e]) : 0,
          max: fromShareUnits(g.shareMax[e]),
          minInclusive: !countsMin || (g.shareFlags[e] & SHARE_FLAG.minExclusive) === 0,
          maxInclusive: (g.shareFlags[e] & SHARE_FLAG.maxExclusive) === 0,
        };
        contribution.counted = counted;
        if (countsMin) minUnits += g.shareMin[e];
        maxUnits += g.shareMax[e];
        minInclusive &&= counted.minInclusive;
        maxInclusive &&= counted.maxInclusive;
      }
      contributions.push(contribution);
    });
    const status = phase === 'blocked' ? 'blocked' : 'possibly_blocked';
    const aggregate: AggregateShare = { min: fromShareUnits(minUnits), max: fromShareUnits(maxUnits), minInclusive, maxInclusive };
    const { citations } = state.regime;
    const shareCount = contributions.filter((c) => c.kind === 'ownership').length;
    const citation = byControl
      ? citations.control
      : anyDerivedOwner
        ? citations.indirect
        : shareCount > 1 || jointOfHolderKey(key) >= 0
          ? citations.aggregation
          : citations.threshold;
    const step: ProofStep = {
      nodeId: g.nodes[v].id,
      name: g.nodes[v].name,
      status,
      level,
      contributions,
      aggregate,
      byControl,
      arithmetic: '',
      citation,
    };
    const heldFor = this.heldFor(key);
    if (heldFor !== undefined) step.heldFor = heldFor;
    step.arithmetic = arithmeticOf(step, state);
    this.steps.set(memoKey, step);
    for (const owner of owners) this.step(owner.phase, owner.slot);
    return step;
  }

  private heldFor(key: number): ProofStep['heldFor'] {
    if (!this.state.perPerson) return undefined;
    const joint = jointOfHolderKey(key);
    if (joint >= 0) return { kind: 'jointArrangement', name: this.g.jointArrangements[joint] };
    const person = this.g.nodes[key];
    return { kind: 'person', nodeId: person.id, name: person.name };
  }
}

/**
 * The owner's pair a contribution rests on: (u, key) at the level found, or, for a holding under a joint
 * arrangement counted because its owner is blocked for anyone, the owner's earliest pair.
 */
function ownerPair(state: RegimeState, phase: Phase, u: number, key: number, level: number): number {
  const own = state.find(u, key);
  if (own >= 0 && state.level(phase, own) === level) return own;
  return bestPair(state, phase, u);
}

function arithmeticOf(step: ProofStep, state: RegimeState): string {
  const { regime } = state;
  const verdict = `⇒ ${step.name} ${step.status === 'blocked' ? 'blocked' : 'possibly blocked'} (${step.citation.label})`;
  const heldFor = step.heldFor;
  // A person's own holdings need no "held for" (X 60% of A, held for X): only holdings through others do.
  const ownHoldings = heldFor?.kind === 'person' && step.contributions.every((c) => c.ownerId === heldFor.nodeId);
  const held =
    heldFor === undefined || ownHoldings
      ? ''
      : heldFor.kind === 'person'
        ? `, held for ${heldFor.name},`
        : `, under joint arrangement ${heldFor.name},`;
  if (step.byControl) {
    const controls = step.contributions
      .filter((c) => c.kind === 'control')
      .map((c) => {
        const votes = c.share !== undefined ? `, ${formatShare(c.share)} of the votes` : '';
        return `${ownerLabel(c)} controls ${step.name} (${CONTROL_BASIS_WORDS[c.basis ?? 'other']}${votes}${c.detail !== undefined ? `: ${c.detail}` : ''})`;
      });
    return `${controls.join('; ')}${held} ${verdict}`;
  }
  const parts = step.contributions.filter((c) => c.kind === 'ownership').map((c) => `${ownerLabel(c)} ${formatShare(c.share!)}`);
  const op = regime.inclusive ? '≥' : '>';
  const threshold = `${regime.threshold}%`;
  const total = formatShare(step.aggregate);
  if (step.status === 'blocked') {
    if (parts.length === 1 && step.heldFor === undefined) return `${parts[0]} of ${step.name} ${verdict}`;
    return `${parts.join(' + ')} of ${step.name}${held} = ${total} ${op} ${threshold} ${verdict}`;
  }
  return `${parts.join(' + ')} of ${step.name}${held} = ${total}: only the upper end reaches ${op} ${threshold} ${verdict}`;
}

function ownerLabel(c: ProofContribution): string {
  return c.ownerStatus === 'possibly_blocked' ? `${c.ownerName} (possibly blocked)` : c.ownerName;
}
