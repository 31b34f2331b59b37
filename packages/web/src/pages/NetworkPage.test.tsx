// @vitest-environment jsdom
/**
 * The Network page against a fake API: a chosen file is sent as CSV with its name; the ranked table shows
 * each party's measures; the first party's evidence and the network around it show at once, and choosing
 * another party shows its own; a refused file shows the server's words, naming the line and field.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, type FakeHandler } from '../testing/fake-api';
import { NETWORK_RANKING } from '../testing/network-fixtures';
import { NetworkPage } from './NetworkPage';

beforeEach(() => window.history.replaceState(null, '', '/network'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const CSV =
  'date,payer,payer_country,payee,payee_country,amount,currency,hs,vessel\n2025-01-10,Fenwick Trading Ltd,GB,Korea Mining Development Trading Corp,KP,250000,USD,8471,\n';

function renderPage(overrides: Record<string, FakeHandler> = {}) {
  const api = fakeApi({ 'POST /v1/network/rank': () => [200, NETWORK_RANKING], ...overrides });
  vi.stubGlobal('fetch', api.fetch);
  render(<NetworkPage />);
  return api;
}

function rank(name = 'payments.csv') {
  fireEvent.change(screen.getByLabelText('Transactions file'), { target: { files: [new File([CSV], name, { type: 'text/csv' })] } });
  fireEvent.click(screen.getByRole('button', { name: 'Rank parties' }));
}

describe('NetworkPage', () => {
  it('sends the chosen file as CSV and shows the ranking, the first party’s evidence and the network around it', async () => {
    const api = renderPage();
    expect(screen.getByRole('button', { name: 'Rank parties' })).toHaveProperty('disabled', true);
    rank();
    const summary = await screen.findByRole('status', { name: 'Ranking summary' });
    const upload = api.requests.find((r) => r.method === 'POST')!;
    expect(upload.path + upload.search).toBe('/v1/network/rank?name=payments.csv&top=25');
    expect(upload.contentType).toBe('text/csv');
    expect(upload.body).toBe(CSV);
    expect(summary.textContent).toBe(
      'payments.csv: 6 transactions among 5 parties; 2 designated (listed or blocked by ownership) and 0 designated vessels; 3 parties exposed, the top 2 below.',
    );

    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows.map((r) => Array.from(r.children).map((c) => c.textContent))).toEqual([
      ['Rank', 'Party', 'Score', 'Designated', 'Value with them', 'Share', 'DPRK goods', 'Steps'],
      ['1', 'Fenwick Trading Ltd GB', '0.701', '2', 'USD 520,000', '92.9%', 'USD 180,000', '1'],
      ['2', 'Slough Foods GB', '0.187', '1', 'USD 900', '0.7%', 'USD 0', '1'],
    ]);

    const evidence = screen.getByRole('list', { name: 'Evidence' });
    expect(screen.getByRole('heading', { name: '1. Fenwick Trading Ltd' })).toBeTruthy();
    expect(within(evidence).getAllByRole('listitem')[0].textContent).toContain(
      'Value with designated parties: USD 520,000 with designated parties. 0.84 × 0.2 = 0.168',
    );
    const behind = within(evidence).getByRole('list', { name: 'Transactions behind: Value with designated parties' });
    expect(within(behind).getAllByRole('listitem')[1].textContent).toBe(
      'line 3 2025-03-10: Fenwick Trading Ltd (GB) → Korea Mining Development Trading Corp (KP), USD 180,000, HS 2701, on CHON MA SAN',
    );
    expect(within(evidence).getByRole('list', { name: 'Designated counterparts' }).textContent).toContain(
      'Korea Mining Development Trading Corp = KOREA MINING DEVELOPMENT TRADING CORPORATION (un:KPe.001, score 0.93): USD 430,000 in 2 rows',
    );
    expect(evidence.textContent).toContain(
      'Path: Fenwick Trading Ltd → Korea Mining Development Trading Corp (KOREA MINING DEVELOPMENT TRADING CORPORATION)',
    );

    const graph = screen.getByRole('group', { name: 'The network around Fenwick Trading Ltd' });
    const labels = Array.from(graph.querySelectorAll('text')).map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(['Fenwick Trading Ltd', 'listed: un:KPe.001', 'USD 430k · 2 ⚓', 'USD 90k · 1']));
    // A designated node leads to its listed record.
    expect(
      within(graph)
        .getByRole('link', { name: /Tanchon Commercial Bank/ })
        .getAttribute('href'),
    ).toBe('/entities/un%3AKPe.003');
  });

  it('shows another party’s evidence and network when it is chosen', async () => {
    renderPage();
    rank();
    fireEvent.click(await screen.findByRole('button', { name: 'Slough Foods' }));
    expect(screen.getByRole('heading', { name: '2. Slough Foods' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Slough Foods' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('group', { name: 'The network around Slough Foods' })).toBeTruthy();
    expect(screen.getByText('1 smaller counterparty is not drawn (none designated).')).toBeTruthy();
  });

  it('shows the server’s words for a file it refused', async () => {
    renderPage({
      'POST /v1/network/rank': () => [
        422,
        {
          error: 'TRANSACTIONS_PARSE',
          message: 'bad.csv: line 3, column 1 (date): "11/02/2025" is not a date written YYYY-MM-DD',
          line: 3,
          field: 'date',
        },
      ],
    });
    rank('bad.csv');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The file was not ranked:');
    expect(alert.textContent).toContain('bad.csv: line 3, column 1 (date): "11/02/2025" is not a date written YYYY-MM-DD');
    expect(screen.queryByRole('table')).toBeNull();
  });
});
