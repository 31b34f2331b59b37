// @vitest-environment jsdom
/**
 * The alert queue against a fake API: one row per case (a customer's alerts on one party), every row
 * names its tenant and who it is assigned to; a user across tenants can filter by one (`?tenant=` in the
 * address and the request), a user of one tenant is not offered the filter; "mine" and "unassigned" go
 * to the server as `assigned=`.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Alert, CaseSummary, SessionUser } from '../api/types';
import { SessionContext } from '../session-context';
import { fakeApi } from '../testing/fake-api';
import { AlertsPage } from './AlertsPage';

beforeEach(() => window.history.replaceState(null, '', '/alerts'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const alert = (id: string, tenant: string, customerKey: string | null, entityId = 'un:KPi.057', source = 'un-sc'): Alert => ({
  id,
  caseId: id,
  tenant,
  createdAt: '2026-03-02T09:15:00.000Z',
  updatedAt: '2026-03-02T09:15:00.000Z',
  screeningId: `sc_${id}`,
  customerKey,
  entityId,
  source,
  score: 0.95,
  status: 'open',
  party: { name: 'JANG SUNG NAM' },
  match: { caption: 'JANG SUNG NAM' },
});

const caseOf = (alerts: Alert[], assignee: string | null = null): CaseSummary => ({
  id: alerts[0].id,
  tenant: alerts[0].tenant,
  customerKey: alerts[0].customerKey,
  assignee,
  createdAt: alerts[0].createdAt,
  updatedAt: alerts[0].updatedAt,
  alerts: alerts.map((a) => ({ ...a, caseId: alerts[0].id })),
});

function renderAs(user: SessionUser) {
  const api = fakeApi({
    'GET /v1/cases': () => [200, { cases: [caseOf([alert('a1', 'bank-a', '12')], 'ann'), caseOf([alert('a2', 'bank-b', '12')])] }],
  });
  vi.stubGlobal('fetch', api.fetch);
  render(
    <SessionContext.Provider value={user}>
      <AlertsPage />
    </SessionContext.Provider>,
  );
  return api;
}

describe('AlertsPage', () => {
  it('names the tenant of every alert, and filters by tenant for a user across tenants', async () => {
    const api = renderAs({ username: 'ann', role: 'analyst', person: 'ann', tenant: null });
    await screen.findByText('bank-a');
    const header = [...document.querySelectorAll('th')].map((th) => th.textContent);
    expect(header).toContain('Tenant');
    const rows = [...document.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows.map((cells) => cells[header.indexOf('Tenant')])).toEqual(['bank-a', 'bank-b']);
    fireEvent.change(screen.getByLabelText('Tenant'), { target: { value: 'bank-b' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    await waitFor(() => expect(window.location.search).toBe('?tenant=bank-b'));
    await waitFor(() => expect(api.requests.some((r) => r.path === '/v1/cases' && r.search.includes('tenant=bank-b'))).toBe(true));
  });

  it('offers no tenant filter to a user of one tenant', async () => {
    renderAs({ username: 'bo', role: 'analyst', person: 'bo', tenant: 'bank-a' });
    await screen.findByText('bank-a', { selector: 'td' });
    expect(screen.queryByLabelText('Tenant')).toBeNull();
  });

  it('shows a case of three linked records as one row with three matches, the most pressing status and its assignee', async () => {
    const komid = caseOf(
      [
        alert('k1', 'bank-a', 'C-7', 'ofac:9345', 'ofac-sdn'),
        { ...alert('k2', 'bank-a', 'C-7', 'un:KPe.001', 'un-sc'), status: 'pending_approval' },
        alert('k3', 'bank-a', 'C-7', 'uk:10892', 'uk-hmt'),
      ],
      'bob',
    );
    vi.stubGlobal('fetch', fakeApi({ 'GET /v1/cases': () => [200, { cases: [komid] }] }).fetch);
    render(
      <SessionContext.Provider value={{ username: 'ann', role: 'analyst', person: 'ann', tenant: null }}>
        <AlertsPage />
      </SessionContext.Provider>,
    );
    await screen.findByText('3 matches');
    const rows = document.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(1);
    const cell = (label: string) => rows[0].querySelector(`td[data-label="${label}"]`)!.textContent;
    expect(cell('Listed party')).toContain('ofac:9345, un:KPe.001, uk:10892');
    expect(cell('Lists')).toBe('ofac-sdn, un-sc, uk-hmt');
    expect(cell('Status')).toBe('pending approval');
    expect(cell('Assigned to')).toBe('bob');
    expect(rows[0].querySelector('a')!.getAttribute('href')).toBe('/cases/k1');
  });

  it('asks the server for my cases, or the unassigned ones', async () => {
    const api = renderAs({ username: 'ann', role: 'analyst', person: 'ann', tenant: 'bank-a' });
    await screen.findByText('bank-a', { selector: 'td' });
    fireEvent.change(screen.getByLabelText('Assigned'), { target: { value: 'mine' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    await waitFor(() => expect(window.location.search).toBe('?assigned=mine'));
    await waitFor(() => expect(api.requests.some((r) => r.path === '/v1/cases' && r.search.includes('assigned=mine'))).toBe(true));
    fireEvent.change(screen.getByLabelText('Assigned'), { target: { value: 'unassigned' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    await waitFor(() => expect(api.requests.some((r) => r.search.includes('assigned=unassigned'))).toBe(true));
  });
});
