import { describe, expect, it } from 'vitest';
import { handGraph } from '../../../../test/ownership-graphs.js';
import { compileOwnershipGraph } from './compile.js';
import { LIST_SOURCES } from '../model/entity.js';
import { EDGE_ROLE, forEachAdjacent, forEachBlockingIn, listCode, OTHER_LIST } from './compiled-graph.js';
import { evaluateOwnership, ownershipStatus } from './evaluate.js';
import { exactShare } from './graph.js';

describe('listCode', () => {
  it('gives each list source its own bit below OTHER_LIST, which fits the Uint8Array that holds it', () => {
    const codes = LIST_SOURCES.map((list) => listCode({ id: `${list}:1`, name: list, source: { kind: 'list', list } }));
    expect(new Set(codes).size).toBe(LIST_SOURCES.length);
    for (const code of codes) expect(code).toBeLessThan(OTHER_LIST);
    expect(OTHER_LIST).toBeLessThanOrEqual(0xff);
  });
});

describe('compileOwnershipGraph', () => {
  it('interns ids and lists each holding at both ends', () => {
    const g = compileOwnershipGraph(
      handGraph({
        designated: ['X'],
        ownership: [
          ['X', 'A', 50],
          ['A', 'B', 50],
        ],
        control: [['X', 'B']],
      }),
    );
    const b = g.nodeIndex.get('B')!;
    const into: string[] = [];
    forEachBlockingIn(g, b, (e) => into.push(g.edges[e].id));
    expect(into).toEqual(['o2', 'c1']);
    expect(g.edgeRole[g.edges.findIndex((e) => e.id === 'c1')]).toBe(EDGE_ROLE.control);
    expect(g.problems).toEqual([]);
  });

  it('a self-holding is listed once at its node', () => {
    const g = compileOwnershipGraph(handGraph({ designated: [], ownership: [['A', 'A', 10]] }));
    const seen: number[] = [];
    forEachAdjacent(g, 0, (e) => seen.push(e));
    expect(seen).toEqual([0]);
  });

  it('one statement loaded twice counts once, and is reported', () => {
    const statements = handGraph({ designated: ['X'], ownership: [['X', 'A', 30]] });
    statements.edges.push({ ...statements.edges[0], source: { kind: 'file', file: 'again.csv', row: 2 } });
    const evaluation = evaluateOwnership(statements);
    expect(ownershipStatus(evaluation, 'A', 'ofac')).toBe('none');
    expect(evaluation.graph.problems.map((p) => [p.kind, p.message])).toEqual([
      ['duplicateEdge', 'again.csv row 2: edge o1 is stated twice; the first statement is used'],
    ]);
  });

  it('two holdings of one owner in one entity both count, and the user is told', () => {
    const statements = handGraph({
      designated: ['X'],
      ownership: [
        ['X', 'A', 30],
        ['X', 'A', 25],
      ],
    });
    const evaluation = evaluateOwnership(statements);
    expect(ownershipStatus(evaluation, 'A', 'ofac')).toBe('blocked');
    expect(evaluation.graph.problems.map((p) => p.kind)).toEqual(['parallelOwnership']);
  });

  it('reports edges to unknown parties, duplicate parties and matches to records the graph lacks', () => {
    const statements = handGraph({ designated: ['X'], others: ['A'] });
    statements.nodes.push({ id: 'A', name: 'A again', source: { kind: 'file', file: 'more.csv', row: 9 } });
    statements.nodes.push({
      id: 'C',
      name: 'Customer',
      resolvedTo: { recordId: 'ofac:404', score: 0.9, reason: 'name' },
      source: { kind: 'file', file: 'customers.csv', row: 3 },
    });
    statements.edges.push({
      id: 'bad',
      kind: 'ownership',
      from: 'X',
      to: 'Z',
      share: exactShare(60),
      directness: 'direct',
      source: { kind: 'file', file: 'register.csv', row: 7 },
    });
    const g = compileOwnershipGraph(statements);
    expect(g.problems.map((p) => [p.kind, p.message])).toEqual([
      ['duplicateNode', 'more.csv row 9: party A is stated twice; the first statement is used'],
      [
        'unknownResolvedRecord',
        'customers.csv row 3: party C was matched to ofac:404, which the graph does not hold; it counts as designated for no regime',
      ],
      ['unknownNode', 'register.csv row 7: edge bad names party Z, which no statement introduces; the edge is not used'],
    ]);
    expect(g.edges).toHaveLength(0);
  });

  it('refuses share ranges with crossed or empty ends', () => {
    const statements = handGraph({ designated: ['X'], others: ['A'] });
    const bad = [
      { min: 60, max: 40, minInclusive: true, maxInclusive: true },
      { min: 50, max: 50, minInclusive: false, maxInclusive: true },
      { min: -1, max: 10, minInclusive: true, maxInclusive: true },
      { min: Number.NaN, max: 10, minInclusive: true, maxInclusive: true },
    ];
    bad.forEach((share, i) =>
      statements.edges.push({
        id: `s${i}`,
        kind: 'ownership',
        from: 'X',
        to: 'A',
        share,
        directness: 'direct',
        source: { kind: 'file', file: 'r.csv', row: i + 2 },
      }),
    );
    const g = compileOwnershipGraph(statements);
    expect(g.problems.map((p) => p.message)).toEqual([
      'r.csv row 2: edge s0: share range 60–40% has its lower end above its upper end; the edge counts as a link without a share',
      'r.csv row 3: edge s1: share range at 50% with an exclusive end holds no value; the edge counts as a link without a share',
      'r.csv row 4: edge s2: share -1% is below 0%; the edge counts as a link without a share',
      'r.csv row 5: edge s3: share NaN–10% is not a number; the edge counts as a link without a share',
    ]);
    expect([...g.edgeRole.subarray(0, g.edges.length)]).toEqual([0, 0, 0, 0]);
  });
});
