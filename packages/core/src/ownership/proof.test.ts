import { describe, expect, it } from 'vitest';
import { handGraph, range } from '../../../../test/ownership-graphs.js';
import { evaluateOwnership } from './evaluate.js';
import { formatProof, ownershipStatusJson, proveStatus } from './proof.js';

describe('proveStatus and formatProof', () => {
  it('FAQ 401 Example 1: X, then A, then B, each with its share and the FAQ', () => {
    const evaluation = evaluateOwnership(
      handGraph({
        designated: ['X'],
        ownership: [
          ['X', 'A', 50],
          ['A', 'B', 50],
        ],
      }),
    );
    expect(formatProof(proveStatus(evaluation, 'B', 'ofac')!)).toEqual([
      'X is designated',
      'X 50% of A ⇒ A blocked (OFAC FAQ 401)',
      'A 50% of B ⇒ B blocked (OFAC FAQ 401)',
    ]);
  });

  it('FAQ 401 Example 2 as the issue writes it: A 25% + X 25% of C = 50% ≥ 50%', () => {
    const evaluation = evaluateOwnership(
      handGraph({
        designated: ['X'],
        ownership: [
          ['X', 'A', 50],
          ['A', 'C', 25],
          ['X', 'C', 25],
        ],
      }),
    );
    const proof = proveStatus(evaluation, 'C', 'ofac')!;
    expect(formatProof(proof)).toEqual([
      'X is designated',
      'X 50% of A ⇒ A blocked (OFAC FAQ 401)',
      'A 25% + X 25% of C = 50% ≥ 50% ⇒ C blocked (OFAC FAQ 401)',
    ]);
    expect(proof.aggregate).toEqual({ min: 50, max: 50, minInclusive: true, maxInclusive: true });
    const last = proof.steps.at(-1)!;
    expect(last.contributions.map((c) => [c.ownerId, c.edgeId, c.source.file, c.source.row])).toEqual([
      ['A', 'o2', 'hand.csv', 3],
      ['X', 'o3', 'hand.csv', 4],
    ]);
  });

  it('two designated persons add up under OFAC and the step cites the aggregation FAQ', () => {
    const evaluation = evaluateOwnership(
      handGraph({
        designated: ['X', 'Y'],
        ownership: [
          ['X', 'A', 25],
          ['Y', 'A', 25],
        ],
      }),
    );
    expect(formatProof(proveStatus(evaluation, 'A', 'ofac')!)).toEqual([
      'X is designated',
      'Y is designated',
      'X 25% + Y 25% of A = 50% ≥ 50% ⇒ A blocked (OFAC FAQ 399)',
    ]);
  });

  it('UK: B and C held for X, their 30% each add up for X', () => {
    const evaluation = evaluateOwnership(
      handGraph({
        designated: ['X'],
        ownership: [
          ['X', 'B', 100],
          ['X', 'C', 100],
          ['B', 'D', 30],
          ['C', 'D', 30],
        ],
      }),
    );
    const proof = proveStatus(evaluation, 'D', 'uk')!;
    expect(formatProof(proof)).toEqual([
      'X is designated',
      'X 100% of B = 100% > 50% ⇒ B blocked (OFSI ownership and control guidance)',
      'X 100% of C = 100% > 50% ⇒ C blocked (OFSI ownership and control guidance)',
      'B 30% + C 30% of D, held for X, = 60% > 50% ⇒ D blocked (OFSI ownership and control guidance)',
    ]);
    expect(proof.steps.at(-1)!.heldFor).toEqual({ kind: 'person', nodeId: 'X', name: 'X' });
  });

  it('UK joint arrangement: the step names the arrangement and cites OFSI 4.14', () => {
    const evaluation = evaluateOwnership(
      handGraph({
        designated: ['X', 'Y'],
        ownership: [
          ['X', 'A', 30, 'pact'],
          ['Y', 'A', 30, 'pact'],
        ],
      }),
    );
    expect(formatProof(proveStatus(evaluation, 'A', 'uk')!).at(-1)).toBe(
      'X 30% + Y 30% of A, under joint arrangement pact, = 60% > 50% ⇒ A blocked (OFSI general guidance 4.14)',
    );
  });

  it('a range straddling the threshold: possibly blocked, with the range of the aggregate', () => {
    const evaluation = evaluateOwnership(
      handGraph({
        designated: ['X'],
        ownership: [
          ['X', 'A', range(25, 75)],
          ['A', 'B', 60],
        ],
      }),
    );
    expect(formatProof(proveStatus(evaluation, 'B', 'ofac')!)).toEqual([
      'X is designated',
      'X 25–75% of A = 25–75%: only the upper end reaches ≥ 50% ⇒ A possibly blocked (OFAC FAQ 401)',
      'A (possibly blocked) 60% of B = 0–60%: only the upper end reaches ≥ 50% ⇒ B possibly blocked (OFAC FAQ 401)',
    ]);
    expect(ownershipStatusJson(evaluation, 'B', 'ofac')).toEqual({
      id: 'B',
      name: 'B',
      regime: 'ofac',
      status: 'possibly_blocked',
      aggregate: { min: 0, max: 60, minInclusive: true, maxInclusive: true },
      proof: [
        'X is designated',
        'X 25–75% of A = 25–75%: only the upper end reaches ≥ 50% ⇒ A possibly blocked (OFAC FAQ 401)',
        'A (possibly blocked) 60% of B = 0–60%: only the upper end reaches ≥ 50% ⇒ B possibly blocked (OFAC FAQ 401)',
      ],
    });
  });

  it('control under the EU: the controller, the basis and the detail, citing the control criteria', () => {
    const evaluation = evaluateOwnership(handGraph({ designated: ['X'], control: [['X', 'A', 'appoints majority of board']] }));
    expect(formatProof(proveStatus(evaluation, 'A', 'eu')!)).toEqual([
      'X is designated',
      'X controls A (right to appoint or remove a majority of the board: appoints majority of board) ⇒ A blocked (EU Best Practices 2024 (control))',
    ]);
    expect(proveStatus(evaluation, 'A', 'ofac')).toBeUndefined();
  });

  it('control by a stated share of the votes names the share', () => {
    const statements = handGraph({ designated: ['X'], others: ['A'] });
    statements.edges.push({
      id: 'v1',
      kind: 'control',
      from: 'X',
      to: 'A',
      basis: 'votingRights',
      share: range(60, 60),
      source: { kind: 'file', file: 'bods.json' },
    });
    expect(formatProof(proveStatus(evaluateOwnership(statements), 'A', 'uk')!).at(-1)).toBe(
      'X controls A (majority of the voting rights, 60% of the votes) ⇒ A blocked (OFSI ownership and control guidance)',
    );
  });

  it("a user's party matched to a listed record: the match and its score are in the proof", () => {
    const statements = handGraph({ designated: ['ofac:1'], others: ['csv:acme'], ownership: [['csv:holder', 'csv:acme', 60]] });
    const holder = statements.nodes.find((n) => n.id === 'csv:holder')!;
    holder.name = 'Holder Ltd';
    holder.resolvedTo = { recordId: 'ofac:1', score: 0.94, reason: 'registration number 123' };
    statements.nodes.find((n) => n.id === 'ofac:1')!.name = 'HOLDER LIMITED';
    const evaluation = evaluateOwnership(statements);
    expect(formatProof(proveStatus(evaluation, 'csv:acme', 'ofac')!)).toEqual([
      'Holder Ltd is HOLDER LIMITED (ofac:1), designated: matched with score 0.94 (registration number 123)',
      'Holder Ltd 60% of csv:acme ⇒ csv:acme blocked (OFAC FAQ 401)',
    ]);
  });

  it('in a cycle, a step uses only owners blocked before it', () => {
    const evaluation = evaluateOwnership(
      handGraph({
        designated: ['X'],
        ownership: [
          ['X', 'A', 50],
          ['A', 'B', 60],
          ['B', 'A', 40],
        ],
      }),
    );
    const proof = proveStatus(evaluation, 'A', 'ofac')!;
    expect(proof.steps).toHaveLength(1);
    expect(proof.steps[0].contributions.map((c) => c.ownerId)).toEqual(['X']);
    expect(proof.aggregate!.min).toBe(50);
    const ofB = proveStatus(evaluation, 'B', 'ofac')!;
    expect(ofB.steps.map((s) => [s.nodeId, s.level])).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
  });

  it('a designated person has a proof of roots only; an unrelated party has none', () => {
    const evaluation = evaluateOwnership(handGraph({ designated: ['X'], others: ['Z'] }));
    expect(proveStatus(evaluation, 'X', 'uk')).toMatchObject({ status: 'designated', steps: [] });
    expect(proveStatus(evaluation, 'Z', 'uk')).toBeUndefined();
    expect(ownershipStatusJson(evaluation, 'X', 'uk')).toBeUndefined();
  });
});
