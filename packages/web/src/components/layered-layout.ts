/**
 * @module components/layered-layout
 * Positions for a graph drawn in layers — owners above what they own, or a record between those that
 * state ties to it and those it states ties to — computed by dagre (`@dagrejs/dagre`, the Sugiyama
 * method: layers, crossings reduced, edges routed around nodes, edge labels given their own room so they
 * are never cut or drawn over a node). Pure: sizes in, coordinates out; the drawing is the caller's.
 * Issue 16 point 7 asks for a kept layout library rather than hand-written geometry.
 * @example
 *   layeredLayout([{ id: 'x', width: 120, height: 40 }, { id: 'a', width: 120, height: 40 }],
 *                 [{ id: 'e1', from: 'x', to: 'a', labelWidth: 40, labelHeight: 16 }])
 *   // → nodes.get('x').y < nodes.get('a').y: the owner x is drawn above a
 */
import { graphlib, layout } from '@dagrejs/dagre';

export interface LayoutNodeInput {
  id: string;
  width: number;
  height: number;
}

export interface LayoutEdgeInput {
  id: string;
  from: string;
  to: string;
  /** The room the edge's label needs; none when the edge has no label. */
  labelWidth?: number;
  labelHeight?: number;
}

export interface Point {
  x: number;
  y: number;
}

/** A node's box, by its centre. */
export interface PlacedNode extends Point {
  width: number;
  height: number;
}

export interface PlacedEdge {
  id: string;
  /** From the rim of `from`'s box to the rim of `to`'s. */
  points: Point[];
  /** The centre of the label's room. */
  label?: Point;
}

export interface LayeredLayout {
  width: number;
  height: number;
  nodes: Map<string, PlacedNode>;
  edges: PlacedEdge[];
}

export interface LayeredLayoutOptions {
  /** TB: `from` above `to` (owners above what they own); LR: `from` left of `to`. */
  direction?: 'TB' | 'LR';
  /** Space between layers and between neighbours in a layer, in px. */
  layerGap?: number;
  nodeGap?: number;
  margin?: number;
}

/**
 * Lays the graph out in layers. Cycles are allowed (dagre reverses an edge of each for ranking and
 * draws it as stated); several edges between the same two nodes each get their own route and label.
 * Edges to a node not given are left out.
 */
export function layeredLayout(
  nodes: readonly LayoutNodeInput[],
  edges: readonly LayoutEdgeInput[],
  options: LayeredLayoutOptions = {},
): LayeredLayout {
  const { direction = 'TB', layerGap = 56, nodeGap = 28, margin = 12 } = options;
  const g = new graphlib.Graph({ multigraph: true, directed: true });
  g.setGraph({ rankdir: direction, ranksep: layerGap, nodesep: nodeGap, edgesep: 12, marginx: margin, marginy: margin });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.width, height: n.height });
  const drawn = edges.filter((e) => g.hasNode(e.from) && g.hasNode(e.to));
  for (const e of drawn)
    g.setEdge(
      e.from,
      e.to,
      // A label's room is a node of its own in the middle layer, so no label sits on another.
      { width: e.labelWidth ?? 0, height: e.labelHeight ?? 0, labelpos: 'c' },
      e.id,
    );
  layout(g);

  const placed = new Map<string, PlacedNode>();
  for (const n of nodes) {
    const p = g.node(n.id);
    placed.set(n.id, { x: round(p.x ?? 0), y: round(p.y ?? 0), width: n.width, height: n.height });
  }
  const placedEdges = drawn.map((e): PlacedEdge => {
    const label = g.edge(e.from, e.to, e.id);
    const points = (label.points ?? []).map((p: Point) => ({ x: round(p.x), y: round(p.y) }));
    const hasLabel = (e.labelWidth ?? 0) > 0 && label.x !== undefined && label.y !== undefined;
    return { id: e.id, points, label: hasLabel ? { x: round(label.x!), y: round(label.y!) } : undefined };
  });
  const size = g.graph();
  return { width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0), nodes: placed, edges: placedEdges };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
