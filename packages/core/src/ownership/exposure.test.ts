import { describe, expect, it } from 'vitest';
import { compileOwnershipGraph } from './compile.js';
import { EXPOSURE_EDGE_STRENGTH, exposurePaths } from './exposure.js';
import { exactShare, type GraphEdge, type GraphNode } from './graph.js';

const file = (row: number) => ({ kind: 'file' as const, file: 'ties.csv', row });
const party = (id: string, designated = false): GraphNode => ({
  id,
  name: `Party ${id}`,
  designated: designated || undefined,
  source: file(1),
});

// C is the customer. X holds all of H, which holds all of C, and is also C's business partner; P directs
// C and is Y's brother; Z's list record links it to C; W is four associations away.
const nodes = [
  party('C'),
  party('X', true),
  party('Y', true),
  party('Z', true),
  party('W', true),
  party('H'),
  party('P'),
  party('M1'),
  party('M2'),
  party('M3'),
];
const edges: GraphEdge[] = [
  { id: 'o1', kind: 'ownership', from: 'X', to: 'H', share: exactShare(100), directness: 'direct', source: file(2) },
  { id: 'o2', kind: 'ownership', from: 'H', to: 'C', share: exactShare(100), directness: 'direct', source: file(3), date: '2024-01-31' },
  { id: 'a1', kind: 'associate', from: 'C', to: 'X', label: 'business partner', source: file(4) },
  { id: 'd1', kind: 'directorship', from: 'P', to: 'C', role: 'Director', source: file(5) },
  { id: 'f1', kind: 'family', from: 'Y', to: 'P', relation: 'brother', source: file(6) },
  { id: 'l1', kind: 'listLink', from: 'Z', to: 'C', label: 'Linked To: PARTY C', source: { kind: 'list', recordId: 'Z' } },
  { id: 'a2', kind: 'associate', from: 'C', to: 'M1', source: file(8) },
  { id: 'a3', kind: 'associate', from: 'M1', to: 'M2', source: file(9) },
  { id: 'a4', kind: 'associate', from: 'M2', to: 'M3', source: file(10) },
  { id: 'a5', kind: 'associate', from: 'M3', to: 'W', source: file(11) },
];

describe('exposurePaths', () => {
  const graph = compileOwnershipGraph({ nodes, edges });

  it('ranks designated persons within three steps by their strongest tie', () => {
    const targets = exposurePaths(graph, 'C')!;
    expect(targets.map((t) => [t.nodeId, t.distance, t.strongest.strength])).toEqual([
      ['X', 1, 1],
      ['Z', 1, EXPOSURE_EDGE_STRENGTH.listLink],
      ['Y', 2, EXPOSURE_EDGE_STRENGTH.directorship * EXPOSURE_EDGE_STRENGTH.family],
    ]);
  });

  it('the shortest path and the strongest path can differ, each step with its evidence and stated direction', () => {
    const x = exposurePaths(graph, 'C')!.find((t) => t.nodeId === 'X')!;
    expect(x.shortest).toEqual([
      {
        strength: EXPOSURE_EDGE_STRENGTH.associate,
        steps: [
          {
            from: 'C',
            to: 'X',
            strength: 0.5,
            edge: { id: 'a1', kind: 'associate', from: 'C', to: 'X', label: 'business partner', source: file(4) },
          },
        ],
      },
    ]);
    expect(x.strongest.steps).toEqual([
      {
        from: 'C',
        to: 'H',
        strength: 1,
        edge: { id: 'o2', kind: 'ownership', from: 'H', to: 'C', share: exactShare(100), source: file(3), date: '2024-01-31' },
      },
      {
        from: 'H',
        to: 'X',
        strength: 1,
        edge: { id: 'o1', kind: 'ownership', from: 'X', to: 'H', share: exactShare(100), source: file(2) },
      },
    ]);
  });

  it('the depth bounds the search: W is four steps away', () => {
    expect(exposurePaths(graph, 'C', { depth: 3 })!.map((t) => t.nodeId)).not.toContain('W');
    const w = exposurePaths(graph, 'C', { depth: 4 })!.find((t) => t.nodeId === 'W')!;
    expect(w.distance).toBe(4);
    expect(w.strongest.steps.map((s) => s.edge.id)).toEqual(['a2', 'a3', 'a4', 'a5']);
  });

  it('several shortest paths of equal length are all given, up to the limit', () => {
    const twoWays = compileOwnershipGraph({
      nodes: [party('C'), party('S', true), party('A'), party('B')],
      edges: [
        { id: 'e1', kind: 'associate', from: 'C', to: 'A', source: file(2) },
        { id: 'e2', kind: 'associate', from: 'A', to: 'S', source: file(3) },
        { id: 'e3', kind: 'family', from: 'C', to: 'B', source: file(4) },
        { id: 'e4', kind: 'family', from: 'B', to: 'S', source: file(5) },
      ],
    });
    const [s] = exposurePaths(twoWays, 'C')!;
    expect(s.shortest.map((p) => p.steps.map((step) => step.edge.id))).toEqual([
      ['e1', 'e2'],
      ['e3', 'e4'],
    ]);
    expect(s.strongest.steps.map((step) => step.edge.id)).toEqual(['e3', 'e4']);
    expect(exposurePaths(twoWays, 'C', { maxShortestPaths: 1 })![0].shortest).toHaveLength(1);
  });

  it('a designated party is not its own exposure; an unknown id gives undefined', () => {
    expect(exposurePaths(graph, 'X')!.map((t) => t.nodeId)).not.toContain('X');
    expect(exposurePaths(graph, 'nobody')).toBeUndefined();
  });
});
