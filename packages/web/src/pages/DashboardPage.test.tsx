// @vitest-environment jsdom
/**
 * The dashboard against fixture answers: the alert counts (all and mine) link to the queue filtered by
 * status, the oldest open alert's age, the lists in force only with the stale ones marked, "last checked"
 * from the server's checks of the publishers (the load time, marked so, before the first), a failed or
 * overdue check in red and, for an admin only, a notice with the reason; the last jobs, the audit chain's
 * verdict (and a user of one tenant told why it is not shown); and signing in without a return path lands on it.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import type { DashboardFigures, Job, Publication, SessionUser } from '../api/types';
import { SessionContext } from '../session-context';
import { fakeApi, type FakeHandler } from '../testing/fake-api';
import { DashboardPage } from './DashboardPage';

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const NOW = new Date('2026-12-07T12:00:00.000Z');

const publication = (id: number, source: string, published: string | null, current: boolean): Publication => ({
  id,
  source,
  published,
  loadedAt: '2026-12-06T08:30:00.000Z',
  records: 100,
  schemata: {},
  issues: 0,
  current,
  files: [],
  missingFiles: [],
});

const job = (id: string, status: Job['status'], completed: number, error: string | null = null): Job => ({
  id,
  status,
  total: 250,
  completed,
  alerted: 3,
  createdAt: '2026-12-07T10:00:00.000Z',
  updatedAt: '2026-12-07T10:05:00.000Z',
  finishedAt: status === 'done' || status === 'failed' ? '2026-12-07T10:05:00.000Z' : null,
  elapsedMs: 300_000,
  error,
});

const FIGURES: DashboardFigures = {
  alerts: {
    open: { all: 1234, mine: 0 },
    escalated: { all: 5, mine: 2 },
    pendingApproval: { all: 3, mine: 1 },
    oldestOpenAt: '2026-11-27T09:00:00.000Z',
  },
  jobs: [job('j2', 'running', 100), job('j1', 'failed', 250, 'The store was unreachable.')],
  listChecks: [
    {
      source: 'ofac-sdn',
      lastCheckedAt: '2026-12-07T06:00:00.000Z',
      lastSuccessAt: '2026-12-07T06:00:00.000Z',
      outcome: 'unchanged',
      attention: false,
      attentionReason: null,
    },
    {
      source: 'un-sc',
      lastCheckedAt: null,
      lastSuccessAt: '2026-12-06T08:30:00.000Z',
      outcome: null,
      attention: false,
      attentionReason: null,
    },
  ],
};

/** The UN publisher's last check refused a file cut short; the reason as an admin receives it. */
const REFUSED_UN: DashboardFigures['listChecks'][number] = {
  source: 'un-sc',
  lastCheckedAt: '2026-12-07T11:00:00.000Z',
  lastSuccessAt: '2026-12-07T05:00:00.000Z',
  outcome: 'refused',
  attention: true,
  attentionReason:
    'https://scsanctions.un.org/resources/xml/en/consolidated.xml: the downloaded file does not verify (consolidated.xml: unexpected end of file)',
};

const LISTS = [
  publication(4, 'ofac-sdn', '2026-12-01', true),
  publication(3, 'un-sc', '2026-02-27', true),
  publication(2, 'uk-hmt', null, true),
  publication(1, 'ofac-sdn', '2026-10-01', false),
];

const ann: SessionUser = { username: 'ann', role: 'analyst', person: 'ann', tenant: null };

function renderDashboard(user: SessionUser, routes: Record<string, FakeHandler> = {}) {
  const api = fakeApi({
    'GET /v1/dashboard': () => [200, FIGURES],
    'GET /v1/lists': () => [200, { publications: LISTS }],
    'GET /v1/audit/verify': () => [200, { ok: true, rows: 42, message: 'Chain intact: 42 rows.' }],
    ...routes,
  });
  vi.stubGlobal('fetch', api.fetch);
  render(
    <SessionContext.Provider value={user}>
      <DashboardPage now={NOW} />
    </SessionContext.Provider>,
  );
  return api;
}

describe('DashboardPage', () => {
  it('counts open, escalated and pending-approval alerts, all and mine, each linking to the queue of that status', async () => {
    renderDashboard(ann);
    const open = await screen.findByTestId('alerts-open');
    expect(open.textContent).toContain('1,234');
    expect(open.textContent).toContain('Mine: none — alerts are not assigned yet');
    expect(within(open).getByRole('link').getAttribute('href')).toBe('/alerts?status=open');
    const escalated = screen.getByTestId('alerts-escalated');
    expect(escalated.textContent).toContain('5Escalated');
    expect(escalated.textContent).toContain('Mine: 2 escalated by me');
    const pending = screen.getByTestId('alerts-pending_approval');
    expect(pending.textContent).toContain('Mine: 1 proposed by me');
    expect(within(pending).getByRole('link').getAttribute('href')).toBe('/alerts?status=pending_approval');
    // 27 Nov 09:00 to 7 Dec 12:00: ten whole days.
    expect(screen.getByTestId('oldest-open').textContent).toMatch(/^Oldest open alert: 10 days old \(opened 27 Nov 2026/);
  });

  it('says so when no alert is open', async () => {
    renderDashboard(ann, {
      'GET /v1/dashboard': () => [200, { ...FIGURES, alerts: { ...FIGURES.alerts, open: { all: 0, mine: 0 }, oldestOpenAt: null } }],
    });
    expect((await screen.findByTestId('oldest-open')).textContent).toBe('No alert is open.');
  });

  it('shows the lists in force only, marks stale ones (over 30 days old, or undated), and when each publisher was last checked', async () => {
    renderDashboard(ann);
    const sdn = await screen.findByTestId('list-ofac-sdn');
    // Only the publication in force: the older SDN (#1) is not shown.
    expect(screen.getAllByTestId('list-ofac-sdn')).toHaveLength(1);
    expect(sdn.textContent).toContain('2026-12-01');
    expect(sdn.className).not.toContain('stale');
    expect(sdn.textContent).not.toContain('stale');
    const un = screen.getByTestId('list-un-sc');
    expect(un.className).toBe('stale');
    expect(un.textContent).toContain('283 days ago');
    expect(un.textContent).toContain('Published 283 days ago, more than 30: check for an update.');
    const uk = screen.getByTestId('list-uk-hmt');
    expect(uk.className).toBe('stale');
    expect(uk.textContent).toContain('undated');
    // Checked by the server this morning; the UN list not yet: its load time, marked so.
    expect(sdn.textContent).toContain('7 Dec 2026');
    expect(un.textContent).toMatch(/6 Dec 2026.*\(loaded\)/);
    expect(screen.getByText(/when the server last asked the publisher for an update/)).toBeTruthy();
    // No check needs attention: no notice, even for an admin.
    expect(screen.queryByTestId('list-update-notice')).toBeNull();
  });

  it('shows an admin a red notice with the reason a list update failed, and marks the list red', async () => {
    const admin: SessionUser = { username: 'root', role: 'admin', person: 'root', tenant: null };
    renderDashboard(admin, { 'GET /v1/dashboard': () => [200, { ...FIGURES, listChecks: [FIGURES.listChecks[0], REFUSED_UN] }] });
    const notice = await screen.findByTestId('list-update-notice');
    expect(notice.className).toContain('notice--error');
    expect(within(notice).getByRole('heading', { level: 2 }).textContent).toBe('A list update needs attention');
    expect(within(notice).getByTestId('list-update-un-sc').textContent).toContain('UN Security Council list');
    expect(within(notice).getByTestId('list-update-un-sc').textContent).toContain(
      'does not verify (consolidated.xml: unexpected end of file)',
    );
    expect(notice.textContent).toContain('The publications in force stay in force');
    const un = await screen.findByTestId('list-un-sc');
    expect(un.className).toBe('stale');
    expect(within(un).getByText('refused').className).toContain('badge--danger');
    expect(un.textContent).toContain('7 Dec 2026');
  });

  it('shows an analyst the failed check in the table only, without the notice', async () => {
    renderDashboard(ann, {
      'GET /v1/dashboard': () => [200, { ...FIGURES, listChecks: [FIGURES.listChecks[0], { ...REFUSED_UN, attentionReason: null }] }],
    });
    const un = await screen.findByTestId('list-un-sc');
    await waitFor(() => expect(within(un).getByText('refused')).toBeTruthy());
    expect(screen.queryByTestId('list-update-notice')).toBeNull();
  });

  it('lists the last batch jobs with their progress, and why one failed', async () => {
    renderDashboard(ann);
    const running = await screen.findByTestId('job-j2');
    expect(running.textContent).toContain('Running');
    expect(running.textContent).toContain('100 of 250');
    const failed = screen.getByTestId('job-j1');
    expect(failed.textContent).toContain('Failed');
    expect(failed.textContent).toContain('The store was unreachable.');
  });

  it("shows the audit chain's verdict, red when broken", async () => {
    renderDashboard(ann, {
      'GET /v1/audit/verify': () => [200, { ok: false, rows: 42, message: 'Chain broken at row 17: hash mismatch.' }],
    });
    const status = await screen.findByTestId('audit-status');
    expect(status.textContent).toBe('broken Chain broken at row 17: hash mismatch.');
    expect(status.querySelector('.badge--danger')).toBeTruthy();
  });

  it('tells a user of one tenant that the audit trail is checked across tenants', async () => {
    renderDashboard(
      { username: 'bo', role: 'analyst', person: 'bo', tenant: 'bank-a' },
      {
        'GET /v1/audit/verify': () => [403, { error: 'FORBIDDEN', message: 'The audit trail covers every tenant.' }],
      },
    );
    expect(await screen.findByText('The audit trail covers every tenant: a user across tenants checks it.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a failed request in its own section and the others still', async () => {
    renderDashboard(ann, { 'GET /v1/lists': () => [503, { error: 'STORE_UNAVAILABLE', message: 'The database is unreachable.' }] });
    expect((await screen.findByRole('alert')).textContent).toContain('The database is unreachable.');
    expect(await screen.findByTestId('alerts-open')).toBeTruthy();
  });
});

describe('the landing page', () => {
  it('is the dashboard after signing in without a return path', async () => {
    window.history.replaceState(null, '', '/signin');
    let signedIn = false;
    const session = { user: ann, expiresAt: '2026-12-08T00:00:00Z' };
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'GET /v1/session': () => (signedIn ? [200, session] : [401, { error: 'UNAUTHENTICATED', message: 'Sign in first.' }]),
        'POST /v1/session': () => ((signedIn = true), [200, session]),
        'GET /v1/dashboard': () => [200, FIGURES],
        'GET /v1/lists': () => [200, { publications: LISTS }],
        'GET /v1/audit/verify': () => [200, { ok: true, rows: 42, message: 'Chain intact: 42 rows.' }],
      }).fetch,
    );
    render(<App />);
    fireEvent.change(await screen.findByLabelText('Username'), { target: { value: 'ann' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'correct horse battery' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeTruthy();
    await waitFor(() => expect(window.location.pathname).toBe('/'));
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Search' }).getAttribute('href')).toBe('/screen');
  });
});
