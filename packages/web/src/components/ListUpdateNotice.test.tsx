// @vitest-environment jsdom
/**
 * The admin's notice of list updates that need attention: nothing when every check succeeded or for a
 * user who is not an admin; one line per list with the server's reason (refused, unreachable, overdue),
 * the outcome as a red badge, and the reassurance that the publications in force stay in force.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ListCheck } from '../api/types';
import { ListUpdateNotice } from './ListUpdateNotice';

afterEach(cleanup);

const check = (source: string, outcome: ListCheck['outcome'], attentionReason: string | null): ListCheck => ({
  source,
  lastCheckedAt: '2026-12-07T11:00:00.000Z',
  lastSuccessAt: '2026-12-06T11:00:00.000Z',
  outcome,
  attention: attentionReason !== null,
  attentionReason,
});

const UNREACHABLE = check(
  'ofac-sdn',
  'unreachable',
  'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV: the server answered 503',
);
const OVERDUE = check('uk-hmt', 'unchanged', 'Not successfully checked for longer than 1 day (EMBARGO_LIST_MAX_AGE).');

describe('ListUpdateNotice', () => {
  it('says nothing when no check needs attention', () => {
    const { container } = render(<ListUpdateNotice checks={[check('un-sc', 'unchanged', null)]} isAdmin />);
    expect(container.innerHTML).toBe('');
  });

  it('says nothing to a user who is not an admin, whatever failed', () => {
    const { container } = render(<ListUpdateNotice checks={[UNREACHABLE]} isAdmin={false} />);
    expect(container.innerHTML).toBe('');
  });

  it('names each list that needs attention with its outcome (or "overdue") as a red badge, when, and the reason', () => {
    render(<ListUpdateNotice checks={[check('un-sc', 'loaded', null), UNREACHABLE, OVERDUE]} isAdmin />);
    const notice = screen.getByTestId('list-update-notice');
    expect(notice.className).toBe('notice notice--error list-update-notice');
    expect(within(notice).getByRole('heading', { level: 2 }).textContent).toBe('2 list updates need attention');
    expect(within(notice).getAllByRole('listitem')).toHaveLength(2);
    const sdn = screen.getByTestId('list-update-ofac-sdn');
    expect(sdn.textContent).toContain('OFAC SDN list');
    expect(within(sdn).getByText('unreachable').className).toBe('badge badge--danger');
    expect(sdn.textContent).toMatch(/checked 7 Dec 2026, \d\d:00: https:\/\/.*SDN\.CSV: the server answered 503$/);
    const uk = screen.getByTestId('list-update-uk-hmt');
    expect(uk.textContent).toContain('UK sanctions list');
    expect(within(uk).getByText('overdue').className).toBe('badge badge--danger');
    expect(uk.textContent).toMatch(
      /last checked successfully 6 Dec 2026, \d\d:00: Not successfully checked for longer than 1 day \(EMBARGO_LIST_MAX_AGE\)\.$/,
    );
    expect(notice.textContent).toContain('The publications in force stay in force and screenings go on against them.');
  });

  it('says so when the server gave no reason', () => {
    render(<ListUpdateNotice checks={[{ ...UNREACHABLE, attentionReason: null, attention: true }]} isAdmin />);
    expect(screen.getByTestId('list-update-ofac-sdn').textContent).toContain('No reason given.');
  });
});
