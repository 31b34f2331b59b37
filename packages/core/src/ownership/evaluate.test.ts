import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handGraph, range, type HandGraph } from '../../../../test/ownership-graphs.js';
import { hasSharedOwnership, SHARED_OWNERSHIP } from '../../../../test/shared-data.js';
import { derivedStatuses, evaluateOwnership, ownershipStatus, type OwnershipStatus } from './evaluate.js';
import { exactShare, type GraphEdge, type GraphNode, type OwnershipStatements } from './graph.js';
import { REGIME_IDS, type RegimeId } from './regimes.js';

function statusesOf(statements: OwnershipStatements, regime: RegimeId): Record<string, OwnershipStatus | undefined> {
  const evaluation = evaluateOwnership(statements);
  return Object.fromEntries(statements.nodes.map((n) => [n.id, ownershipStatus(evaluation, n.id, regime)]));
}

interface OfacCase {
  id: string;
  src: string;
  blocked: string[];
  edges: [string, string, number][];
  control?: [string, string, string][];
  expect: Partial<Record<'OFAC' | 'EU' | 'UK', Record<string, boolean>>>;
}

describe.skipIf(!hasSharedOwnership())('ofac_50pct_cases.json: every case, for each regime it states', () => {
  const file = JSON.parse(readFileSync(join(SHARED_OWNERSHIP, 'ofac_50pct_cases.json'), 'utf8')) as { cases: OfacCase[] };
  it('holds the eight worked cases', () => expect(file.cases).toHaveLength(8));
  for (const c of file.cases) {
    for (const [regimeName, expected] of Object.entries(c.expect)) {
      it(`${c.id} under ${regimeName} (${c.src})`, () => {
        const statements = handGraph({ designated: c.blocked, ownership: c.edges, control: c.control });
        const got = statusesOf(statements, regimeName.toLowerCase() as RegimeId);
        for (const [entity, blocked] of Object.entries(expected))
          expect([entity, got[entity]]).toEqual([entity, blocked ? 'blocked' : 'none']);
      });
    }
  }
});

describe('OFAC FAQ 401, the examples as the quotes file writes them', () => {
  const cases: { why: string; graph: HandGraph; expect: Record<string, OwnershipStatus> }[] = [
    {
      why: 'Example 1: X 50% of A, A 50% of B: A and B blocked (X owns 50% of B indirectly)',
      graph: {
        designated: ['X'],
        ownership: [
          ['X', 'A', 50],
          ['A', 'B', 50],
        ],
      },
      expect: { X: 'designated', A: 'blocked', B: 'blocked' },
    },
    {
      why: 'Example 2: X 50% of A and of B; A and B 25% each of C: C blocked (25% + 25% through blocked A and B)',
      graph: {
        designated: ['X'],
        ownership: [
          ['X', 'A', 50],
          ['X', 'B', 50],
          ['A', 'C', 25],
          ['B', 'C', 25],
        ],
      },
      expect: { A: 'blocked', B: 'blocked', C: 'blocked' },
    },
    {
      why: 'Example 3: X 50% of A and 10% of B; A 40% of B: B blocked (40% through A + 10% direct)',
      graph: {
        designated: ['X'],
        ownership: [
          ['X', 'A', 50],
          ['X', 'B', 10],
          ['A', 'B', 40],
        ],
      },
      expect: { A: 'blocked', B: 'blocked' },
    },
    {
      why: 'negative example: X 25% of A and of B; A and B 50% each of C: nothing passes through A or B',
      graph: {
        designated: ['X'],
        ownership: [
          ['X', 'A', 25],
          ['X', 'B', 25],
          ['A', 'C', 50],
          ['B', 'C', 50],
        ],
      },
      expect: { A: 'none', B: 'none', C: 'none' },
    },
  ];
  for (const c of cases) {
    it(c.why, () => {
      const got = statusesOf(handGraph(c.graph), 'ofac');
      for (const [id, status] of Object.entries(c.expect)) expect([id, got[id]]).toEqual([id, status]);
    });
  }
});

describe('share ranges', () => {
  it('a range straddling 50% makes the entity possibly blocked under OFAC, EU and UK', () => {
    const statements = handGraph({ designated: ['X'], ownership: [['X', 'A', range(25, 75)]] });
    for (const regime of ['ofac', 'eu', 'uk'] as const) expect(statusesOf(statements, regime).A).toBe('possibly_blocked');
  });

  it('a possibly blocked owner passes its upper end on: A possibly blocked, B possibly blocked', () => {
    const statements = handGraph({
      designated: ['X'],
      ownership: [
        ['X', 'A', range(40, 60)],
        ['A', 'B', 100],
      ],
    });
    expect(statusesOf(statements, 'ofac')).toMatchObject({ A: 'possibly_blocked', B: 'possibly_blocked' });
  });

  const atFifty: { why: string; share: ReturnType<typeof range>; ofac: OwnershipStatus; uk: OwnershipStatus }[] = [
    { why: 'exactly 50%: OFAC ≥ 50 blocks, UK > 50 does not', share: range(50, 50), ofac: 'blocked', uk: 'none' },
    { why: 'more than 50% (exclusive lower end at 50): both block', share: range(50, 60, false, true), ofac: 'blocked', uk: 'blocked' },
    { why: 'at least 50% up to 60%: OFAC blocks, UK only possibly', share: range(50, 60), ofac: 'blocked', uk: 'possibly_blocked' },
    {
      why: 'less than 50% (exclusive upper end at 50): neither, not even possibly',
      share: range(40, 50, true, false),
      ofac: 'none',
      uk: 'none',
    },
    { why: 'at most 50% (inclusive upper end at 50): OFAC possibly, UK not', share: range(40, 50), ofac: 'possibly_blocked', uk: 'none' },
  ];
  for (const c of atFifty) {
    it(c.why, () => {
      const statements = handGraph({ designated: ['X'], ownership: [['X', 'A', c.share]] });
      expect(statusesOf(statements, 'ofac').A).toBe(c.ofac);
      expect(statusesOf(statements, 'uk').A).toBe(c.uk);
    });
  }

  it('exclusive ends add up: more than 25% + at least 25% is more than 50%, which the UK test meets', () => {
    const statements = handGraph({
      designated: ['X'],
      ownership: [
        ['X', 'A', range(25, 30, false, true)],
        ['X', 'A', range(25, 25)],
      ],
    });
    expect(statusesOf(statements, 'uk').A).toBe('blocked');
  });
});

describe('UK: holdings add up per designated person', () => {
  it('X 30% + Y 30% of A: not blocked (different persons, no joint arrangement)', () => {
    const got = statusesOf(
      handGraph({
        designated: ['X', 'Y'],
        ownership: [
          ['X', 'A', 30],
          ['Y', 'A', 30],
        ],
      }),
      'uk',
    );
    expect(got.A).toBe('none');
  });

  it('X 30% + Y 30% of A under one joint arrangement: blocked', () => {
    const statements = handGraph({
      designated: ['X', 'Y'],
      ownership: [
        ['X', 'A', 30, 'pact'],
        ['Y', 'A', 30, 'pact'],
      ],
    });
    expect(statusesOf(statements, 'uk').A).toBe('blocked');
  });

  it('under two different arrangements: not blocked', () => {
    const statements = handGraph({
      designated: ['X', 'Y'],
      ownership: [
        ['X', 'A', 30, 'pact-1'],
        ['Y', 'A', 30, 'pact-2'],
      ],
    });
    expect(statusesOf(statements, 'uk').A).toBe('none');
  });

  it('X 100% of B and of C, B 30% + C 30% of D: D blocked, both held for X', () => {
    const statements = handGraph({
      designated: ['X'],
      ownership: [
        ['X', 'B', 100],
        ['X', 'C', 100],
        ['B', 'D', 30],
        ['C', 'D', 30],
      ],
    });
    expect(statusesOf(statements, 'uk')).toMatchObject({ B: 'blocked', C: 'blocked', D: 'blocked' });
  });

  it('B held for X and C held for Y, 30% each of D: D not blocked under UK, blocked under OFAC', () => {
    const statements = handGraph({
      designated: ['X', 'Y'],
      ownership: [
        ['X', 'B', 100],
        ['Y', 'C', 100],
        ['B', 'D', 30],
        ['C', 'D', 30],
      ],
    });
    expect(statusesOf(statements, 'uk').D).toBe('none');
    expect(statusesOf(statements, 'ofac').D).toBe('blocked');
  });

  it("a user's party matched to X counts as X: its 30% and X's own 30% add up", () => {
    const statements = handGraph({
      designated: ['X'],
      ownership: [
        ['X', 'A', 30],
        ['x-customer', 'A', 30],
      ],
    });
    statements.nodes.find((n) => n.id === 'x-customer')!.resolvedTo = { recordId: 'X', score: 0.97, reason: 'passport number' };
    expect(statusesOf(statements, 'uk').A).toBe('blocked');
    expect(statusesOf(statements, 'uk')['x-customer']).toBe('designated');
  });
});

describe('control', () => {
  it('X controls A (board appointment): blocked under EU and UK, not under OFAC (FAQ 398)', () => {
    const statements = handGraph({ designated: ['X'], control: [['X', 'A', 'appoints majority of board']] });
    expect(statusesOf(statements, 'ofac').A).toBe('none');
    expect(statusesOf(statements, 'eu').A).toBe('blocked');
    expect(statusesOf(statements, 'uk').A).toBe('blocked');
  });

  it('an entity controlled by a blocked entity is blocked under the EU, and its holdings count', () => {
    const statements = handGraph({
      designated: ['X'],
      ownership: [
        ['X', 'A', 60],
        ['B', 'C', 50],
      ],
      control: [['A', 'B']],
    });
    expect(statusesOf(statements, 'eu')).toMatchObject({ A: 'blocked', B: 'blocked', C: 'blocked' });
    expect(statusesOf(statements, 'ofac')).toMatchObject({ A: 'blocked', B: 'none', C: 'none' });
  });
});

describe('control stated with a share of the votes', () => {
  const votes = (share: ReturnType<typeof range>) => {
    const statements = handGraph({ designated: ['X'], others: ['A'] });
    statements.edges.push({
      id: 'v1',
      kind: 'control',
      from: 'X',
      to: 'A',
      basis: 'votingRights',
      share,
      source: { kind: 'file', file: 'bods.json' },
    });
    return statements;
  };
  const cases: { why: string; share: ReturnType<typeof range>; expect: OwnershipStatus }[] = [
    { why: '30% of the votes is not control by itself', share: range(30, 30), expect: 'none' },
    { why: 'exactly 50% of the votes is not more than half', share: range(50, 50), expect: 'none' },
    { why: '60% of the votes is control', share: range(60, 60), expect: 'blocked' },
    { why: '40–60% of the votes may be control', share: range(40, 60), expect: 'possibly_blocked' },
  ];
  for (const c of cases) {
    it(`${c.why}: ${c.expect} under the EU and UK, none under OFAC`, () => {
      expect(statusesOf(votes(c.share), 'eu').A).toBe(c.expect);
      expect(statusesOf(votes(c.share), 'uk').A).toBe(c.expect);
      expect(statusesOf(votes(c.share), 'ofac').A).toBe('none');
    });
  }
});

describe('cycles', () => {
  it('A 60% of B and B 60% of A, nobody designated: nothing is derived', () => {
    const got = statusesOf(
      handGraph({
        designated: [],
        ownership: [
          ['A', 'B', 60],
          ['B', 'A', 60],
        ],
      }),
      'ofac',
    );
    expect(got).toEqual({ A: 'none', B: 'none' });
  });

  it('X 50% of A inside that cycle: A, then B, blocked under OFAC; under UK 50% is not enough and nothing is', () => {
    const statements = handGraph({
      designated: ['X'],
      ownership: [
        ['A', 'B', 60],
        ['B', 'A', 60],
        ['X', 'A', 50],
      ],
    });
    expect(statusesOf(statements, 'ofac')).toMatchObject({ A: 'blocked', B: 'blocked' });
    expect(statusesOf(statements, 'uk')).toMatchObject({ A: 'none', B: 'none' });
  });

  it('a 40% + 40% cycle does not lift X 20% of A to a block', () => {
    const statements = handGraph({
      designated: ['X'],
      ownership: [
        ['A', 'B', 40],
        ['B', 'A', 40],
        ['X', 'A', 20],
        ['X', 'B', 20],
      ],
    });
    expect(statusesOf(statements, 'ofac')).toMatchObject({ A: 'none', B: 'none' });
  });
});

describe('edges that do not count toward holdings', () => {
  it('an ownership edge without a share is exposure only', () => {
    const statements = handGraph({ designated: ['X'], others: ['A'] });
    statements.edges.push({
      id: 'l1',
      kind: 'ownership',
      from: 'X',
      to: 'A',
      directness: 'unknown',
      source: { kind: 'list', recordId: 'ofac:1' },
    });
    expect(statusesOf(statements, 'ofac').A).toBe('none');
  });

  it('a stated indirect holding counts when no direct chain exists, and not again when one does', () => {
    const alone = handGraph({ designated: ['X'], others: ['C'] });
    alone.edges.push({
      id: 'i1',
      kind: 'ownership',
      from: 'X',
      to: 'C',
      share: exactShare(60),
      directness: 'indirect',
      source: { kind: 'file', file: 'bods.json' },
    });
    expect(statusesOf(alone, 'ofac').C).toBe('blocked');

    // X 80% of A, A 30% of C: under OFAC C holds 30% from blocked A; the register's indirect 24% (80% × 30%)
    // summarises that chain and must not be added to it (30% + 24% would wrongly reach 50%).
    const withChain = handGraph({
      designated: ['X'],
      ownership: [
        ['X', 'A', 80],
        ['A', 'C', 30],
      ],
    });
    withChain.edges.push({
      id: 'i1',
      kind: 'ownership',
      from: 'X',
      to: 'C',
      share: exactShare(24),
      directness: 'indirect',
      source: { kind: 'file', file: 'bods.json' },
    });
    const evaluation = evaluateOwnership(withChain);
    expect(ownershipStatus(evaluation, 'C', 'ofac')).toBe('none');
    expect(evaluation.graph.problems.map((p) => p.kind)).toContain('indirectSummarised');
  });

  it('a share above 100% is reported with its file and row and does not count', () => {
    const statements = handGraph({ designated: ['X'], ownership: [['X', 'A', 120]] });
    const evaluation = evaluateOwnership(statements);
    expect(ownershipStatus(evaluation, 'A', 'ofac')).toBe('none');
    expect(evaluation.graph.problems).toEqual([
      expect.objectContaining({ kind: 'invalidShare', message: expect.stringContaining('hand.csv row 2') }),
    ]);
  });
});

describe('designations per list', () => {
  const withList = (list: 'ofac-sdn' | 'ofac-cons' | 'un-sc' | 'uk-hmt' | undefined) => {
    const statements = handGraph({ designated: ['X'], ownership: [['X', 'A', 100]] });
    const x = statements.nodes.find((n) => n.id === 'X')!;
    x.source = { kind: 'list', recordId: 'X', list };
    return derivedStatuses(evaluateOwnership(statements)).map((d) => d.regime);
  };
  it('an SDN record roots the OFAC rule only', () => expect(withList('ofac-sdn')).toEqual(['ofac']));
  it("a record of OFAC's non-SDN consolidated list roots no rule (it does not block)", () => expect(withList('ofac-cons')).toEqual([]));
  it('a UN record roots the EU and UK rules', () => expect(withList('un-sc')).toEqual(['eu', 'uk']));
  it('a UK list record roots the UK rule only', () => expect(withList('uk-hmt')).toEqual(['uk']));
  it('a party the user marks as designated, naming no list, roots every rule', () =>
    expect(withList(undefined)).toEqual(['ofac', 'eu', 'uk']));
});

describe('a party several lists designate', () => {
  const listed = (id: string, list: 'ofac-sdn' | 'un-sc' | 'uk-hmt', alsoListedOn?: ('ofac-sdn' | 'un-sc' | 'uk-hmt')[]): GraphNode => ({
    id,
    name: id,
    designated: true,
    ...(alsoListedOn ? { alsoListedOn } : {}),
    source: { kind: 'list', recordId: id, list },
  });
  const firm: GraphNode = { id: 'csv:firm', name: 'Firm', source: { kind: 'file', file: 'register.csv', row: 2 } };
  const holding = (from: string): GraphEdge => ({
    id: `${from}>firm`,
    kind: 'ownership',
    from,
    to: 'csv:firm',
    share: exactShare(60),
    directness: 'direct',
    source: { kind: 'file', file: 'register.csv', row: 2 },
  });

  it('counts under the regimes of every list that keeps a record of it, whichever record the file names', () => {
    const alone = evaluateOwnership({ nodes: [listed('ofac:9345', 'ofac-sdn'), firm], edges: [holding('ofac:9345')] });
    expect(REGIME_IDS.map((r) => ownershipStatus(alone, 'csv:firm', r))).toEqual(['blocked', 'none', 'none']);
    const linked = evaluateOwnership({ nodes: [listed('ofac:9345', 'ofac-sdn', ['un-sc']), firm], edges: [holding('ofac:9345')] });
    expect(REGIME_IDS.map((r) => ownershipStatus(linked, 'csv:firm', r))).toEqual(['blocked', 'blocked', 'blocked']);
  });
});
