// @vitest-environment jsdom
/**
 * The relationship graph: drawn in layers (stating records left, stated ones right), one node per
 * related record whatever the number of relationships with it, arrows coloured by kind, nodes that open the related profile, and the same relationships
 * as a readable list.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntityRelationship } from '../api/types';
import { MAX_GRAPH_NODES, RelationshipGraph, relatedRecords } from './RelationshipGraph';

afterEach(cleanup);
beforeEach(() => window.history.replaceState(null, '', '/entities/ofac%3A22603'));

const center = { id: 'ofac:22603', caption: 'DANDONG ZHICHENG METALLIC MATERIAL CO., LTD.', schema: 'Organization' };
const chonmasan = { id: 'ofac:9322', caption: 'KOREA CHONMASAN SHIPPING CO', schema: 'Organization' };
const linked = { id: 'ofac:22612', caption: 'DANDONG HUAXING TRADING', schema: 'Company' };

const relationships: EntityRelationship[] = [
  { from: center, to: chonmasan, kind: 'linkedTo', sourceText: 'Linked To: KOREA CHONMASAN SHIPPING CO' },
  { from: linked, to: center, kind: 'linkedTo', sourceText: 'Linked To: DANDONG ZHICHENG METALLIC MATERIAL CO., LTD' },
  { from: center, to: chonmasan, kind: 'ownedBy', sourceText: 'Owned or Controlled By' },
];

describe('the relationship graph in layers', () => {
  /** A drawn record's box, found by its title. */
  const box = (container: HTMLElement, name: string) =>
    [...container.querySelectorAll('.layered-graph__node')]
      .find((n) => n.querySelector('title')?.textContent?.startsWith(name))!
      .querySelector('rect')!;
  const left = (container: HTMLElement, name: string) => Number(box(container, name).getAttribute('x'));

  it('draws the records that state a tie to this one on its left, those it states ties to on its right', () => {
    const { container } = render(<RelationshipGraph center={center} relationships={relationships} />);
    expect(left(container, 'DANDONG HUAXING')).toBeLessThan(left(container, 'DANDONG ZHICHENG'));
    expect(left(container, 'DANDONG ZHICHENG')).toBeLessThan(left(container, 'KOREA CHONMASAN'));
  });

  it('colours each arrow by its kind and puts heads at both ends of ties stated each way', () => {
    const both: EntityRelationship[] = [...relationships, { from: chonmasan, to: center, kind: 'associate', sourceText: 'Associate Of' }];
    const { container } = render(<RelationshipGraph center={center} relationships={both} />);
    const edges = [...container.querySelectorAll('.layered-graph__edge')];
    expect(edges.map((e) => e.getAttribute('class'))).toEqual([
      'layered-graph__edge graph-edge--linkedTo',
      'layered-graph__edge graph-edge--linkedTo',
    ]);
    const [toChonmasan, fromHuaxing] = edges.map((e) => e.querySelector('path')!);
    expect(toChonmasan.getAttribute('marker-start')).toMatch(/^url\(#arrow-/);
    expect(fromHuaxing.getAttribute('marker-start')).toBeNull();
    expect(fromHuaxing.getAttribute('marker-end')).toMatch(/^url\(#arrow-/);
  });
});

describe('relatedRecords', () => {
  it('gives one record per related party, with every relationship and its direction', () => {
    expect(relatedRecords(center.id, relationships)).toEqual([
      {
        ref: chonmasan,
        links: [
          { kind: 'linkedTo', outgoing: true, sourceText: 'Linked To: KOREA CHONMASAN SHIPPING CO' },
          { kind: 'ownedBy', outgoing: true, sourceText: 'Owned or Controlled By' },
        ],
      },
      { ref: linked, links: [{ kind: 'linkedTo', outgoing: false, sourceText: 'Linked To: DANDONG ZHICHENG METALLIC MATERIAL CO., LTD' }] },
    ]);
  });
});

describe('RelationshipGraph', () => {
  it('draws a node per related record, labelled with the kinds, each linking to its profile', () => {
    const { container } = render(<RelationshipGraph center={center} relationships={relationships} />);
    const graph = screen.getByRole('group', { name: /Relationships of DANDONG ZHICHENG/ });
    const nodes = within(graph).getAllByRole('link');
    expect(nodes.map((n) => [n.getAttribute('aria-label'), n.getAttribute('href')])).toEqual([
      ['KOREA CHONMASAN SHIPPING CO (ofac:9322)', '/entities/ofac%3A9322'],
      ['DANDONG HUAXING TRADING (ofac:22612)', '/entities/ofac%3A22612'],
    ]);
    const edgeLabels = [...container.querySelectorAll('.layered-graph__edge-label text')].map((t) => t.textContent);
    expect(edgeLabels).toEqual(['linked to / owned by', 'linked to']);
  });

  it('opens the related profile when a node is clicked', () => {
    render(<RelationshipGraph center={center} relationships={relationships} />);
    fireEvent.click(screen.getByRole('link', { name: 'KOREA CHONMASAN SHIPPING CO (ofac:9322)' }));
    expect(window.location.pathname).toBe('/entities/ofac%3A9322');
  });

  it('lists the same relationships in words below the graph', () => {
    render(<RelationshipGraph center={center} relationships={relationships} />);
    const list = screen.getByRole('list', { name: /Relationships of/ });
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'DANDONG ZHICHENG METALLIC MATERIAL CO., LTD. linked to KOREA CHONMASAN SHIPPING CO — “Linked To: KOREA CHONMASAN SHIPPING CO”',
      'DANDONG HUAXING TRADING linked to DANDONG ZHICHENG METALLIC MATERIAL CO., LTD. — “Linked To: DANDONG ZHICHENG METALLIC MATERIAL CO., LTD”',
      'DANDONG ZHICHENG METALLIC MATERIAL CO., LTD. owned by KOREA CHONMASAN SHIPPING CO — “Owned or Controlled By”',
    ]);
    expect(within(list).getAllByRole('link', { name: 'KOREA CHONMASAN SHIPPING CO' })[0].getAttribute('href')).toBe(
      '/entities/ofac%3A9322',
    );
  });

  it('draws at most MAX_GRAPH_NODES records and says the list has them all', () => {
    const many: EntityRelationship[] = Array.from({ length: MAX_GRAPH_NODES + 3 }, (_, i) => ({
      from: { id: `ofac:${1000 + i}`, caption: `VESSEL ${i}`, schema: 'Vessel' },
      to: center,
      kind: 'ownedBy',
      sourceText: 'Owned or Controlled By',
    }));
    render(<RelationshipGraph center={center} relationships={many} />);
    expect(within(screen.getByRole('group')).getAllByRole('link')).toHaveLength(MAX_GRAPH_NODES);
    expect(screen.getByText(/the graph shows 30; the list has them all/)).toBeTruthy();
    expect(within(screen.getByRole('list', { name: /Relationships of/ })).getAllByRole('listitem')).toHaveLength(MAX_GRAPH_NODES + 3);
  });

  it('says when the lists state no relationships', () => {
    render(<RelationshipGraph center={center} relationships={[]} />);
    expect(screen.getByText('The lists state no relationships for this record.')).toBeTruthy();
  });
});
