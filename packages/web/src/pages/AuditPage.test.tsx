// @vitest-environment jsdom
/**
 * The Audit page against a fake API: the filter by a user's plain name goes into the address and the
 * request (`?user=ann`), beside the kind and the actor id; each row shows its actor.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditRow } from '../api/types';
import { fakeApi } from '../testing/fake-api';
import { AuditPage } from './AuditPage';

beforeEach(() => window.history.replaceState(null, '', '/audit'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const row = (seq: number, actor: string, kind: string): AuditRow => ({
  seq,
  at: '2026-12-07T06:00:00.000Z',
  actor,
  kind,
  subject: 'ann',
  details: {},
  hash: 'a'.repeat(64),
});

describe('AuditPage', () => {
  it('filters by a user’s plain name, kept in the address and sent as ?user=', async () => {
    const api = fakeApi({
      'GET /v1/audit': ({ url }) => [
        200,
        {
          rows:
            url.searchParams.get('user') === 'ann'
              ? [row(3, 'user:ann', 'user.signin'), row(2, 'a1b2c3d4e5f60718', 'screening')]
              : [row(1, 'user:root', 'user.create')],
          next: null,
        },
      ],
      'GET /v1/audit/verify': () => [200, { ok: true, rows: 3, message: 'Chain intact: 3 rows.' }],
    });
    vi.stubGlobal('fetch', api.fetch);
    render(<AuditPage />);
    await screen.findByText('user:root');
    fireEvent.change(screen.getByLabelText('User'), { target: { value: ' ann ' } });
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'screening' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    await waitFor(() => expect(window.location.search).toBe('?kind=screening&user=ann'));
    await screen.findByText('a1b2c3d4e5f60718');
    expect(api.requests.filter((r) => r.path === '/v1/audit').at(-1)?.search).toBe('?kind=screening&user=ann&limit=50');
    expect(screen.queryByText('user:root')).toBeNull();
    expect((screen.getByLabelText('User') as HTMLInputElement).value).toBe('ann');
  });
});
