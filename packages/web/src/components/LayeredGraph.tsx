/**
 * @module components/LayeredGraph
 * A graph drawn in layers as SVG (positions from `layeredLayout`, i.e. dagre): each node a box of one or
 * two lines that links to its own page, each edge an arrow with its label in a box of its own. The
 * drawing keeps its natural size and scrolls inside its frame when it is wider than the screen (the page
 * itself never scrolls sideways); it shrinks to at most `MIN_SCALE` of that size first, opens centred on
 * the party of the page, and says that it scrolls.
 * Used by the ownership chain and the relationship graph; each supplies the words and the classes.
 * @example
 *   <LayeredGraph label="Ownership of Acme" nodes={[{ id, name: 'ACME LTD', note: 'blocked: OFAC', href, title }]}
 *                 edges={[{ id: 'e1', from: 'ofac:1', to: 'csv:acme', label: '30%' }]} />
 */
import { useId, useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import { navigate } from '../router';
import { layeredLayout, type Point } from './layered-layout';

export interface GraphNodeView {
  id: string;
  /** Shown bold, on up to two lines, shortened with "…" beyond them. */
  name: string;
  /** A short line under the name (its status). */
  note?: string;
  /** Where the node leads; none for the node whose page this is. */
  href?: string;
  /** The name in full (and what it is) for screen readers and the tooltip. */
  title: string;
  className?: string;
}

export interface GraphEdgeView {
  id: string;
  from: string;
  to: string;
  label?: string;
  /** The label in full when `label` is shortened. */
  title?: string;
  className?: string;
  /** An arrowhead at both ends: ties stated each way between the two. */
  bothWays?: boolean;
}

export interface LayeredGraphProps {
  /** Names the drawing for screen readers (`role="group"`). */
  label: string;
  nodes: readonly GraphNodeView[];
  edges: readonly GraphEdgeView[];
  direction?: 'TB' | 'LR';
}

/** Characters of a name per line in a box, and the lines it may take. */
export const NAME_CHARS = 26;
const NAME_LINES = 2;
const LABEL_CHARS = 30;
/** Approximate glyph widths of the 12 px and 11 px system font, for boxes that fit their text. */
const CHAR_WIDTH = 7.5;
const LABEL_CHAR_WIDTH = 6.6;
const LABEL_PAD = 12;
const LINE_HEIGHT = 15;
const PAD_X = 10;
const PAD_Y = 8;
const MIN_NODE_WIDTH = 96;
const LABEL_HEIGHT = 18;
/** The drawing may shrink to this share of its natural width before its frame scrolls. */
export const MIN_SCALE = 0.85;

/** A name cut into at most two lines at spaces, the last line ending in "…" when it had to be shortened. */
export function wrapName(name: string, chars = NAME_CHARS, maxLines = NAME_LINES): string[] {
  const words = name.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= chars) line = next;
    else {
      if (line) lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const kept = lines.slice(0, maxLines).map((l) => (l.length > chars ? l.slice(0, chars - 1) + '…' : l));
  if (lines.length > maxLines) {
    const last = kept[maxLines - 1];
    kept[maxLines - 1] = (last.length >= chars ? last.slice(0, chars - 1) : last) + '…';
  }
  return kept.length ? kept : [''];
}

export function shorten(text: string, chars = LABEL_CHARS): string {
  return text.length > chars ? text.slice(0, chars - 1) + '…' : text;
}

/**
 * The widths of the texts in the browser's fonts (node lines, edge labels), keyed by `data-measure`: the
 * first drawing sizes boxes by an estimate per character, then, before the browser paints, the texts are
 * measured and the graph laid out again with their real widths, so no name runs out of its box whatever
 * the font. Measured on a canvas in each text's computed font, not in the drawing: a drawing scaled to fit
 * its frame measures its texts a little differently at each scale, and laying out again would change the
 * scale again, without end. Where nothing can be measured (jsdom) the estimate stays.
 */
function useMeasuredWidths(svg: { current: SVGSVGElement | null }): Map<string, number> {
  const [widths, setWidths] = useState<Map<string, number>>(() => new Map());
  useLayoutEffect(() => {
    const root = svg.current;
    const canvas = root ? textCanvas() : null;
    if (!root || !canvas) return;
    const next = new Map<string, number>();
    for (const group of root.querySelectorAll<SVGElement>('[data-measure]')) {
      let widest = 0;
      for (const text of group.querySelectorAll<SVGTextElement>('text')) {
        const style = getComputedStyle(text);
        canvas.font = style.font || `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        widest = Math.max(widest, canvas.measureText(text.textContent ?? '').width);
      }
      next.set(group.dataset.measure!, Math.ceil(widest));
    }
    // The same texts measure the same: this settles after one more drawing.
    const changed = next.size !== widths.size || [...next].some(([k, w]) => widths.get(k) !== w);
    if (changed) setWidths(next);
  });
  return widths;
}

let canvasContext: CanvasRenderingContext2D | null | undefined;

/** A 2D canvas to measure text on; none in jsdom, which has no canvas (and says so on the console). */
function textCanvas(): CanvasRenderingContext2D | null {
  if (canvasContext === undefined)
    canvasContext = /jsdom/i.test(navigator.userAgent) ? null : document.createElement('canvas').getContext('2d');
  return canvasContext;
}

function pathOf(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
}

export function LayeredGraph({ label, nodes, edges, direction = 'TB' }: LayeredGraphProps) {
  const arrow = `arrow-${useId().replace(/:/g, '')}`;
  const svg = useRef<SVGSVGElement>(null);
  const measured = useMeasuredWidths(svg);
  const labelWidth = (e: GraphEdgeView) => Math.ceil((measured.get(`edge ${e.id}`) ?? e.label!.length * LABEL_CHAR_WIDTH) + LABEL_PAD);
  const lines = new Map(nodes.map((n) => [n.id, { name: wrapName(n.name), note: n.note ? shorten(n.note) : undefined }]));
  const boxes = nodes.map((n) => {
    const { name, note } = lines.get(n.id)!;
    const all = note ? [...name, note] : name;
    const text = measured.get(`node ${n.id}`) ?? Math.max(...all.map((l) => l.length)) * CHAR_WIDTH;
    const width = Math.max(MIN_NODE_WIDTH, text + 2 * PAD_X);
    return { id: n.id, width: Math.ceil(width), height: all.length * LINE_HEIGHT + 2 * PAD_Y };
  });
  const layout = layeredLayout(
    boxes,
    edges.map((e) => ({
      id: e.id,
      from: e.from,
      to: e.to,
      ...(e.label ? { labelWidth: labelWidth(e), labelHeight: LABEL_HEIGHT } : {}),
    })),
    { direction },
  );
  const edgeById = new Map(edges.map((e) => [e.id, e]));
  const { width, height } = layout;
  const frame = useRef<HTMLDivElement>(null);
  const here = nodes.find((n) => !n.href);
  const hereX = here ? layout.nodes.get(here.id)?.x : undefined;
  const [scrolls, setScrolls] = useState(false);
  // A drawing wider than its frame (a phone) scrolls inside it: it opens on the party of this page, and
  // says that it scrolls. Again when the frame's size changes (a turned phone) or the drawing's does.
  useLayoutEffect(() => {
    const box = frame.current;
    if (!box) return;
    const fit = () => {
      const overflowing = box.scrollWidth > box.clientWidth + 1;
      setScrolls(overflowing);
      if (overflowing && hereX !== undefined && width > 0) {
        const scale = (svg.current?.getBoundingClientRect().width ?? width) / width;
        box.scrollLeft = Math.max(0, hereX * scale - box.clientWidth / 2);
      }
    };
    fit();
    // jsdom has no ResizeObserver; browsers all do.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    return () => observer.disconnect();
  }, [width, hereX]);
  return (
    <>
      <div className="layered-graph" ref={frame}>
        <svg
          ref={svg}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          role="group"
          aria-label={label}
          className="layered-graph__svg"
          style={{ minWidth: Math.round(width * MIN_SCALE) }}
          xmlns="http://www.w3.org/2000/svg"
        >
          <defs>
            <marker id={arrow} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" className="layered-graph__arrow" />
            </marker>
          </defs>
          {layout.edges.map((placed) => {
            const e = edgeById.get(placed.id)!;
            return (
              <g key={e.id} className={`layered-graph__edge ${e.className ?? ''}`}>
                {e.title && <title>{e.title}</title>}
                <path d={pathOf(placed.points)} markerEnd={`url(#${arrow})`} markerStart={e.bothWays ? `url(#${arrow})` : undefined} />
                {e.label && placed.label && (
                  <g className="layered-graph__edge-label" data-measure={`edge ${e.id}`}>
                    <rect
                      x={placed.label.x - labelWidth(e) / 2}
                      y={placed.label.y - LABEL_HEIGHT / 2}
                      width={labelWidth(e)}
                      height={LABEL_HEIGHT}
                      rx={3}
                    />
                    <text x={placed.label.x} y={placed.label.y} dy="0.35em" textAnchor="middle">
                      {e.label}
                    </text>
                  </g>
                )}
              </g>
            );
          })}
          {nodes.map((n) => {
            const p = layout.nodes.get(n.id)!;
            const body = (
              <>
                <title>{n.title}</title>
                <rect
                  x={p.x - p.width / 2}
                  y={p.y - p.height / 2}
                  width={p.width}
                  height={p.height}
                  rx={6}
                  className="layered-graph__box"
                />
                {[...lines.get(n.id)!.name, lines.get(n.id)!.note].map((line, i) =>
                  line === undefined ? null : (
                    <text
                      key={i}
                      x={p.x}
                      y={p.y - p.height / 2 + PAD_Y + LINE_HEIGHT * i + LINE_HEIGHT / 2}
                      dy="0.35em"
                      textAnchor="middle"
                      className={i < lines.get(n.id)!.name.length ? 'layered-graph__name' : 'layered-graph__note'}
                    >
                      {line}
                    </text>
                  ),
                )}
              </>
            );
            const className = `layered-graph__node ${n.className ?? ''}`;
            if (!n.href)
              return (
                <g key={n.id} className={`${className} layered-graph__node--here`} aria-current="page" data-measure={`node ${n.id}`}>
                  {body}
                </g>
              );
            const href = n.href;
            const open = (event: MouseEvent<Element>) => {
              if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
              event.preventDefault();
              navigate(href);
            };
            return (
              <a key={n.id} href={href} className={className} aria-label={n.title} onClick={open} data-measure={`node ${n.id}`}>
                {body}
              </a>
            );
          })}
        </svg>
      </div>
      {scrolls && <p className="hint layered-graph__hint">The drawing is wider than the screen: scroll it sideways to see all of it.</p>}
    </>
  );
}
