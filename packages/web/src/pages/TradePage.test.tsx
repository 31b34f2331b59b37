// @vitest-environment jsdom
/**
 * The Trade page against a fake API: the example shipment sent as JSON and its decision shown with the
 * rule citations and the listed records linked; a body with an unreadable record shows its line and field
 * beside the others' decisions; the revenue section draws the default example (the real calculation of
 * core, as the server answers it) with 2371 at $1,059m of $3,000m and every figure's source; the rules
 * section lists the measures with their citations.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DPRK_EXPORT_ESTIMATES, DPRK_MEASURES, revenueAtRisk } from '@embargo/core';
import type { ShipmentOutcome } from '../api/types';
import { fakeApi } from '../testing/fake-api';
import { TradePage } from './TradePage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const PROHIBITED: ShipmentOutcome = {
  record: 1,
  screeningId: 'scr_1',
  id: 'BL-NAM-DDG-0917',
  decision: 'prohibited',
  rulesVersion: '2026-12-07.1',
  listsGeneration: 1,
  alertsOpened: 2,
  screened: { goods: 1, parties: 1, vessel: true },
  reasons: [
    {
      kind: 'goods',
      rule: 'UNSCR 2371 (2017) para 8',
      id: 'unscr-2371-8',
      effect: 'prohibited',
      good: 0,
      detail: 'HS 2701 "anthracite coal" exported from the DPRK (origin DPRK): prohibited (coal, iron, and iron ore).',
    },
    {
      kind: 'party',
      rule: 'OFAC SDN list (DPRK3)',
      id: 'ofac:22603',
      effect: 'prohibited',
      caption: 'DANDONG ZHICHENG METALLIC MATERIAL CO., LTD.',
      score: 1,
      detail: 'buyer "Dandong Zhicheng Metallic Materials" resembles DANDONG ZHICHENG METALLIC MATERIAL CO., LTD.',
    },
    {
      kind: 'vessel',
      rule: 'OFAC SDN list (DPRK4)',
      id: 'ofac:23729',
      effect: 'prohibited',
      caption: 'CHON MA SAN',
      score: 1,
      detail: 'vessel IMO 8660313 ("CHON MA SAN") is listed as CHON MA SAN (ofac:23729)',
    },
  ],
};

describe('screening shipments', () => {
  beforeEach(() => window.history.replaceState(null, '', '/trade'));

  it('sends the example as JSON and shows the decision with each rule cited and the listed records linked', async () => {
    const api = fakeApi({ 'POST /v1/trade/screen': () => [200, { outcomes: [PROHIBITED] }] });
    vi.stubGlobal('fetch', api.fetch);
    render(<TradePage />);
    expect((screen.getByLabelText(/^Shipments:/) as HTMLTextAreaElement).value).toContain('"imo": "8660313"');
    fireEvent.click(screen.getByRole('button', { name: 'Screen' }));
    const card = await screen.findByRole('article', { name: 'BL-NAM-DDG-0917' });
    expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/v1/trade/screen', contentType: 'application/json' });
    expect(api.requests[0].body).toMatchObject({ id: 'BL-NAM-DDG-0917', vessel: { imo: '8660313' } });
    expect(within(card).getByText('Prohibited')).toBeTruthy();
    expect(within(card).getByText('UNSCR 2371 (2017) para 8')).toBeTruthy();
    const party = within(card).getByRole('link', { name: /DANDONG ZHICHENG METALLIC MATERIAL/ });
    expect(party.getAttribute('href')).toBe('/entities/ofac%3A22603');
    expect(
      within(card)
        .getByRole('link', { name: /CHON MA SAN/ })
        .getAttribute('href'),
    ).toBe('/entities/ofac%3A23729');
    expect(screen.getByRole('status').textContent).toBe('1 record: 1 prohibited.');
    // The listed buyer and vessel opened alerts in the queue.
    expect(within(card).getByText(/2 alerts opened for the listed parties and vessels/)).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'review in the queue' }).getAttribute('href')).toBe('/alerts');
  });

  it('shows a record the server could not read by line and field, beside the decisions of the others', async () => {
    const unreadable: ShipmentOutcome = {
      record: 2,
      error: { code: 'SHIPMENT_PARSE', line: 3, field: 'hs', reason: '"27x1" holds something other than digits, dots and spaces' },
    };
    const api = fakeApi({
      'POST /v1/trade/screen': () => [
        422,
        { error: 'SHIPMENT_PARSE', message: '1 of 2 record(s) could not be read', outcomes: [PROHIBITED, unreadable] },
      ],
    });
    vi.stubGlobal('fetch', api.fetch);
    render(<TradePage />);
    fireEvent.click(screen.getByRole('button', { name: 'Both as CSV' }));
    fireEvent.click(screen.getByRole('button', { name: 'Screen' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Record 2, line 3, field hs: "27x1" holds something other than digits, dots and spaces');
    expect(api.requests[0].contentType).toBe('text/csv');
    expect(screen.getByRole('article', { name: 'BL-NAM-DDG-0917' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('2 records: 1 prohibited, 1 could not be read.');
  });

  it('shows an allowed shipment as such, with nothing that applies', async () => {
    const allowed: ShipmentOutcome = { ...PROHIBITED, id: 'BL-SMD-DDG-0917', decision: 'allowed', reasons: [], alertsOpened: 0 };
    vi.stubGlobal('fetch', fakeApi({ 'POST /v1/trade/screen': () => [200, { outcomes: [allowed] }] }).fetch);
    render(<TradePage />);
    fireEvent.click(screen.getByRole('button', { name: 'Indonesian coal to Dandong' }));
    fireEvent.click(screen.getByRole('button', { name: 'Screen' }));
    const card = await screen.findByRole('article', { name: 'BL-SMD-DDG-0917' });
    expect(within(card).getByText('Allowed')).toBeTruthy();
    expect(within(card).getByText(/No goods measure, route rule, listed party or listed vessel applies/)).toBeTruthy();
    expect(within(card).queryByText(/alerts? opened/)).toBeNull();
  });
});

describe('revenue at risk', () => {
  beforeEach(() => window.history.replaceState(null, '', '/trade?section=revenue'));

  it('draws the default example: 2371 at $1,059m of $3,000m, textiles banned by 2375, each figure with its source', async () => {
    const revenue = revenueAtRisk(DPRK_EXPORT_ESTIMATES, DPRK_MEASURES);
    vi.stubGlobal('fetch', fakeApi({ 'GET /v1/trade/revenue': () => [200, revenue] }).fetch);
    render(<TradePage />);
    await screen.findByRole('heading', { name: 'Revenue at risk: DPRK exports, 2017 estimates' });
    expect(screen.getByText(/Resolution 2371 alone: \$1,059m \(35\.3%\)/)).toBeTruthy();
    const byResolution = screen.getByText('Banned, by resolution (share of all exports)').closest('figure')!;
    const row = within(byResolution).getByText('UNSCR 2371 (2017)').closest('li')!;
    expect(row.textContent).toContain('$1,059m · 35.3%');
    expect(row.textContent).toContain('coal, iron and iron ore, lead and lead ore, seafood');
    // The bar's length is its share of the whole: 1,059 of 3,000.
    expect(Number(row.querySelector('rect.bar-chart__fill')!.getAttribute('width'))).toBeCloseTo(35.3, 1);
    const table = screen.getByRole('table');
    const textiles = within(table).getByText('textiles').closest('tr')!;
    expect(textiles.textContent).toContain('$800m');
    expect(textiles.textContent).toContain('UNSCR 2375 (2017) para 16');
    expect(within(textiles).getByRole('link').getAttribute('href')).toContain('fashionnetwork');
    expect(screen.getAllByRole('link', { name: /Fact Sheet: Resolution 2371/ }).length).toBeGreaterThan(0);
  });
});

describe('rules', () => {
  beforeEach(() => window.history.replaceState(null, '', '/trade?section=rules'));

  it('lists every measure with its citation and how far it was checked', async () => {
    vi.stubGlobal('fetch', fakeApi({ 'GET /v1/trade/rules': () => [200, DPRK_MEASURES] }).fetch);
    render(<TradePage />);
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(DPRK_MEASURES.measures.length + 1));
    const row = within(table).getByText('UNSCR 2397 (2017) para 6').closest('tr')!;
    expect(row.textContent).toContain('12 08 07 84 85 25 44 89');
    expect(row.textContent).toContain('named by the resolution');
    expect(within(row).getByText('Partly checked')).toBeTruthy();
  });
});
