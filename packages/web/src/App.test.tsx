// @vitest-environment jsdom
/**
 * The shell against a fake API: without a session every path leads to sign-in and back after it; the
 * navigation shows Users to admins only; signing out ends at the sign-in page.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { fakeApi, type FakeAnswer } from './testing/fake-api';

beforeEach(() => window.history.replaceState(null, '', '/alerts?status=open'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const unauthenticated: FakeAnswer = [401, { error: 'UNAUTHENTICATED', message: 'Sign in first.' }];

describe('App', () => {
  it('sends a visitor without a session to sign-in, then back where they were going', async () => {
    let signedIn = false;
    const api = fakeApi({
      'GET /v1/session': () =>
        signedIn
          ? [200, { user: { username: 'ann', role: 'analyst', person: 'ann', tenant: null }, expiresAt: '2026-03-03T00:00:00Z' }]
          : unauthenticated,
      'POST /v1/session': ({ body }) => {
        const { password } = body as { password: string };
        if (password !== 'correct horse battery') return [401, { error: 'UNAUTHENTICATED', message: 'Wrong username or password.' }];
        signedIn = true;
        return [200, { user: { username: 'ann', role: 'analyst', person: 'ann', tenant: null }, expiresAt: '2026-03-03T00:00:00Z' }];
      },
      'GET /v1/cases': () => [200, { cases: [] }],
    });
    vi.stubGlobal('fetch', api.fetch);
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    // The address changes in an effect after the page is drawn.
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe('/signin?next=%2Falerts%3Fstatus%3Dopen'));

    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'ann' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Wrong username or password.');

    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'correct horse battery' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Alerts' })).toBeTruthy();
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe('/alerts?status=open'));
    expect(api.requests.some((r) => r.path === '/v1/cases' && r.search.includes('status=open'))).toBe(true);

    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Dashboard', 'Search', 'Alerts', 'Customers', 'Batch', 'Payments', 'Trade', 'Ownership', 'Network', 'Lists', 'Audit']);
    expect(within(nav).getByRole('link', { name: 'Alerts' }).getAttribute('aria-current')).toBe('page');
  });

  it('names the tenant of a user of one tenant in the header, and offers no audit trail (it covers every tenant)', async () => {
    window.history.replaceState(null, '', '/alerts');
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'GET /v1/session': () => [200, { user: { username: 'bo', role: 'analyst', tenant: 'bank-a' }, expiresAt: '2026-03-03T00:00:00Z' }],
        'GET /v1/alerts': () => [200, { alerts: [] }],
      }).fetch,
    );
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Alerts' })).toBeTruthy();
    expect(screen.getByRole('banner').textContent).toContain('tenant bank-a');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Dashboard', 'Search', 'Alerts', 'Customers', 'Batch', 'Payments', 'Trade', 'Ownership', 'Network', 'Lists']);
  });

  it('gives the search field the focus on arrival: on the first load and after a navigation (issue 16 point 8)', async () => {
    window.history.replaceState(null, '', '/screen');
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'GET /v1/session': () => [
          200,
          { user: { username: 'ann', role: 'analyst', person: 'ann', tenant: null }, expiresAt: '2026-03-03T00:00:00Z' },
        ],
        'GET /v1/alerts': () => [200, { alerts: [] }],
      }).fetch,
    );
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Search' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Name')));
    const nav = screen.getByRole('navigation', { name: 'Main' });
    fireEvent.click(within(nav).getByRole('link', { name: 'Alerts' }));
    // Elsewhere the heading takes the focus after a navigation, as before.
    const alerts = await screen.findByRole('heading', { level: 1, name: 'Alerts' });
    await waitFor(() => expect(document.activeElement).toBe(alerts));
    fireEvent.click(within(nav).getByRole('link', { name: 'Search' }));
    await screen.findByRole('heading', { level: 1, name: 'Search' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Name')));
  });

  it('shows Users to an admin, and signing out leads to the sign-in page', async () => {
    window.history.replaceState(null, '', '/users');
    const api = fakeApi({
      'GET /v1/session': () => [
        200,
        { user: { username: 'root', role: 'admin', person: 'root', tenant: null }, expiresAt: '2026-03-03T00:00:00Z' },
      ],
      'GET /v1/users': () => [200, { users: [{ username: 'ann', role: 'analyst', createdAt: '2026-03-01T08:00:00Z' }] }],
      'DELETE /v1/session': () => [204],
    });
    vi.stubGlobal('fetch', api.fetch);
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Users' })).toBeTruthy();
    expect(await screen.findByRole('cell', { name: 'ann' })).toBeTruthy();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Users' })).toBeTruthy();
    expect(screen.getByRole('banner').textContent).toContain('Signed in as root');

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    await waitFor(() => expect(window.location.pathname).toBe('/signin'));
    expect(api.requests.at(-1)).toMatchObject({ method: 'DELETE', path: '/v1/session' });
  });

  it('goes to sign-in when a call answers 401 later (the session expired)', async () => {
    window.history.replaceState(null, '', '/lists');
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'GET /v1/session': () => [
          200,
          { user: { username: 'ann', role: 'analyst', person: 'ann', tenant: null }, expiresAt: '2026-03-03T00:00:00Z' },
        ],
        'GET /v1/lists': () => unauthenticated,
      }).fetch,
    );
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe('/signin?next=%2Flists'));
  });
});
