// @vitest-environment jsdom
/**
 * The Ownership page against a fake API: a file chosen or dropped is sent as it is with its content type,
 * and the load result shows the counts per regime, the newly blocked and the problems; a bad file shows
 * the server's words; the files loaded can be removed after a confirmation; the derived statuses are
 * filtered by regime and status in the address and the request, each row opening its proof, each name
 * its own page.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DerivedOwnershipStatus, OwnershipFile } from '../api/types';
import { fakeApi, type FakeHandler } from '../testing/fake-api';
import { ACME_PROOF, ACME_STATUSES, OWNERS_FILE, OWNERS_LOADED } from '../testing/ownership-fixtures';
import { OwnershipPage, statusFilterFrom } from './OwnershipPage';

beforeEach(() => window.history.replaceState(null, '', '/ownership'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const UNBLOCKED = OWNERS_LOADED.evaluation.newlyBlocked.map((c) => ({ ...c, before: c.after, after: 'none' as const }));

const CSV = 'owner,owned,share\nofac:111,ACME TRADING LTD,30\nofac:222,ACME TRADING LTD,25\n';

function renderPage(overrides: Record<string, FakeHandler> = {}) {
  let files: OwnershipFile[] = [];
  let statuses: DerivedOwnershipStatus[] = [];
  const api = fakeApi({
    'GET /v1/ownership/files': () => [200, { files }],
    'POST /v1/ownership/files': () => {
      files = [OWNERS_FILE];
      statuses = ACME_STATUSES;
      return [200, OWNERS_LOADED];
    },
    'DELETE /v1/ownership/files/1': () => {
      files = [];
      statuses = [];
      return [200, { evaluation: { ...OWNERS_LOADED.evaluation, newlyBlocked: [], unblocked: UNBLOCKED } }];
    },
    'GET /v1/ownership/statuses': ({ url }) => {
      const regime = url.searchParams.get('regime');
      const status = url.searchParams.get('status');
      const shown = statuses.filter((s) => (!regime || s.regime === regime) && (!status || s.status === status));
      return [200, { total: shown.length, statuses: shown }];
    },
    ...overrides,
  });
  vi.stubGlobal('fetch', api.fetch);
  render(<OwnershipPage />);
  return api;
}

const chooseFile = (file: File) => fireEvent.change(screen.getByLabelText('Ownership file'), { target: { files: [file] } });

describe('OwnershipPage', () => {
  it('loads a chosen CSV as it is and shows the counts per regime and the newly blocked', async () => {
    const api = renderPage();
    expect(await screen.findByText(/No ownership file is loaded/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Load file' })).toHaveProperty('disabled', true);
    chooseFile(new File([CSV], 'owners.csv', { type: 'text/csv' }));
    expect(screen.getByText('owners.csv').closest('p')!.textContent).toContain('Chosen: owners.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Load file' }));

    const result = await screen.findByRole('status', { name: 'Load result' });
    const upload = api.requests.find((r) => r.method === 'POST')!;
    expect(upload.path + upload.search).toBe('/v1/ownership/files?name=owners.csv');
    expect(upload.contentType).toBe('text/csv');
    expect(upload.body).toBe(CSV);

    expect(result.textContent).toContain(
      'Loaded owners.csv (csv): 3 parties, 4 ties; 2 named parties matched to a listed record by the screening engine.',
    );
    const counts = within(result)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(counts).toEqual(['RegimeBlockedPossibly blocked', 'OFAC20', 'EU00', 'UK00']);
    const newly = within(result).getByRole('list', { name: 'Newly blocked' });
    expect(
      within(newly)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['ACME TRADING LTD OFAC blocked was none', 'ACME SHIPPING OFAC blocked was none']);
    expect(within(newly).getByRole('link', { name: 'ACME TRADING LTD' }).getAttribute('href')).toBe('/ownership/nodes/csv%3Aacme');

    // The lists below are asked again: the file and the statuses it derived are there.
    await screen.findByText('Statuses 1–3 of 3.');
    expect(screen.getByRole('region', { name: 'Loaded files' }).textContent).toContain('owners.csv');
  });

  it('takes a dropped file, sent as JSON lines by its name', async () => {
    const api = renderPage();
    const zone = screen.getByTestId('drop-zone');
    const file = new File(['{"statementId":"1"}\n'], 'register.jsonl');
    fireEvent.dragOver(zone, { dataTransfer: { files: [file] } });
    expect(zone.className).toContain('drop-zone--over');
    fireEvent.drop(zone, { dataTransfer: { files: [file] } });
    expect(zone.className).not.toContain('drop-zone--over');
    fireEvent.click(screen.getByRole('button', { name: 'Load file' }));
    await screen.findByRole('status', { name: 'Load result' });
    const upload = api.requests.find((r) => r.method === 'POST')!;
    expect(upload.search).toBe('?name=register.jsonl');
    expect(upload.contentType).toBe('application/x-ndjson');
  });

  it('shows the problems a loaded file had, and the server’s words for a file it refused', async () => {
    renderPage({
      'POST /v1/ownership/files': () => [
        200,
        {
          ...OWNERS_LOADED,
          evaluation: { ...OWNERS_LOADED.evaluation, problems: ['owners.csv: line 4: ofac:999 is not on the lists in force'] },
        },
      ],
    });
    chooseFile(new File([CSV], 'owners.csv'));
    fireEvent.click(screen.getByRole('button', { name: 'Load file' }));
    const result = await screen.findByRole('status', { name: 'Load result' });
    expect(within(result).getByRole('heading', { name: 'Problems' })).toBeTruthy();
    expect(result.textContent).toContain('owners.csv: line 4: ofac:999 is not on the lists in force');
    cleanup();

    const message = 'bad.csv: line 2, column 3 (share): "about half" is not a percentage (write 25, 25.5 or 25%)';
    renderPage({ 'POST /v1/ownership/files': () => [422, { error: 'OWNERSHIP_PARSE', message }] });
    chooseFile(new File(['owner,owned,share\na,b,about half\n'], 'bad.csv'));
    fireEvent.click(screen.getByRole('button', { name: 'Load file' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(`The file was not loaded: ${message} (OWNERSHIP_PARSE)`);
    expect(screen.queryByRole('status', { name: 'Load result' })).toBeNull();
  });

  it('removes a loaded file only after a confirmation, says what it unblocked, and asks for the statuses again', async () => {
    const api = renderPage({
      'GET /v1/ownership/files': () => [200, { files: api.requests.some((r) => r.method === 'DELETE') ? [] : [OWNERS_FILE] }],
    });
    const files = await screen.findByRole('region', { name: 'Loaded files' });
    await within(files).findByText('owners.csv');
    expect(files.textContent).toContain('9f2c4b1e7a0d');
    fireEvent.click(within(files).getByRole('button', { name: 'Remove owners.csv' }));
    const confirm = within(files).getByRole('group', { name: 'Remove owners.csv?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Keep' }));
    expect(api.requests.some((r) => r.method === 'DELETE')).toBe(false);

    fireEvent.click(within(files).getByRole('button', { name: 'Remove owners.csv' }));
    const statusCalls = api.requests.filter((r) => r.path === '/v1/ownership/statuses').length;
    fireEvent.click(within(within(files).getByRole('group')).getByRole('button', { name: 'Remove' }));
    await within(files).findByText(/No ownership file is loaded/);
    expect(api.requests.find((r) => r.method === 'DELETE')!.path).toBe('/v1/ownership/files/1');
    // What the removal unblocked is said.
    const removed = screen.getByRole('status', { name: 'Remove result' });
    expect(removed.textContent).toContain('Removed owners.csv');
    expect(
      within(within(removed).getByRole('list', { name: 'No longer blocked' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['ACME TRADING LTD OFAC none was blocked', 'ACME SHIPPING OFAC none was blocked']);
    expect(api.requests.filter((r) => r.path === '/v1/ownership/statuses').length).toBeGreaterThan(statusCalls);
  });

  it('lists the derived statuses, each row opening its proof and each name its own page', async () => {
    renderPage({ 'GET /v1/ownership/statuses': () => [200, { total: 3, statuses: ACME_STATUSES }] });
    await screen.findByText('Statuses 1–3 of 3.');
    const rows = [...document.querySelectorAll('.statuses-table tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows).toEqual([
      ['ACME TRADING LTD csv:acme', 'OFAC', 'blocked', '55%', 'Show proof (3 lines)'],
      ['ACME SHIPPING csv:acme-shipping', 'OFAC', 'blocked', '60%', 'Show proof (4 lines)'],
      ['DELTA SHIPPING csv:delta', 'EU', 'possibly blocked', 'more than 35% and at most 60%', 'Show proof (1 line)'],
    ]);
    expect(screen.getByRole('link', { name: 'ACME SHIPPING' }).getAttribute('href')).toBe('/ownership/nodes/csv%3Aacme-shipping');

    const show = screen.getAllByRole('button', { name: /Show proof/ })[0];
    expect(show.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(show);
    expect(show.getAttribute('aria-expanded')).toBe('true');
    const proof = screen.getByRole('list', { name: 'Proof: ACME TRADING LTD under OFAC' });
    expect(
      within(proof)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(ACME_PROOF);
    expect(show.getAttribute('aria-controls')).toBe(proof.closest('td')!.id);
    fireEvent.click(screen.getByRole('button', { name: 'Hide proof' }));
    expect(screen.queryByRole('list', { name: 'Proof: ACME TRADING LTD under OFAC' })).toBeNull();
  });

  it('filters by regime and by status, in the address and the request', async () => {
    const api = renderPage({ 'GET /v1/ownership/statuses': () => [200, { total: 0, statuses: [] }] });
    await screen.findByText(/No entity is blocked or possibly blocked/);
    const regimes = screen.getByRole('navigation', { name: 'Filter by regime' });
    expect(within(regimes).getByRole('link', { name: 'All regimes' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(within(regimes).getByRole('link', { name: 'UK' }));
    await waitFor(() => expect(window.location.search).toBe('?regime=uk'));
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Filter by status' })).getByRole('link', { name: 'possibly blocked' }));
    await waitFor(() => expect(window.location.search).toBe('?regime=uk&status=possibly_blocked'));
    await waitFor(() => expect(api.requests.some((r) => r.search === '?regime=uk&status=possibly_blocked&limit=50')).toBe(true));
    expect(within(regimes).getByRole('link', { name: 'UK' }).getAttribute('aria-current')).toBe('page');
  });
});

describe('statusFilterFrom', () => {
  it('keeps the regimes and statuses it knows and drops the rest', () => {
    expect(statusFilterFrom(new URLSearchParams('regime=eu&status=blocked&offset=50'))).toEqual({
      regime: 'eu',
      status: 'blocked',
      offset: 50,
    });
    expect(statusFilterFrom(new URLSearchParams('regime=us&status=designated&offset=-1'))).toEqual({
      regime: undefined,
      status: undefined,
      offset: undefined,
    });
  });
});
