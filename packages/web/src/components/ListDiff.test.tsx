// @vitest-environment jsdom
/**
 * <ListDiff> from a `GET /v1/lists/diff` answer: counts, programmes (busiest first), captions as link
 * text to each profile (ids encoded), the changed fields, and long lists cut with "Show all".
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ListDiffResponse, Publication } from '../api/types';
import { LIST_PREVIEW, ListDiff, programmeRows } from './ListDiff';

afterEach(cleanup);

const publication = (id: number, published: string, current: boolean): Publication => ({
  id,
  source: 'ofac-sdn',
  published,
  loadedAt: `${published}T06:00:00.000Z`,
  records: 13821,
  schemata: { Person: 6646, Organization: 6033 },
  issues: 0,
  current,
  files: [],
});

const diff: ListDiffResponse = {
  from: publication(3, '2023-12-01', false),
  to: publication(7, '2023-12-28', true),
  added: ['ofac:47100', 'ofac:47101'],
  removed: ['ofac:9322'],
  changed: [{ id: 'ofac:22603', fields: ['alias', 'program'] }],
  bySource: {
    'ofac-sdn': {
      added: 2,
      removed: 1,
      changed: 1,
      byProgram: {
        DPRK3: { added: 0, removed: 1, changed: 1 },
        RUSSIA_EO14024: { added: 2, removed: 0, changed: 0 },
      },
    },
  },
  byProgram: {
    DPRK3: { added: 0, removed: 1, changed: 1 },
    RUSSIA_EO14024: { added: 2, removed: 0, changed: 0 },
    NPWMD: { added: 0, removed: 0, changed: 1 },
  },
  captions: {
    'ofac:47100': 'KOMPANIYA ALFA OOO',
    'ofac:9322': 'KOREA CHONMASAN SHIPPING CO',
    'ofac:22603': 'DANDONG ZHICHENG METALLIC MATERIAL CO., LTD.',
  },
};

describe('ListDiff', () => {
  it('shows the counts of added, removed and changed records', () => {
    render(<ListDiff diff={diff} />);
    const counts = Object.fromEntries(screen.getAllByRole('term').map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
    expect(counts).toEqual({ Added: '2', Removed: '1', Changed: '1' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Changes from ofac-sdn 2023-12-01 (#3) to ofac-sdn 2023-12-28 (#7)');
  });

  it('has a row per programme with its counts, the busiest first', () => {
    render(<ListDiff diff={diff} />);
    const table = screen.getByRole('table');
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['DPRK3', '0', '1', '1'],
      ['RUSSIA_EO14024', '2', '0', '0'],
      ['NPWMD', '0', '0', '1'],
    ]);
  });

  it('names records by their captions, each linking to its profile, and falls back to the id', () => {
    render(<ListDiff diff={diff} />);
    const added = screen.getByRole('region', { name: 'Added records' });
    const links = within(added).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['KOMPANIYA ALFA OOO', '/entities/ofac%3A47100'],
      // No caption in the answer: the id stands in.
      ['ofac:47101', '/entities/ofac%3A47101'],
    ]);
    const removed = screen.getByRole('region', { name: 'Removed records' });
    expect(within(removed).getByRole('link', { name: 'KOREA CHONMASAN SHIPPING CO' }).getAttribute('href')).toBe('/entities/ofac%3A9322');
  });

  it('lists the fields that changed on each changed record', () => {
    render(<ListDiff diff={diff} />);
    const changed = screen.getByRole('region', { name: 'Changed records' });
    expect(within(changed).getByRole('link').textContent).toBe('DANDONG ZHICHENG METALLIC MATERIAL CO., LTD.');
    expect(changed.textContent).toContain('Changed fields: alias, program');
  });

  it('says so when nothing changed', () => {
    render(<ListDiff diff={{ ...diff, added: [], removed: [], changed: [], byProgram: {}, bySource: {}, captions: {} }} />);
    expect(screen.getByText('The two publications list the same records with the same content.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the first entries of a long list and the rest on request', () => {
    const many = Array.from({ length: LIST_PREVIEW + 5 }, (_, i) => `un:QDi.${String(i).padStart(3, '0')}`);
    render(<ListDiff diff={{ ...diff, added: many }} />);
    const added = screen.getByRole('region', { name: 'Added records' });
    expect(within(added).getAllByRole('link')).toHaveLength(LIST_PREVIEW);
    fireEvent.click(within(added).getByRole('button', { name: `Show all ${LIST_PREVIEW + 5} added` }));
    expect(within(added).getAllByRole('link')).toHaveLength(LIST_PREVIEW + 5);
  });
});

describe('programmeRows', () => {
  it('orders by total changes, then by name', () => {
    expect(
      programmeRows({
        B: { added: 1, removed: 0, changed: 0 },
        A: { added: 0, removed: 1, changed: 0 },
        C: { added: 5, removed: 0, changed: 0 },
      }).map(([p]) => p),
    ).toEqual(['C', 'A', 'B']);
  });
});
