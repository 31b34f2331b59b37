// @vitest-environment jsdom
/**
 * The case review against a fake API: KOMID's three records (SDN, UN, UK) alerting for one customer are
 * one case with three matches, each with the customer's screened data next to the listed record; the
 * analyst assigns it (to herself, to a colleague, to no one), comments, and decides the selected matches
 * with one reason code in one request; four eyes shows per match (the proposer cannot approve).
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AlertDetail, AlertStatus, CaseDetail, Decision } from '../api/types';
import { fakeApi } from '../testing/fake-api';
import { CaseReviewPage } from './CaseReviewPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const CUSTOMER = { name: 'Korea Mining Development Trading Corporation', customerKey: 'C-7', country: 'PE' };

function match(id: string, entityId: string, source: string, status: AlertStatus, decisions: Decision[] = []): AlertDetail {
  return {
    alert: {
      id,
      caseId: 'k1',
      tenant: 'bank-a',
      createdAt: '2026-12-07T09:00:00.000Z',
      updatedAt: '2026-12-07T09:00:00.000Z',
      screeningId: 'sc_1',
      customerKey: 'C-7',
      entityId,
      source,
      score: 1,
      status,
      party: CUSTOMER,
      match: { id: entityId, caption: 'KOREA MINING DEVELOPMENT TRADING CORPORATION', score: 1, alert: true },
    },
    entity: {
      id: entityId,
      source,
      schema: 'Organization',
      caption: 'KOREA MINING DEVELOPMENT TRADING CORPORATION',
      properties: { country: [{ value: 'kp' }], program: [{ value: 'DPRK' }] },
    },
    recordChanged: false,
    decisions,
  };
}

const proposal = (person: string): Decision => ({
  id: `d-${person}`,
  decidedAt: '2026-12-07T09:30:00.000Z',
  actor: `user:${person}`,
  person,
  decision: 'false_positive',
  reason: 'Peruvian supplier',
  reasonCode: 'different-nationality',
});

function komid(status: AlertStatus = 'open', assignee: string | null = null, comments: CaseDetail['comments'] = []): CaseDetail {
  const decisions = status === 'pending_approval' ? [proposal('ann')] : [];
  return {
    case: {
      id: 'k1',
      tenant: 'bank-a',
      customerKey: 'C-7',
      assignee,
      createdAt: '2026-12-07T09:00:00.000Z',
      updatedAt: '2026-12-07T09:00:00.000Z',
    },
    matches: [
      match('k1', 'ofac:9345', 'ofac-sdn', status, decisions),
      match('k2', 'un:KPe.001', 'un-sc', status, decisions),
      match('k3', 'uk:10892', 'uk-hmt', status, decisions),
    ],
    comments,
    reasonCodes: [
      { code: 'different-nationality', label: 'Different nationality' },
      { code: 'second-review-agrees', label: 'Second review agrees' },
    ],
    assignees: ['ann', 'bob'],
  };
}

const ANN = { username: 'ann', role: 'analyst' as const, person: 'ann', tenant: 'bank-a' };
const BOB = { username: 'bob', role: 'analyst' as const, person: 'bob', tenant: 'bank-a' };

describe('CaseReviewPage', () => {
  it("shows ONE case with three matches, each with the customer's data next to the listed record", async () => {
    vi.stubGlobal('fetch', fakeApi({ 'GET /v1/cases/k1': () => [200, komid()] }).fetch);
    render(<CaseReviewPage id="k1" user={ANN} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Case review');
    expect((await screen.findByTestId('case-match-count')).textContent).toBe('3');
    const matches = within(screen.getByRole('list', { name: 'Matches' })).getAllByRole('region');
    expect(matches.map((m) => m.getAttribute('data-testid'))).toEqual(['match-ofac:9345', 'match-un:KPe.001', 'match-uk:10892']);
    for (const m of matches) {
      expect(within(m).getByRole('heading', { level: 3, name: 'Customer as screened' })).toBeTruthy();
      expect(within(m).getByRole('heading', { level: 3, name: 'Listed record' })).toBeTruthy();
      expect(m.textContent).toContain('Peru');
      expect(m.textContent).toContain('DPRK');
    }
    // All three undecided matches are selected for the decision.
    expect(screen.getByTestId('case-selection').textContent).toBe('3 of 3 matches selected: ofac:9345, un:KPe.001, uk:10892.');
    const codes = [...(screen.getByLabelText('Reason code') as HTMLSelectElement).options].map((o) => o.textContent);
    expect(codes).toEqual(['Choose a reason…', 'Different nationality', 'Second review agrees']);
  });

  it('assigns the case to me, to a colleague, and to no one', async () => {
    let assignee: string | null = null;
    const api = fakeApi({
      'GET /v1/cases/k1': () => [200, komid('open', assignee)],
      'PUT /v1/cases/k1/assignee': ({ body }) => {
        assignee = (body as { assignee: string | null }).assignee;
        return [200, { case: komid('open', assignee).case }];
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    render(<CaseReviewPage id="k1" user={ANN} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Assign to me' }));
    await waitFor(() => expect(screen.getByTestId('case-assignee').textContent).toBe('ann'));
    expect(screen.queryByRole('button', { name: 'Assign to me' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Assign to'), { target: { value: 'bob' } });
    fireEvent.click(screen.getByRole('button', { name: 'Assign' }));
    await waitFor(() => expect(screen.getByTestId('case-assignee').textContent).toBe('bob'));
    fireEvent.click(screen.getByRole('button', { name: 'Unassign' }));
    await waitFor(() => expect(screen.getByTestId('case-assignee').textContent).toBe('no one'));
    expect(api.requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([
      { assignee: 'ann' },
      { assignee: 'bob' },
      { assignee: null },
    ]);
  });

  it('adds a comment and shows it with its author and time', async () => {
    const comments: CaseDetail['comments'] = [];
    const api = fakeApi({
      'GET /v1/cases/k1': () => [200, komid('open', null, comments)],
      'POST /v1/cases/k1/comments': ({ body }) => {
        const comment = {
          id: 'c1',
          alertId: null,
          writtenAt: '2026-12-07T10:00:00.000Z',
          author: 'ann',
          actor: 'user:ann',
          body: (body as { body: string }).body,
        };
        comments.push(comment);
        return [201, { comment }];
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    render(<CaseReviewPage id="k1" user={ANN} />);
    const section = await screen.findByRole('region', { name: 'Comments' });
    expect(section.textContent).toContain('No comment yet.');
    fireEvent.change(screen.getByLabelText('Comment'), { target: { value: 'Asked for the registry extract.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add comment' }));
    const written = await within(section).findByText('Asked for the registry extract.', { selector: 'li p' });
    expect(written.closest('li')!.textContent).toMatch(/^ann /);
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({ body: 'Asked for the registry extract.' });
  });

  it('closes the selected matches as false positives with one reason code, in one request; four eyes leaves them pending', async () => {
    let status: AlertStatus = 'open';
    const api = fakeApi({
      'GET /v1/cases/k1': () => [200, komid(status)],
      'POST /v1/alerts/decisions': ({ body }) => {
        status = 'pending_approval';
        const b = body as { alertIds: string[]; decision: 'false_positive'; reasonCode: string; reason: string };
        const decided = komid(status).matches.filter((m) => b.alertIds.includes(m.alert.id));
        return [200, { decided: decided.map((m) => ({ alert: m.alert, decision: { ...proposal('ann'), ...b }, remembered: false })) }];
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    render(<CaseReviewPage id="k1" user={ANN} />);
    // Leave the UK record out of this decision.
    const uk = await screen.findByTestId('match-uk:10892');
    fireEvent.click(within(uk).getByRole('checkbox'));
    expect(screen.getByTestId('case-selection').textContent).toBe('2 of 3 matches selected: ofac:9345, un:KPe.001.');
    fireEvent.change(screen.getByLabelText('Reason code'), { target: { value: 'different-nationality' } });
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'Peruvian supplier' } });
    fireEvent.click(screen.getByRole('button', { name: 'False positive' }));
    const done = await screen.findByText(/Recorded: False positive on 2 matches/);
    expect(done.textContent).toContain('2 wait for another analyst to approve (four eyes)');
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({
      alertIds: ['k1', 'k2'],
      decision: 'false_positive',
      reasonCode: 'different-nationality',
      reason: 'Peruvian supplier',
    });
  });

  it('does not let the proposer approve; another analyst approves the pending matches', async () => {
    vi.stubGlobal('fetch', fakeApi({ 'GET /v1/cases/k1': () => [200, komid('pending_approval')] }).fetch);
    render(<CaseReviewPage id="k1" user={ANN} />);
    const form = await screen.findByRole('region', { name: 'Decision' });
    expect(form.textContent).toContain('You proposed it, so approval needs another person');
    expect((screen.getByRole('button', { name: 'Approve' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('match-ofac:9345').textContent).toContain('Different nationality: Peruvian supplier');
    cleanup();

    const api = fakeApi({ 'GET /v1/cases/k1': () => [200, komid('pending_approval')] });
    vi.stubGlobal('fetch', api.fetch);
    render(<CaseReviewPage id="k1" user={BOB} />);
    await screen.findByRole('region', { name: 'Decision' });
    expect((screen.getByRole('button', { name: 'Approve' }) as HTMLButtonElement).disabled).toBe(false);
    fireEvent.change(screen.getByLabelText('Reason code'), { target: { value: 'second-review-agrees' } });
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'Agreed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(api.requests.some((r) => r.method === 'POST')).toBe(true));
    expect(api.requests.find((r) => r.method === 'POST')?.body).toMatchObject({ alertIds: ['k1', 'k2', 'k3'], decision: 'approve' });
  });

  it('refuses to send a decision without a reason code, saying why', async () => {
    const api = fakeApi({ 'GET /v1/cases/k1': () => [200, komid()] });
    vi.stubGlobal('fetch', api.fetch);
    render(<CaseReviewPage id="k1" user={ANN} />);
    fireEvent.change(await screen.findByLabelText('Reason'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'True match' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Choose a reason code');
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);
  });
});
