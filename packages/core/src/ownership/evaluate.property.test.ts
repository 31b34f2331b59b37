/**
 * Properties of the fixpoint on random graphs (cycles, ranges, control, joint arrangements, matched
 * parties): monotone in designations and shares, independent of names and order, terminating, proofs
 * that add up, and incremental updates equal to evaluating the changed graph from scratch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivedStatuses, evaluateOwnership, type OwnershipEvaluation, type OwnershipStatus } from './evaluate.js';
import type { GraphEdge, GraphNode, OwnershipStatements, ShareRange } from './graph.js';
import { applyOwnershipChanges, type OwnershipChangeSet } from './incremental.js';
import { ownershipStatusJson, proveStatus } from './proof.js';
import { OWNERSHIP_REGIMES, REGIME_IDS } from './regimes.js';
import { lowerEndMeets, toShareUnits, upperEndCanMeet } from './shares.js';

const RUNS = 150;

const shareArb: fc.Arbitrary<ShareRange> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 100 }).map((p) => ({ min: p, max: p, minInclusive: true, maxInclusive: true })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.boolean(), fc.boolean())
      .filter(([a, b]) => a !== b)
      .map(([a, b, minInclusive, maxInclusive]) => ({ min: Math.min(a, b), max: Math.max(a, b), minInclusive, maxInclusive })),
  },
);

interface EdgeSpec {
  from: number;
  to: number;
  kind: 'ownership' | 'control' | 'associate';
  share: ShareRange;
  joint?: string;
  indirect: boolean;
}

const edgeSpecArb = (nodes: number): fc.Arbitrary<EdgeSpec> =>
  fc.record({
    from: fc.integer({ min: 0, max: nodes - 1 }),
    to: fc.integer({ min: 0, max: nodes - 1 }),
    kind: fc.constantFrom<EdgeSpec['kind']>('ownership', 'ownership', 'ownership', 'ownership', 'control', 'associate'),
    share: shareArb,
    joint: fc.option(fc.constantFrom('j1', 'j2'), { nil: undefined, freq: 4 }),
    indirect: fc.integer({ min: 0, max: 9 }).map((x) => x < 2),
  });

interface GraphSpec {
  nodes: number;
  designated: boolean[];
  /** Node i is a user's party matched to node resolvedTo[i] (or -1). */
  resolvedTo: number[];
  edges: EdgeSpec[];
}

const graphSpecArb: fc.Arbitrary<GraphSpec> = fc.integer({ min: 2, max: 9 }).chain((nodes) =>
  fc.record({
    nodes: fc.constant(nodes),
    designated: fc.array(
      fc.integer({ min: 0, max: 2 }).map((x) => x === 0),
      { minLength: nodes, maxLength: nodes },
    ),
    resolvedTo: fc.array(
      fc.oneof({ weight: 5, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: nodes - 1 }) }),
      {
        minLength: nodes,
        maxLength: nodes,
      },
    ),
    edges: fc.array(edgeSpecArb(nodes), { maxLength: 3 * nodes }),
  }),
);

function nodeOf(spec: GraphSpec, i: number, id = (k: number) => `n${k}`): GraphNode {
  const node: GraphNode = { id: id(i), name: `Party ${i}`, source: { kind: 'file', file: 'g.csv' } };
  if (spec.designated[i]) node.designated = true;
  const r = spec.resolvedTo[i];
  if (r >= 0 && r !== i) node.resolvedTo = { recordId: id(r), score: 0.9, reason: 'test' };
  return node;
}

function edgeOf(e: EdgeSpec, index: number, id = (k: number) => `n${k}`): GraphEdge {
  const base = { id: `e${index}`, from: id(e.from), to: id(e.to), source: { kind: 'file' as const, file: 'g.csv', row: index + 2 } };
  // Some control edges state the share of the votes they carry (the `indirect` draw decides which).
  if (e.kind === 'control') return { ...base, kind: 'control', basis: 'votingRights', ...(e.indirect ? { share: e.share } : {}) };
  if (e.kind === 'associate') return { ...base, kind: 'associate' };
  return { ...base, kind: 'ownership', share: e.share, directness: e.indirect ? 'indirect' : 'direct', jointArrangement: e.joint };
}

function statementsOf(spec: GraphSpec, id?: (k: number) => string): OwnershipStatements {
  return {
    nodes: Array.from({ length: spec.nodes }, (_, i) => nodeOf(spec, i, id)),
    edges: spec.edges.map((e, i) => edgeOf(e, i, id)),
  };
}

/** Status of node i per regime, keyed by node index so that renamed graphs compare. */
function statusTable(evaluation: OwnershipEvaluation, ids: string[]): OwnershipStatus[][] {
  return REGIME_IDS.map((regime) => ids.map((id) => evaluation.states.get(regime)!.status(evaluation.graph.nodeIndex.get(id)!)));
}

const RANK: Record<OwnershipStatus, number> = { none: 0, possibly_blocked: 1, blocked: 2, designated: 3 };

describe('the ownership fixpoint on random graphs', () => {
  it('terminates on graphs with cycles and self-holdings, and every status is one of the four', () => {
    fc.assert(
      fc.property(graphSpecArb, (spec) => {
        const evaluation = evaluateOwnership(statementsOf(spec));
        for (const row of statusTable(
          evaluation,
          statementsOf(spec).nodes.map((n) => n.id),
        ))
          for (const s of row) expect(['designated', 'blocked', 'possibly_blocked', 'none']).toContain(s);
      }),
      { numRuns: RUNS },
    );
  });

  it('adding a designated owner never unblocks anyone', () => {
    fc.assert(
      fc.property(graphSpecArb, fc.integer({ min: 0, max: 100 }), fc.nat(), (spec, share, target) => {
        const ids = statementsOf(spec).nodes.map((n) => n.id);
        const before = statusTable(evaluateOwnership(statementsOf(spec)), ids);
        const grown = statementsOf(spec);
        grown.nodes.push({ id: 'new-sdn', name: 'New SDN', designated: true, source: { kind: 'list', recordId: 'new-sdn' } });
        grown.edges.push({
          id: 'new-edge',
          kind: 'ownership',
          from: 'new-sdn',
          to: ids[target % ids.length],
          share: { min: share, max: share, minInclusive: true, maxInclusive: true },
          directness: 'direct',
          source: { kind: 'file', file: 'g.csv' },
        });
        const after = statusTable(evaluateOwnership(grown), ids);
        for (let r = 0; r < before.length; r++)
          for (let i = 0; i < ids.length; i++) expect(RANK[after[r][i]]).toBeGreaterThanOrEqual(RANK[before[r][i]]);
      }),
      { numRuns: RUNS },
    );
  });

  it('raising a share never unblocks anyone', () => {
    fc.assert(
      fc.property(graphSpecArb, fc.nat(), fc.integer({ min: 0, max: 100 }), (spec, pick, raise) => {
        const owned = spec.edges.map((e, i) => [e, i] as const).filter(([e]) => e.kind === 'ownership');
        fc.pre(owned.length > 0);
        const [edge, index] = owned[pick % owned.length];
        const ids = statementsOf(spec).nodes.map((n) => n.id);
        const before = statusTable(evaluateOwnership(statementsOf(spec)), ids);
        // Both ends move up by `raise` (capped at 100), keeping whether each is inclusive; a range that
        // closes up at 100 becomes the exact 100%, which is above any range below it.
        const min = Math.min(100, edge.share.min + raise);
        const max = Math.min(100, edge.share.max + raise);
        const raised: ShareRange = min === max ? { min, max, minInclusive: true, maxInclusive: true } : { ...edge.share, min, max };
        const grown: GraphSpec = { ...spec, edges: spec.edges.map((e, i) => (i === index ? { ...e, share: raised } : e)) };
        const after = statusTable(evaluateOwnership(statementsOf(grown)), ids);
        for (let r = 0; r < before.length; r++)
          for (let i = 0; i < ids.length; i++) expect(RANK[after[r][i]]).toBeGreaterThanOrEqual(RANK[before[r][i]]);
      }),
      { numRuns: RUNS },
    );
  });

  it('renaming parties and reordering nodes and edges changes no status', () => {
    fc.assert(
      fc.property(graphSpecArb, fc.integer(), (spec, seed) => {
        const ids = statementsOf(spec).nodes.map((n) => n.id);
        const plain = statusTable(evaluateOwnership(statementsOf(spec)), ids);
        const renamed = (k: number) => `party-${(k * 7919 + 13) % 10007}-${k}`;
        const shuffled = statementsOf(spec, renamed);
        shuffle(shuffled.nodes, seed);
        shuffle(shuffled.edges, seed + 1);
        const other = statusTable(
          evaluateOwnership(shuffled),
          ids.map((_, k) => renamed(k)),
        );
        expect(other).toEqual(plain);
      }),
      { numRuns: RUNS },
    );
  });

  it("every proof's arithmetic sums to the aggregate it states, meets the rule, and uses only earlier owners", () => {
    fc.assert(
      fc.property(graphSpecArb, (spec) => {
        const evaluation = evaluateOwnership(statementsOf(spec));
        for (const derived of derivedStatuses(evaluation)) {
          const proof = proveStatus(evaluation, derived.nodeId, derived.regime)!;
          const regime = OWNERSHIP_REGIMES[derived.regime];
          const stepAt = new Map(proof.steps.map((s, i) => [`${s.nodeId}:${s.status}`, i]));
          proof.steps.forEach((step, i) => {
            let min = 0;
            let max = 0;
            let minInclusive = true;
            let maxInclusive = true;
            for (const c of step.contributions) {
              if (c.counted === undefined) continue;
              min += toShareUnits(c.counted.min);
              max += toShareUnits(c.counted.max);
              minInclusive &&= c.counted.minInclusive;
              maxInclusive &&= c.counted.maxInclusive;
              // An owner's own step, if it has one, comes earlier.
              if (c.ownerStatus !== 'designated') {
                const at = stepAt.get(`${c.ownerId}:${c.ownerStatus}`);
                expect(at).toBeDefined();
                expect(at!).toBeLessThan(i);
              }
            }
            expect([
              toShareUnits(step.aggregate.min),
              toShareUnits(step.aggregate.max),
              step.aggregate.minInclusive,
              step.aggregate.maxInclusive,
            ]).toEqual([min, max, minInclusive, maxInclusive]);
            const threshold = toShareUnits(regime.threshold);
            if (step.status === 'blocked')
              expect(step.byControl || lowerEndMeets(min, minInclusive, threshold, regime.inclusive)).toBe(true);
            else expect(step.byControl || upperEndCanMeet(max, maxInclusive, threshold, regime.inclusive)).toBe(true);
          });
          expect(ownershipStatusJson(evaluation, derived.nodeId, derived.regime)!.aggregate).toEqual(proof.steps.at(-1)!.aggregate);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('an incremental update equals evaluating the changed graph from scratch (statuses, aggregates and proofs)', () => {
    const changeArb = graphSpecArb.chain((spec) =>
      fc.record({
        spec: fc.constant(spec),
        designate: fc.array(fc.integer({ min: 0, max: spec.nodes - 1 }), { maxLength: 2 }),
        undesignate: fc.array(fc.integer({ min: 0, max: spec.nodes - 1 }), { maxLength: 2 }),
        remove: fc.array(fc.nat(), { maxLength: 3 }),
        add: fc.array(edgeSpecArb(spec.nodes + 1), { maxLength: 4 }),
        newNodeDesignated: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(changeArb, ({ spec, designate, undesignate, remove, add, newNodeDesignated }) => {
        const removeIndex = new Set(spec.edges.length === 0 ? [] : remove.map((r) => r % spec.edges.length));
        const undesignated = new Set(undesignate.filter((i) => !designate.includes(i)));
        const changes: OwnershipChangeSet = {
          nodesAdded: [
            {
              id: `n${spec.nodes}`,
              name: `Party ${spec.nodes}`,
              designated: newNodeDesignated || undefined,
              source: { kind: 'file', file: 'g.csv' },
            },
          ],
          designated: designate.map((i) => `n${i}`),
          undesignated: [...undesignated].map((i) => `n${i}`),
          // Half by id, half as stated (found at their ends).
          edgesRemoved: [...removeIndex].map((i) =>
            i % 2 === 0 ? `e${i}` : { id: `e${i}`, from: `n${spec.edges[i].from}`, to: `n${spec.edges[i].to}` },
          ),
          edgesAdded: add.map((e, i) => edgeOf(e, spec.edges.length + i)),
        };
        const incremental = evaluateOwnership(statementsOf(spec));
        applyOwnershipChanges(incremental, changes);

        const changed = statementsOf(spec);
        changed.nodes.push(changes.nodesAdded![0]);
        for (const i of designate) changed.nodes[i].designated = true;
        for (const i of undesignated) changed.nodes[i].designated = undefined;
        changed.edges = changed.edges.filter((_, i) => !removeIndex.has(i)).concat(changes.edgesAdded!);
        const full = evaluateOwnership(changed);

        const ids = changed.nodes.map((n) => n.id);
        expect(statusTable(incremental, ids)).toEqual(statusTable(full, ids));
        for (const d of derivedStatuses(full))
          expect(ownershipStatusJson(incremental, d.nodeId, d.regime)).toEqual(ownershipStatusJson(full, d.nodeId, d.regime));
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

/** Deterministic Fisher–Yates from a seed (the property's own randomness, so failures replay). */
function shuffle<T>(items: T[], seed: number): void {
  let state = seed >>> 0 || 1;
  for (let i = items.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
}
