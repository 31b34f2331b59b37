// @vitest-environment jsdom
/**
 * The alert queue against a fake API: every row names its tenant; a user across tenants can filter by
 * one (`?tenant=` in the address and the request), a user of one tenant is not offered the filter.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Alert, SessionUser } from '../api/types';
import { SessionContext } from '../session-context';
import { fakeApi } from '../testing/fake-api';
import { AlertsPage } from './AlertsPage';

beforeEach(() => window.history.replaceState(null, '', '/alerts'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const alert = (id: string, tenant: string, customerKey: string | null): Alert => ({
  id,
  tenant,
  createdAt: '2026-03-02T09:15:00.000Z',
  updatedAt: '2026-03-02T09:15:00.000Z',
  screeningId: `sc_${id}`,
  customerKey,
  entityId: 'un:KPi.057',
  source: 'un-sc',
  score: 0.95,
  status: 'open',
  party: { name: 'JANG SUNG NAM' },
  match: { caption: 'JANG SUNG NAM' },
});

function renderAs(user: SessionUser) {
  const api = fakeApi({ 'GET /v1/alerts': () => [200, { alerts: [alert('a1', 'bank-a', '12'), alert('a2', 'bank-b', '12')] }] });
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
    await waitFor(() => expect(api.requests.some((r) => r.path === '/v1/alerts' && r.search.includes('tenant=bank-b'))).toBe(true));
  });

  it('offers no tenant filter to a user of one tenant', async () => {
    renderAs({ username: 'bo', role: 'analyst', person: 'bo', tenant: 'bank-a' });
    await screen.findByText('bank-a', { selector: 'td' });
    expect(screen.queryByLabelText('Tenant')).toBeNull();
  });
});
