import { describe, expect, it } from 'vitest';
import { handGraph } from '../../../../test/ownership-graphs.js';
import { evaluateOwnership, ownershipStatus } from './evaluate.js';
import { exactShare } from './graph.js';
import { applyOwnershipChanges } from './incremental.js';
import { formatProof, proveStatus } from './proof.js';

const chain = () =>
  handGraph({
    designated: ['X'],
    ownership: [
      ['X', 'A', 50],
      ['A', 'B', 50],
      ['B', 'C', 60],
    ],
    others: ['Y', 'D'],
  });

describe('applyOwnershipChanges', () => {
  it('a new designation blocks what it owns, and only that is reported', () => {
    const evaluation = evaluateOwnership(
      handGraph({
        designated: [],
        ownership: [
          ['Y', 'D', 60],
          ['D', 'E', 50],
        ],
        others: ['Z'],
      }),
    );
    const update = applyOwnershipChanges(evaluation, { designated: ['Y'] });
    expect(update.newlyBlocked.map((c) => [c.nodeId, c.regime, c.before, c.after])).toEqual([
      ['D', 'eu', 'none', 'blocked'],
      ['D', 'ofac', 'none', 'blocked'],
      ['D', 'uk', 'none', 'blocked'],
      ['E', 'eu', 'none', 'blocked'],
      ['E', 'ofac', 'none', 'blocked'],
    ]);
    expect(update.unblocked).toEqual([]);
    expect(formatProof(proveStatus(evaluation, 'E', 'ofac')!)).toEqual([
      'Y is designated',
      'Y 60% of D ⇒ D blocked (OFAC FAQ 401)',
      'D 50% of E ⇒ E blocked (OFAC FAQ 401)',
    ]);
  });

  it('a delisting unblocks what depended on it, and says so', () => {
    const evaluation = evaluateOwnership(chain());
    const update = applyOwnershipChanges(evaluation, { undesignated: ['X'] });
    const ofac = update.unblocked.filter((c) => c.regime === 'ofac');
    expect(ofac.map((c) => [c.nodeId, c.before, c.after, c.reason])).toEqual([
      ['A', 'blocked', 'none', 'no longer designated: X (X)'],
      ['B', 'blocked', 'none', 'no longer designated: X (X)'],
      ['C', 'blocked', 'none', 'no longer designated: X (X)'],
      ['X', 'designated', 'none', 'no longer designated: X (X)'],
    ]);
    expect(ownershipStatus(evaluation, 'C', 'ofac')).toBe('none');
  });

  it('a delisting leaves standing what another designated owner still carries', () => {
    const statements = handGraph({
      designated: ['X', 'Y'],
      ownership: [
        ['X', 'A', 50],
        ['Y', 'A', 50],
        ['A', 'B', 100],
      ],
    });
    const evaluation = evaluateOwnership(statements);
    const update = applyOwnershipChanges(evaluation, { undesignated: ['X'] });
    expect(update.unblocked.filter((c) => c.regime === 'ofac').map((c) => c.nodeId)).toEqual(['X']);
    expect(ownershipStatus(evaluation, 'B', 'ofac')).toBe('blocked');
    expect(formatProof(proveStatus(evaluation, 'A', 'ofac')!)).toEqual(['Y is designated', 'Y 50% of A ⇒ A blocked (OFAC FAQ 401)']);
  });

  it('an edge removed: the entities below it are unblocked with the edge named', () => {
    const evaluation = evaluateOwnership(chain());
    const update = applyOwnershipChanges(evaluation, { edgesRemoved: ['o2'] });
    expect(update.unblocked.filter((c) => c.regime === 'ofac').map((c) => [c.nodeId, c.reason])).toEqual([
      ['B', 'edge removed: o2 (A → B)'],
      ['C', 'edge removed: o2 (A → B)'],
    ]);
    expect(ownershipStatus(evaluation, 'A', 'ofac')).toBe('blocked');
  });

  it('new parties and an edge from a blocked entity: newly blocked', () => {
    const evaluation = evaluateOwnership(chain());
    const update = applyOwnershipChanges(evaluation, {
      nodesAdded: [{ id: 'N', name: 'New Co', source: { kind: 'file', file: 'more.csv' } }],
      edgesAdded: [
        {
          id: 'n1',
          kind: 'ownership',
          from: 'C',
          to: 'N',
          share: exactShare(70),
          directness: 'direct',
          source: { kind: 'file', file: 'more.csv', row: 2 },
        },
      ],
    });
    expect(update.newlyBlocked.filter((c) => c.regime === 'ofac').map((c) => [c.nodeId, c.name])).toEqual([['N', 'New Co']]);
  });

  it('a blocked entity whose range owner is delisted but another holder remains: only possibly blocked now', () => {
    const statements = handGraph({
      designated: ['X', 'Y'],
      ownership: [
        ['X', 'A', 30],
        ['Y', 'A', { min: 20, max: 40, minInclusive: true, maxInclusive: true }],
      ],
    });
    const evaluation = evaluateOwnership(statements);
    expect(ownershipStatus(evaluation, 'A', 'ofac')).toBe('blocked');
    const update = applyOwnershipChanges(evaluation, {
      edgesRemoved: ['o1'],
      edgesAdded: [{ ...statements.edges[0], id: 'o1b', share: exactShare(15) }],
    });
    expect(update.newlyPossiblyBlocked.filter((c) => c.regime === 'ofac').map((c) => [c.nodeId, c.before, c.after, c.reason])).toEqual([
      ['A', 'blocked', 'possibly_blocked', 'edge removed: o1 (X → A)'],
    ]);
  });

  it('a direct chain added under a stated indirect holding replaces it, and removing the chain brings it back', () => {
    const statements = handGraph({ designated: ['X'], ownership: [['X', 'A', 80]], others: ['C'] });
    statements.edges.push({
      id: 'i1',
      kind: 'ownership',
      from: 'X',
      to: 'C',
      share: exactShare(40),
      directness: 'indirect',
      source: { kind: 'file', file: 'bods.json' },
    });
    const evaluation = evaluateOwnership(statements);
    expect(ownershipStatus(evaluation, 'C', 'ofac')).toBe('none');
    const chain = {
      id: 'o9',
      kind: 'ownership' as const,
      from: 'A',
      to: 'C',
      share: exactShare(60),
      directness: 'direct' as const,
      source: { kind: 'file' as const, file: 'register.csv', row: 9 },
    };
    const added = applyOwnershipChanges(evaluation, { edgesAdded: [chain] });
    expect(added.problems.map((p) => p.kind)).toEqual(['indirectSummarised']);
    expect(formatProof(proveStatus(evaluation, 'C', 'ofac')!).at(-1)).toBe('A 60% of C ⇒ C blocked (OFAC FAQ 401)');
    const removed = applyOwnershipChanges(evaluation, { edgesRemoved: [{ id: 'o9', from: 'A', to: 'C' }] });
    expect(removed.unblocked.filter((c) => c.regime === 'ofac').map((c) => [c.nodeId, c.reason])).toEqual([
      ['C', 'edge removed: o9 (A → C)'],
    ]);
    expect(ownershipStatus(evaluation, 'C', 'ofac')).toBe('none');
    expect(applyOwnershipChanges(evaluation, { edgesAdded: [{ ...chain, share: exactShare(5) }] }).newlyBlocked).toEqual([]);
  });

  it('an edge added twice is reported, and counts once', () => {
    const evaluation = evaluateOwnership(handGraph({ designated: ['X'], ownership: [['X', 'A', 30]] }));
    const update = applyOwnershipChanges(evaluation, { edgesAdded: [evaluation.graph.edges[0]] });
    expect(update.problems.map((p) => p.kind)).toEqual(['duplicateEdge']);
    expect(ownershipStatus(evaluation, 'A', 'ofac')).toBe('none');
  });

  it('unknown ids in a change set are reported, not thrown', () => {
    const evaluation = evaluateOwnership(chain());
    const update = applyOwnershipChanges(evaluation, { designated: ['nobody'], edgesRemoved: ['no-edge'] });
    expect(update.problems.map((p) => p.kind)).toEqual(['unknownNode', 'unknownEdge']);
  });
});
