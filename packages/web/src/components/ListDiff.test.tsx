// @vitest-environment jsdom
/**
 * <ListDiff> and <DiffFilters> from `GET /v1/lists/diff` answers: counts, programmes (busiest first), one
 * row per record sorted by name with its change, kind, programmes and first publication, the notice when a
 * publication lacks its alias and address files, long tables cut with "Show all"; the filters report
 * programme, country and kind at once and the text on submit, clear, and link the CSV of the same rows.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DiffRow, ListDiffResponse, Publication } from '../api/types';
import { diffCsvUrl } from '../api/embargo';
import { cleanFilter, DiffFilters } from './DiffFilters';
import { LIST_PREVIEW, ListDiff, missingFilesWords, programmeRows } from './ListDiff';

afterEach(cleanup);

const publication = (id: number, published: string, current: boolean, missingFiles: string[] = []): Publication => ({
  id,
  source: 'ofac-sdn',
  published,
  loadedAt: `2026-12-07T06:00:00.000Z`,
  records: 6068,
  schemata: { Person: 3545, Organization: 2324 },
  issues: 0,
  current,
  files: [],
  missingFiles,
});

const row = (id: string, name: string, change: DiffRow['change'], programmes: string[], schema = 'Organization'): DiffRow => ({
  id,
  change,
  name,
  schema,
  programmes,
  countries: [],
  firstSeen: change === 'removed' ? { publicationId: 1, published: '2015-01-17' } : { publicationId: 2, published: '2018-01-26' },
  ...(change === 'changed' ? { fields: ['program'] } : {}),
});

// Rows as the server sends them: sorted by name.
const rows: DiffRow[] = [
  row('ofac:22612', 'CHI, Yupeng', 'added', ['DPRK3'], 'Person'),
  row('ofac:22603', 'DANDONG ZHICHENG METALLIC MATERIAL CO., LTD.', 'added', ['DPRK3']),
  row('ofac:9322', 'KOREA CHONMASAN SHIPPING CO', 'removed', ['DPRK']),
  row('ofac:17614', 'KOREA MINING DEVELOPMENT TRADING CORPORATION', 'changed', ['DPRK2', 'DPRK3']),
];

const diff: ListDiffResponse = {
  from: publication(1, '2015-01-17', false, ['add.csv', 'alt.csv']),
  to: publication(2, '2018-01-26', false, ['add.csv', 'alt.csv']),
  rows,
  facets: { programmes: ['DPRK', 'DPRK2', 'DPRK3', 'NPWMD'], countries: ['CN', 'KP', 'RU'], schemata: ['Organization', 'Person'] },
  incomparable: {
    publications: [
      { id: 1, published: '2015-01-17', missingFiles: ['add.csv', 'alt.csv'] },
      { id: 2, published: '2018-01-26', missingFiles: ['add.csv', 'alt.csv'] },
    ],
    fields: ['address', 'alias', 'country', 'previousName', 'weakAlias'],
    records: 0,
  },
  added: ['ofac:22603', 'ofac:22612'],
  removed: ['ofac:9322'],
  changed: [{ id: 'ofac:17614', fields: ['program'] }],
  bySource: {
    'ofac-sdn': { added: 2, removed: 1, changed: 1, byProgram: { DPRK3: { added: 2, removed: 0, changed: 1 } } },
  },
  byProgram: {
    DPRK3: { added: 2, removed: 0, changed: 1 },
    DPRK: { added: 0, removed: 1, changed: 0 },
    DPRK2: { added: 0, removed: 0, changed: 1 },
  },
  captions: {},
};

const tableRows = (name: string) =>
  within(screen.getByRole('table', { name }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

describe('ListDiff', () => {
  it('shows the counts, the programmes busiest first, and a row per record sorted by name with its first publication', () => {
    render(<ListDiff diff={diff} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Changes from ofac-sdn 2015-01-17 (#1) to ofac-sdn 2018-01-26 (#2)');
    const counts = Object.fromEntries(screen.getAllByRole('term').map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
    expect(counts).toEqual({ Added: '2', Removed: '1', Changed: '1' });
    expect(tableRows('Changes by programme')).toEqual([
      ['DPRK3', '2', '0', '1'],
      ['DPRK', '0', '1', '0'],
      ['DPRK2', '0', '0', '1'],
    ]);
    expect(tableRows('Changed records')).toEqual([
      ['CHI, Yupeng ofac:22612', 'Added', 'Person', 'DPRK3', '2018-01-26'],
      ['DANDONG ZHICHENG METALLIC MATERIAL CO., LTD. ofac:22603', 'Added', 'Organization', 'DPRK3', '2018-01-26'],
      ['KOREA CHONMASAN SHIPPING CO ofac:9322', 'Removed', 'Organization', 'DPRK', '2015-01-17'],
      [
        'KOREA MINING DEVELOPMENT TRADING CORPORATION ofac:17614Changed fields: program',
        'Changed',
        'Organization',
        'DPRK2, DPRK3',
        '2018-01-26',
      ],
    ]);
    const link = screen.getByRole('link', { name: 'CHI, Yupeng' });
    expect(link.getAttribute('href')).toBe('/entities/ofac%3A22612');
  });

  it('says which publication has no alias/address files and that those changes are not comparable', () => {
    render(
      <ListDiff
        diff={{ ...diff, incomparable: { ...diff.incomparable!, publications: diff.incomparable!.publications.slice(1), records: 4387 } }}
      />,
    );
    const note = screen.getByRole('note', { name: 'Not comparable' });
    expect(note.textContent).toContain(
      'ofac-sdn 2018-01-26 (#2) has no alias/address files (add.csv, alt.csv): changes in aliases and addresses are not comparable.',
    );
    expect(note.textContent).toContain(
      '4,387 records that differ only in address, alias, country, previousName, weakAlias are not counted as changed.',
    );
    render(<ListDiff diff={{ ...diff, incomparable: null }} />);
    expect(screen.getAllByRole('note')).toHaveLength(1);
  });

  it('shows the first rows of a long table and the rest on request, and says when no record matches', () => {
    const many = Array.from({ length: LIST_PREVIEW + 5 }, (_, i) =>
      row(`un:QDi.${String(i).padStart(3, '0')}`, `NAME ${i}`, 'added', ['QD']),
    );
    render(<ListDiff diff={{ ...diff, rows: many }} />);
    expect(tableRows('Changed records')).toHaveLength(LIST_PREVIEW);
    fireEvent.click(screen.getByRole('button', { name: `Show all ${LIST_PREVIEW + 5} records` }));
    expect(tableRows('Changed records')).toHaveLength(LIST_PREVIEW + 5);
    cleanup();
    render(<ListDiff diff={{ ...diff, rows: [], added: [], removed: [], changed: [] }} filtered />);
    expect(screen.getByText('No record matches these filters.')).toBeTruthy();
  });

  it('says so when nothing changed', () => {
    render(<ListDiff diff={{ ...diff, rows: [], added: [], removed: [], changed: [], byProgram: {}, bySource: {}, incomparable: null }} />);
    expect(screen.getByText('The two publications list the same records with the same content.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('DiffFilters', () => {
  const renderFilters = (value = {}) => {
    const onChange = vi.fn();
    render(<DiffFilters facets={diff.facets} value={value} onChange={onChange} csvUrl={diffCsvUrl(1, 2, value)} />);
    return onChange;
  };

  it('offers the programmes, countries and kinds of the comparison, and applies a choice at once', () => {
    const onChange = renderFilters();
    const programme = screen.getByLabelText('Programme') as HTMLSelectElement;
    expect([...programme.options].map((o) => o.value)).toEqual(['', 'DPRK', 'DPRK2', 'DPRK3', 'NPWMD']);
    expect([...(screen.getByLabelText('Country') as HTMLSelectElement).options].map((o) => o.value)).toEqual(['', 'CN', 'KP', 'RU']);
    expect([...(screen.getByLabelText('Kind') as HTMLSelectElement).options].map((o) => o.value)).toEqual(['', 'Organization', 'Person']);
    fireEvent.change(programme, { target: { value: 'DPRK3' } });
    expect(onChange).toHaveBeenLastCalledWith({ programme: 'DPRK3' });
  });

  it('keeps the other filters when one changes, applies the text on submit, and drops empty ones', () => {
    const onChange = renderFilters({ programme: 'DPRK3', schema: 'Person' });
    fireEvent.change(screen.getByLabelText('Country'), { target: { value: 'CN' } });
    expect(onChange).toHaveBeenLastCalledWith({ programme: 'DPRK3', schema: 'Person', country: 'CN' });
    fireEvent.change(screen.getByLabelText('Name or id'), { target: { value: 'dandong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    expect(onChange).toHaveBeenLastCalledWith({ programme: 'DPRK3', schema: 'Person', q: 'dandong' });
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith({ programme: 'DPRK3', q: 'dandong' });
    expect(cleanFilter({ programme: '', q: '  ' })).toEqual({});
  });

  it('clears every filter, and links the CSV of the rows the filters keep', () => {
    const onChange = renderFilters({ programme: 'DPRK3', q: 'kim tong' });
    const csv = screen.getByRole('link', { name: 'Download CSV' });
    expect(csv.getAttribute('href')).toBe('/v1/lists/diff.csv?from=1&to=2&programme=DPRK3&q=kim+tong');
    expect(csv.hasAttribute('download')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onChange).toHaveBeenLastCalledWith({});
    cleanup();
    renderFilters();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });
});

describe('programmeRows and missingFilesWords', () => {
  it('orders programmes by total changes, then by name', () => {
    expect(
      programmeRows({
        B: { added: 1, removed: 0, changed: 0 },
        A: { added: 0, removed: 1, changed: 0 },
        C: { added: 5, removed: 0, changed: 0 },
      }).map(([p]) => p),
    ).toEqual(['C', 'A', 'B']);
  });

  it('names what the missing files held', () => {
    expect(missingFilesWords(['add.csv', 'alt.csv'])).toBe('alias/address files');
    expect(missingFilesWords(['alt.csv'])).toBe('alias files');
  });
});
