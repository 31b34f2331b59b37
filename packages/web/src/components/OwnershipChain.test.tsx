// @vitest-environment jsdom
/**
 * The ownership chain drawn in layers: owners above what they own, each tie labelled with its share or
 * kind, designated persons marked, parties coloured by their status under the chosen regime, each party
 * opening its own page (listed records their profile, a file's parties their node view), and the same
 * ties as a list below.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChainNode } from '../api/types';
import { ACME_NODE } from '../testing/ownership-fixtures';
import { chainEdgeWords, firstRegimeToShow, OwnershipChain, statusLine } from './OwnershipChain';

afterEach(cleanup);
beforeEach(() => window.history.replaceState(null, '', '/ownership/nodes/csv%3Aacme'));

const chain = ACME_NODE.chain;

function drawing() {
  return screen.getByRole('group', { name: /^Ownership and control of ACME TRADING LTD/ });
}

/** A drawn party's box, found by its title. */
function box(name: string): SVGRectElement {
  const node = [...drawing().querySelectorAll('.layered-graph__node')].find((n) => n.querySelector('title')?.textContent?.startsWith(name));
  if (!node) throw new Error(`no box for ${name}`);
  return node.querySelector('rect')!;
}

const top = (name: string) => Number(box(name).getAttribute('y'));

describe('OwnershipChain', () => {
  it('draws owners above what they own: the SDN owners, then ACME, then ACME SHIPPING', () => {
    render(<OwnershipChain centerId="csv:acme" chain={chain} />);
    expect(top('KIM')).toBe(top('KORYO BANK'));
    expect(top('KIM')).toBeLessThan(top('ACME TRADING LTD'));
    expect(top('J. SMITH')).toBeLessThan(top('ACME TRADING LTD'));
    expect(top('ACME TRADING LTD')).toBeLessThan(top('ACME SHIPPING'));
  });

  it('labels each tie with its share, or its kind and the source’s words', () => {
    const { container } = render(<OwnershipChain centerId="csv:acme" chain={chain} />);
    const labels = [...container.querySelectorAll('.layered-graph__edge-label text')].map((t) => t.textContent);
    expect(labels).toEqual(['30%', '25%', '60%', 'director of: director']);
  });

  it('links every other party to its page, and draws the party of this page without a link', () => {
    render(<OwnershipChain centerId="csv:acme" chain={chain} />);
    const links = within(drawing()).getAllByRole('link');
    expect(links.map((a) => [a.getAttribute('aria-label'), a.getAttribute('href')])).toEqual([
      ['KIM (ofac:111) — designated: OFAC', '/entities/ofac%3A111'],
      ['KORYO BANK (ofac:222) — designated: OFAC', '/entities/ofac%3A222'],
      ['J. SMITH (csv:smith)', '/ownership/nodes/csv%3Asmith'],
      ['ACME SHIPPING (csv:acme-shipping) — blocked: OFAC', '/ownership/nodes/csv%3Aacme-shipping'],
    ]);
    expect(box('ACME TRADING LTD').closest('a')).toBeNull();
    fireEvent.click(links[3]);
    expect(window.location.pathname).toBe('/ownership/nodes/csv%3Aacme-shipping');
  });

  it('marks designated persons and colours parties by their status under the regime chosen', () => {
    render(<OwnershipChain centerId="csv:acme" chain={chain} />);
    const node = (name: string) => box(name).parentElement!.getAttribute('class')!;
    // ACME is blocked under OFAC only, so OFAC is shown first.
    expect(screen.getByRole('button', { name: 'OFAC' }).getAttribute('aria-pressed')).toBe('true');
    expect(node('KIM')).toContain('chain-node--designated');
    expect(node('ACME TRADING LTD')).toContain('chain-node--blocked');
    expect(node('J. SMITH')).toContain('chain-node--none');
    fireEvent.click(screen.getByRole('button', { name: 'UK' }));
    expect(screen.getByRole('button', { name: 'UK' }).getAttribute('aria-pressed')).toBe('true');
    expect(node('ACME TRADING LTD')).toContain('chain-node--none');
    // Designated on a list the UK does not follow: still marked designated, not coloured as such.
    expect(node('KIM')).toContain('chain-node--none chain-node--designated');
    expect(drawing().getAttribute('aria-label')).toBe('Ownership and control of ACME TRADING LTD, coloured by UK status');
  });

  it('writes the status of each party under its name', () => {
    const { container } = render(<OwnershipChain centerId="csv:acme" chain={chain} />);
    const notes = [...container.querySelectorAll('.layered-graph__note')].map((t) => t.textContent);
    expect(notes).toEqual(['designated: OFAC', 'designated: OFAC', 'Person', 'blocked: OFAC', 'blocked: OFAC']);
  });

  it('lists the same ties in words below the drawing, with links and statuses', () => {
    render(<OwnershipChain centerId="csv:acme" chain={chain} />);
    const list = screen.getByRole('list', { name: 'Ownership and control ties of ACME TRADING LTD' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'KIM OFAC designated owns 30% of ACME TRADING LTD OFAC blocked',
      'KORYO BANK OFAC designated owns 25% of ACME TRADING LTD OFAC blocked',
      'ACME TRADING LTD OFAC blocked owns 60% of ACME SHIPPING OFAC blocked',
      'J. SMITH director of (director) ACME TRADING LTD OFAC blocked',
    ]);
    expect(within(list).getAllByRole('link', { name: 'KIM' })[0].getAttribute('href')).toBe('/entities/ofac%3A111');
  });

  it('says when no tie is known', () => {
    render(
      <OwnershipChain centerId="csv:lonely" chain={{ nodes: [{ ...chain.nodes[2], id: 'csv:lonely', name: 'LONELY LTD' }], edges: [] }} />,
    );
    expect(screen.getByText(/No ownership or control tie of LONELY LTD is known/)).toBeTruthy();
    expect(screen.queryByRole('group')).toBeNull();
  });
});

describe('chain words', () => {
  const node = (status: ChainNode['status']): ChainNode => ({ id: 'x', name: 'X', designated: false, status });

  it('sums a party’s statuses up in one line, most severe first', () => {
    expect(statusLine(node({ ofac: 'blocked', eu: 'blocked', uk: 'possibly_blocked' }))).toBe('blocked: OFAC, EU · possibly blocked: UK');
    expect(statusLine(node({ ofac: 'none', eu: 'none', uk: 'none' }))).toBe('');
  });

  it('shows a party first under the regime where it fares worst', () => {
    expect(firstRegimeToShow(node({ ofac: 'possibly_blocked', eu: 'none', uk: 'blocked' }))).toBe('uk');
    expect(firstRegimeToShow(node({ ofac: 'none', eu: 'none', uk: 'none' }))).toBe('ofac');
  });

  it('labels a holding without a share, and control with its basis', () => {
    expect(chainEdgeWords({ id: 'e', kind: 'ownership', from: 'a', to: 'b' })).toBe('owns (share not stated)');
    expect(chainEdgeWords({ id: 'e', kind: 'ownership', from: 'a', to: 'b', share: '25–50%' })).toBe('25–50%');
    expect(chainEdgeWords({ id: 'e', kind: 'control', from: 'a', to: 'b', label: 'board appointment' })).toBe(
      'controls: board appointment',
    );
  });
});
