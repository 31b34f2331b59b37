// @vitest-environment jsdom
/**
 * The layered drawing: names wrapped on at most two lines and shortened with "…", boxes wide enough for
 * their text, a drawing that may shrink to MIN_SCALE of its width and no further, and arrow markers of
 * their own per drawing (two drawings on one page must not share ids).
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LayeredGraph, MIN_SCALE, NAME_CHARS, wrapName } from './LayeredGraph';

afterEach(cleanup);

describe('wrapName', () => {
  it('keeps a short name on one line, and wraps a long one at spaces onto two', () => {
    expect(wrapName('KIM')).toEqual(['KIM']);
    expect(wrapName('DANDONG ZHICHENG METALLIC MATERIAL CO., LTD.')).toEqual(['DANDONG ZHICHENG METALLIC', 'MATERIAL CO., LTD.']);
  });

  it('shortens what does not fit two lines, and a word longer than a line, with "…"', () => {
    const lines = wrapName("FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA");
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(NAME_CHARS);
    expect(wrapName('X'.repeat(40))).toEqual(['X'.repeat(NAME_CHARS - 1) + '…']);
  });
});

describe('LayeredGraph', () => {
  const nodes = [
    { id: 'a', name: 'A HOLDINGS', title: 'A HOLDINGS' },
    { id: 'b', name: 'B TRADING', note: 'blocked: OFAC', href: '/ownership/nodes/csv%3Ab', title: 'B TRADING' },
  ];
  const edges = [{ id: 'e', from: 'a', to: 'b', label: '60%' }];

  it('draws at its natural width, shrinking to MIN_SCALE of it at most', () => {
    const { container } = render(<LayeredGraph label="Test" nodes={nodes} edges={edges} />);
    const svg = container.querySelector('svg')!;
    const width = Number(svg.getAttribute('width'));
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${width} ${svg.getAttribute('viewBox')!.split(' ')[3]}`);
    expect(svg.style.minWidth).toBe(`${Math.round(width * MIN_SCALE)}px`);
  });

  it('gives each drawing its own arrowhead id', () => {
    const { container } = render(
      <>
        <LayeredGraph label="One" nodes={nodes} edges={edges} />
        <LayeredGraph label="Two" nodes={nodes} edges={edges} />
      </>,
    );
    const ids = [...container.querySelectorAll('marker')].map((m) => m.id);
    expect(new Set(ids).size).toBe(2);
    const ends = [...container.querySelectorAll('.layered-graph__edge path')].map((p) => p.getAttribute('marker-end'));
    expect(ends).toEqual(ids.map((id) => `url(#${id})`));
  });

  it('makes each box wide enough for its longest line', () => {
    const { container } = render(<LayeredGraph label="Test" nodes={nodes} edges={edges} />);
    const boxes = [...container.querySelectorAll('.layered-graph__box')].map((r) => Number(r.getAttribute('width')));
    // Estimated where nothing can be measured (jsdom): "A HOLDINGS" (10 characters) fits the least width;
    // "blocked: OFAC" (13) is the longest line of B.
    expect(boxes).toEqual([96, 118]);
  });
});
