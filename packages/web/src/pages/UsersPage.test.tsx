// @vitest-environment jsdom
/**
 * The Users page against a fake API: each account's status; disabling and enabling (never one's own
 * account); resetting a password to one typed, or to a generated one shown once; analysts see no
 * administration.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser, User } from '../api/types';
import { fakeApi } from '../testing/fake-api';
import { UsersPage } from './UsersPage';

beforeEach(() => window.history.replaceState(null, '', '/users'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ROOT: SessionUser = { username: 'root', role: 'admin', person: 'root', tenant: null };
const user = (username: string, over: Partial<User> = {}): User => ({
  username,
  role: 'analyst',
  tenant: null,
  createdAt: '2026-12-01T09:00:00.000Z',
  disabledAt: null,
  ...over,
});

function renderPage() {
  const users = new Map([ROOT.username, 'ann', 'bob'].map((name) => [name, user(name, name === 'root' ? { role: 'admin' } : {})]));
  const api = fakeApi({
    'GET /v1/users': () => [200, { users: [...users.values()] }],
    'POST /v1/users/ann/disable': () => {
      users.set('ann', user('ann', { disabledAt: '2026-12-07T06:00:00.000Z' }));
      return [200, users.get('ann')];
    },
    'POST /v1/users/ann/enable': () => {
      users.set('ann', user('ann'));
      return [200, users.get('ann')];
    },
    'POST /v1/users/bob/password': ({ body }) => [
      200,
      (body as { password?: string }).password ? { username: 'bob' } : { username: 'bob', password: 'Zq3-generated-once_x9Lk2' },
    ],
  });
  vi.stubGlobal('fetch', api.fetch);
  render(<UsersPage user={ROOT} />);
  return api;
}

const rowOf = (name: string) => within(screen.getByText(name, { selector: 'td' }).closest('tr')!);

describe('UsersPage', () => {
  it('disables and enables an account, and offers no way to disable one’s own', async () => {
    const api = renderPage();
    await screen.findByText('ann', { selector: 'td' });
    expect(rowOf('root').queryByRole('button', { name: /Disable/ })).toBeNull();
    expect(rowOf('ann').getByText('active')).toBeTruthy();
    fireEvent.click(rowOf('ann').getByRole('button', { name: 'Disable ann' }));
    await waitFor(() => expect(rowOf('ann').getByText('disabled')).toBeTruthy());
    expect(api.requests.some((r) => r.method === 'POST' && r.path === '/v1/users/ann/disable')).toBe(true);
    fireEvent.click(rowOf('ann').getByRole('button', { name: 'Enable ann' }));
    await waitFor(() => expect(rowOf('ann').getByText('active')).toBeTruthy());
  });

  it('resets a password to a generated one shown once, or to the one typed', async () => {
    const api = renderPage();
    await screen.findByText('bob', { selector: 'td' });
    fireEvent.click(rowOf('bob').getByRole('button', { name: 'Reset the password of bob' }));
    const panel = within(screen.getByRole('region', { name: 'Reset the password of bob' }));
    fireEvent.click(panel.getByRole('button', { name: 'Generate a password' }));
    expect((await panel.findByRole('status')).textContent).toContain('New password for bob: Zq3-generated-once_x9Lk2. Hand it over now');
    expect(api.requests.at(-1)).toMatchObject({ path: '/v1/users/bob/password', body: {} });
    fireEvent.click(panel.getByRole('button', { name: 'Done' }));
    expect(screen.queryByText(/Zq3-generated-once/)).toBeNull();

    fireEvent.click(rowOf('bob').getByRole('button', { name: 'Reset the password of bob' }));
    const again = within(screen.getByRole('region', { name: 'Reset the password of bob' }));
    fireEvent.change(again.getByLabelText('New password'), { target: { value: 'bob new password' } });
    fireEvent.click(again.getByRole('button', { name: 'Set this password' }));
    expect((await again.findByRole('status')).textContent).toContain('is the one you typed');
    expect(api.requests.at(-1)).toMatchObject({ path: '/v1/users/bob/password', body: { password: 'bob new password' } });
  });

  it('shows analysts no administration', () => {
    vi.stubGlobal('fetch', fakeApi({}).fetch);
    render(<UsersPage user={{ username: 'ann', role: 'analyst', person: 'ann', tenant: null }} />);
    expect(screen.getByText(/Only administrators manage users/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
