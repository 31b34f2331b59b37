// @vitest-environment jsdom
/**
 * The node view of a party from a user's file, against a fake API: what it is and where it was stated,
 * the listed record it was matched to, its status under each regime with the aggregate and the proof,
 * the chain drawn and listed, and its exposure: each designated person within reach, the strongest path
 * step by step with each tie's kind, share and evidence, and the depth asked for.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OwnershipNodeResponse } from '../api/types';
import { fakeApi } from '../testing/fake-api';
import { ACME_EXPOSURE, ACME_NODE, ACME_PROOF } from '../testing/ownership-fixtures';
import { OwnershipNodePage } from './OwnershipNodePage';

beforeEach(() => window.history.replaceState(null, '', '/ownership/nodes/csv%3Aacme'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderNode(node: OwnershipNodeResponse = ACME_NODE) {
  const api = fakeApi({
    'GET /v1/ownership/nodes/csv%3Aacme': () => [200, node],
    'GET /v1/entities/csv%3Aacme/exposure': () => [200, ACME_EXPOSURE],
  });
  vi.stubGlobal('fetch', api.fetch);
  render(<OwnershipNodePage id="csv:acme" />);
  return api;
}

describe('OwnershipNodePage', () => {
  it('shows the party, where it was stated and the listed record it was matched to', async () => {
    renderNode({
      ...ACME_NODE,
      node: { ...ACME_NODE.node, resolvedTo: { recordId: 'ofac:444', score: 0.93, reason: 'same name and country (CN)' } },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'ACME TRADING LTD' })).toBeTruthy();
    const party = screen.getByRole('region', { name: 'Party' });
    expect(party.textContent).toContain('Stated inowners.csv, row 2');
    expect(party.textContent).toMatch(/CountriesChina \(CN\)|CountriesCN/);
    expect(within(party).getByRole('link', { name: 'ofac:444' }).getAttribute('href')).toBe('/entities/ofac%3A444');
    expect(party.textContent).toContain('match 93%same name and country (CN)');
  });

  it('shows the status under each regime with the aggregate, and the proof of the blocked one', async () => {
    renderNode();
    const section = await screen.findByRole('region', { name: 'Ownership and control' });
    const regimes = within(section).getByRole('list', { name: 'Status per regime' });
    const badges = [...regimes.querySelectorAll('.ownership-badge')].map((b) => b.textContent);
    expect(badges).toEqual(['OFAC blocked 55%', 'EU none', 'UK none']);
    const proof = within(section).getByRole('list', { name: 'Proof under OFAC' });
    expect(
      within(proof)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(ACME_PROOF);
    expect(within(regimes).getAllByText('Not blocked on the facts loaded.')).toHaveLength(2);
    // The chain is drawn (and listed) in the same section.
    expect(within(section).getByRole('group', { name: /^Ownership and control of ACME TRADING LTD/ })).toBeTruthy();
    expect(within(section).getByRole('list', { name: 'Ownership and control ties of ACME TRADING LTD' })).toBeTruthy();
  });

  it('shows the paths to designated persons, each step with its kind, share and evidence, names from the chain', async () => {
    const api = renderNode();
    const exposure = await screen.findByRole('region', { name: 'Exposure to designated persons' });
    const targets = await within(exposure).findByRole('list', { name: 'Designated persons within reach' });
    const items = within(targets)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === targets);
    expect(items.map((li) => li.querySelector('.exposure__head')!.textContent)).toEqual([
      'KIM ofac:111 1 step strongest path 30%',
      'KOREA TANGUN TRADING ofac:333 2 steps strongest path 18%',
    ]);
    const second = within(exposure).getByRole('list', { name: 'Strongest path to KOREA TANGUN TRADING' });
    expect(
      within(second)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'J. SMITH director of (director) ACME TRADING LTDowners.csv, row 5',
      'KOREA TANGUN TRADING linked to J. SMITHOFAC SDN list, record ofac:333: “Linked To: J. SMITH.”',
    ]);
    const first = within(exposure).getByRole('list', { name: 'Strongest path to KIM' });
    expect(first.textContent).toBe('KIM owns 30% of ACME TRADING LTDowners.csv, row 2');
    expect(within(first).getByRole('link', { name: 'KIM' }).getAttribute('href')).toBe('/entities/ofac%3A111');
    expect(api.requests.find((r) => r.path.endsWith('/exposure'))!.search).toBe('?depth=3');

    fireEvent.change(within(exposure).getByLabelText('Steps at most'), { target: { value: '1' } });
    await waitFor(() => expect(api.requests.some((r) => r.path.endsWith('/exposure') && r.search === '?depth=1')).toBe(true));
  });

  it('shows the first three designated persons within reach, and the others on request', async () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ ...ACME_EXPOSURE.targets[0], nodeId: `ofac:${900 + i}`, name: `PERSON ${i + 1}` }));
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'GET /v1/ownership/nodes/csv%3Aacme': () => [200, ACME_NODE],
        'GET /v1/entities/csv%3Aacme/exposure': () => [200, { targets: many }],
      }).fetch,
    );
    render(<OwnershipNodePage id="csv:acme" />);
    const targets = await screen.findByRole('list', { name: 'Designated persons within reach' });
    const names = () => [...targets.querySelectorAll('.exposure__head a')].map((a) => a.textContent);
    expect(names()).toEqual(['PERSON 1', 'PERSON 2', 'PERSON 3']);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 5 designated persons within reach' }));
    expect(names()).toEqual(['PERSON 1', 'PERSON 2', 'PERSON 3', 'PERSON 4', 'PERSON 5']);
  });

  it('says so when no designated person is within reach', async () => {
    const api = fakeApi({
      'GET /v1/ownership/nodes/csv%3Aacme': () => [200, ACME_NODE],
      'GET /v1/entities/csv%3Aacme/exposure': () => [200, { targets: [] }],
    });
    vi.stubGlobal('fetch', api.fetch);
    render(<OwnershipNodePage id="csv:acme" />);
    const exposure = await screen.findByRole('region', { name: 'Exposure to designated persons' });
    expect((await within(exposure).findByText(/No designated person within 3 steps/)).textContent).toContain('ownership, control');
  });

  it("shows the server's words for a party no list or file knows", async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({ 'GET /v1/ownership/nodes/csv%3Anobody': () => [404, { error: 'NOT_FOUND', message: 'No party csv:nobody is known.' }] })
        .fetch,
    );
    render(<OwnershipNodePage id="csv:nobody" />);
    expect((await screen.findByRole('alert')).textContent).toContain('No party csv:nobody is known.');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Party csv:nobody');
  });
});
