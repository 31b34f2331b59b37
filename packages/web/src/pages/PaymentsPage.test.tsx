// @vitest-environment jsdom
/**
 * The payments list against a fake API: newest first with the decision, format, message id, hit count and
 * listed names of each; the decision filter with its counts in the address and the request; paging.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PaymentDecision, PaymentHit } from '../api/types';
import { fakeApi } from '../testing/fake-api';
import { PaymentsPage } from './PaymentsPage';

beforeEach(() => window.history.replaceState(null, '', '/payments'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const hit = (over: Partial<PaymentHit>): PaymentHit => ({
  field: '56A',
  text: 'FTBDKPPYXXX',
  id: null,
  caption: null,
  jurisdiction: null,
  score: 1,
  rule: 'bic',
  action: 'block',
  reason: 'listed',
  ...over,
});

const PAYMENTS: PaymentDecision[] = [
  {
    paymentId: 'pay_1',
    messageId: '174c245f-2682-4291-ad67-2a41e530cd27',
    tenant: 'bank-a',
    format: 'MT103',
    decision: 'block',
    screenedAt: '2026-03-02T09:15:00.000Z',
    listsGeneration: 1,
    hits: [
      hit({ id: 'ofac:15603', caption: "FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA" }),
      hit({ rule: 'bic-country', action: 'hold', jurisdiction: 'KP' }),
    ],
  },
  {
    paymentId: 'pay_2',
    messageId: 'AAPBESMMXXX:D051026EUR100057',
    tenant: 'bank-a',
    format: 'MT103',
    decision: 'pass',
    screenedAt: '2026-03-02T09:10:00.000Z',
    listsGeneration: 1,
    hits: [],
  },
];

const TOTALS = { all: 2, block: 1, hold: 0, pass: 1 } as const;

function renderPage() {
  const api = fakeApi({
    'GET /v1/payments': ({ url }) => {
      const decision = (url.searchParams.get('decision') ?? 'all') as keyof typeof TOTALS;
      const payments = PAYMENTS.filter((p) => decision === 'all' || p.decision === decision);
      return [200, { total: TOTALS[decision], payments: payments.slice(0, Number(url.searchParams.get('limit') ?? 50)) }];
    },
  });
  vi.stubGlobal('fetch', api.fetch);
  render(<PaymentsPage />);
  return api;
}

describe('PaymentsPage', () => {
  it('lists the payments with decision, format, message, hits and the listed names they point at', async () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Payments');
    await screen.findByText('174c245f-2682-4291-ad67-2a41e530cd27');
    const rows = [...document.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows[0][0]).toBe('Blocked');
    expect(rows[0][2]).toBe('MT103');
    expect(rows[0][4]).toBe('2');
    expect(rows[0][5]).toBe("FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA; North Korea (KP)");
    expect(rows[1][0]).toBe('Passed');
    expect(rows[1][5]).toBe('—');
    expect(screen.getByRole('link', { name: 'AAPBESMMXXX:D051026EUR100057' }).getAttribute('href')).toBe('/payments/pay_2');
    expect(screen.getByRole('status').textContent).toBe('Payments 1–2 of 2, newest first.');
  });

  it('filters by decision, with each count, in the address and the request', async () => {
    const api = renderPage();
    const filter = screen.getByRole('navigation', { name: 'Filter by decision' });
    await waitFor(() => expect(within(filter).getByRole('link', { name: /Blocked/ }).textContent).toBe('Blocked1'));
    expect(within(filter).getByRole('link', { name: /All/ }).getAttribute('aria-current')).toBe('page');
    expect(within(filter).getByRole('link', { name: /Held/ }).textContent).toBe('Held0');
    fireEvent.click(within(filter).getByRole('link', { name: /Blocked/ }));
    await waitFor(() => expect(window.location.search).toBe('?decision=block'));
    await waitFor(() => expect(document.querySelectorAll('tbody tr')).toHaveLength(1));
    expect(api.requests.some((r) => r.search === '?decision=block&limit=50')).toBe(true);
    expect(
      within(filter)
        .getByRole('link', { name: /Blocked/ })
        .getAttribute('aria-current'),
    ).toBe('page');
  });

  it('opens the message view from a row', async () => {
    renderPage();
    fireEvent.click(await screen.findByText('AAPBESMMXXX:D051026EUR100057'));
    await waitFor(() => expect(window.location.pathname).toBe('/payments/pay_2'));
  });

  it('goes to older payments a page at a time', async () => {
    const api = fakeApi({ 'GET /v1/payments': () => [200, { total: 120, payments: PAYMENTS }] });
    vi.stubGlobal('fetch', api.fetch);
    render(<PaymentsPage />);
    await screen.findByText('Payments 1–2 of 120, newest first.');
    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    await waitFor(() => expect(window.location.search).toBe('?offset=50'));
    await screen.findByText('Payments 51–52 of 120, newest first.');
    expect(api.requests.some((r) => r.search === '?offset=50&limit=50')).toBe(true);
    expect((screen.getByRole('button', { name: 'Newer' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says when a decision has no payment, with no page to go to', async () => {
    window.history.replaceState(null, '', '/payments?decision=hold');
    renderPage();
    expect((await screen.findByText('No held payments.')).getAttribute('role')).toBe('status');
    expect((screen.getByRole('button', { name: 'Older' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Newer' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
