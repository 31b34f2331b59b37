/**
 * The layered layout through dagre: owners above what they own (and left of it, left to right), every
 * box apart from every other, labels given their own room, parallel edges and cycles drawn, and every
 * coordinate inside the drawing.
 */
import { describe, expect, it } from 'vitest';
import { layeredLayout, type LayoutEdgeInput, type LayoutNodeInput, type PlacedNode } from './layered-layout';

const box = (id: string, width = 140): LayoutNodeInput => ({ id, width, height: 40 });
const edge = (id: string, from: string, to: string, label = true): LayoutEdgeInput => ({
  id,
  from,
  to,
  ...(label ? { labelWidth: 40, labelHeight: 16 } : {}),
});

/** Two boxes overlap when their extents overlap on both axes. */
function overlap(a: PlacedNode, b: PlacedNode): boolean {
  return Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < (a.height + b.height) / 2;
}

// X (designated) holds 30% of Acme, Y 25%; Acme holds 60% of Acme Shipping.
const NODES = [box('ofac:1'), box('ofac:2'), box('csv:acme', 180), box('csv:shipping')];
const EDGES = [edge('e1', 'ofac:1', 'csv:acme'), edge('e2', 'ofac:2', 'csv:acme'), edge('e3', 'csv:acme', 'csv:shipping')];

describe('layeredLayout', () => {
  it('puts owners in a layer above what they own, and that above what it owns', () => {
    const { nodes } = layeredLayout(NODES, EDGES);
    const y = (id: string) => nodes.get(id)!.y;
    expect(y('ofac:1')).toBe(y('ofac:2'));
    expect(y('ofac:1')).toBeLessThan(y('csv:acme'));
    expect(y('csv:acme')).toBeLessThan(y('csv:shipping'));
  });

  it('runs left to right when asked', () => {
    const { nodes } = layeredLayout(NODES, EDGES, { direction: 'LR' });
    expect(nodes.get('ofac:1')!.x).toBeLessThan(nodes.get('csv:acme')!.x);
    expect(nodes.get('csv:acme')!.x).toBeLessThan(nodes.get('csv:shipping')!.x);
  });

  it('keeps every box apart and inside the drawing, and gives each label a place on its edge', () => {
    const layout = layeredLayout(NODES, EDGES);
    const placed = [...layout.nodes.values()];
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlap(placed[i], placed[j])).toBe(false);
    for (const n of placed) {
      expect(n.x - n.width / 2).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width / 2).toBeLessThanOrEqual(layout.width);
      expect(n.y - n.height / 2).toBeGreaterThanOrEqual(0);
      expect(n.y + n.height / 2).toBeLessThanOrEqual(layout.height);
    }
    expect(layout.edges.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    for (const e of layout.edges) {
      expect(e.points.length).toBeGreaterThanOrEqual(2);
      expect(e.label).toBeDefined();
      // No label sits on a box.
      for (const n of placed) expect(overlap({ ...e.label!, width: 40, height: 16 }, n)).toBe(false);
    }
  });

  it('starts an edge at the rim of its owner and ends it at the rim of the owned', () => {
    const layout = layeredLayout(NODES, EDGES);
    const e3 = layout.edges.find((e) => e.id === 'e3')!;
    const acme = layout.nodes.get('csv:acme')!;
    const shipping = layout.nodes.get('csv:shipping')!;
    expect(e3.points[0].y).toBeCloseTo(acme.y + acme.height / 2, 0);
    expect(e3.points.at(-1)!.y).toBeCloseTo(shipping.y - shipping.height / 2, 0);
  });

  it('draws two ties between the same parties as two edges, and a cycle without failing', () => {
    const layout = layeredLayout([box('a'), box('b')], [edge('own', 'a', 'b'), edge('control', 'a', 'b'), edge('back', 'b', 'a')]);
    expect(layout.edges.map((e) => e.id)).toEqual(['own', 'control', 'back']);
    const labels = layout.edges.map((e) => `${e.label!.x},${e.label!.y}`);
    expect(new Set(labels).size).toBe(3);
  });

  it('leaves out an edge to a party it was not given, and an edge without a label has no label place', () => {
    const layout = layeredLayout([box('a'), box('b')], [edge('e1', 'a', 'b', false), edge('e2', 'a', 'nobody')]);
    expect(layout.edges).toHaveLength(1);
    expect(layout.edges[0].label).toBeUndefined();
  });
});
