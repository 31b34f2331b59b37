/**
 * @module components/radial-layout
 * Positions for a small relationship graph: the record in the centre, the related records on one ring
 * around it, or on two when there are many (the outer ring offset by half a step so labels do not sit
 * on top of each other). Pure.
 * @example radialLayout(4, 400).nodes[0] // → { x: 200, y: 56, ring: 0, angle: -90, radius: 144 }: straight above the centre
 */

export interface LayoutPoint {
  x: number;
  y: number;
  /** 0 for the inner ring, 1 for the outer. */
  ring: number;
  /** Degrees from the positive x axis, clockwise on screen (-90 = straight up). */
  angle: number;
  /** Distance from the centre. */
  radius: number;
}

export interface RadialLayout {
  size: number;
  center: { x: number; y: number };
  nodes: LayoutPoint[];
}

/** One ring holds this many before a second ring is used: beyond it, labels on one ring collide. */
export const INNER_RING_CAPACITY = 10;

/** Fractions of the drawing's size: one ring, or the inner and outer of two. */
const ONE_RING_RADIUS = 0.36;
const TWO_RING_RADII = [0.25, 0.42] as const;

export function radialLayout(count: number, size: number): RadialLayout {
  const c = size / 2;
  const twoRings = count > INNER_RING_CAPACITY;
  const inner = twoRings ? Math.ceil(count / 2.4) : count;
  const rings = twoRings ? [inner, count - inner] : [count];
  const nodes: LayoutPoint[] = [];
  rings.forEach((n, ring) => {
    const radius = size * (twoRings ? TWO_RING_RADII[ring] : ONE_RING_RADIUS);
    const step = 360 / Math.max(n, 1);
    const offset = ring === 1 ? step / 2 : 0;
    for (let k = 0; k < n; k++) {
      const angle = -90 + offset + k * step;
      const rad = (angle * Math.PI) / 180;
      nodes.push({ x: round(c + radius * Math.cos(rad)), y: round(c + radius * Math.sin(rad)), ring, angle, radius });
    }
  });
  return { size, center: { x: c, y: c }, nodes };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
