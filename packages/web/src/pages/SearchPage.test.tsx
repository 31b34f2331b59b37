// @vitest-environment jsdom
/**
 * The search screen against a fake `POST /v1/screen`: what the form sends, and the ranked matches with
 * their profile links, score meters, alert badges and explanations; a customer key opens alerts.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Match, ScreenResponse } from '../api/types';
import { fakeApi } from '../testing/fake-api';
import { partyFrom, SearchPage } from './SearchPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const match: Match = {
  id: 'ofac:21736',
  caption: 'JANG, Sung Nam',
  schema: 'Person',
  source: 'ofac-sdn',
  score: 1,
  alert: true,
  explanation: {
    algorithm: 'name-logic-v1',
    threshold: 0.81,
    query: { name: '장성남', reading: 'jang song nam', script: 'Hang' },
    matched: { name: 'JANG, Sung Nam', property: 'name', weak: false, reading: 'jang sung nam', script: 'Latn' },
    tokens: [{ query: 'song', listed: 'sung', similarity: 0.95, how: 'romanisation' }],
    unmatched: { query: [], listed: [] },
    scorers: [{ name: 'nameSimilarity', label: 'Name similarity', value: 0.983, weight: 1, contribution: 0.983, detail: '' }],
    summary: '…',
  },
};

const answer: ScreenResponse = {
  screeningId: 'sc_01',
  alerted: true,
  matches: [match, { ...match, id: 'un:KPi.057', caption: 'JANG SUNG NAM', source: 'un-sc', score: 0.76, alert: false }],
  publications: [{ id: 1, source: 'ofac-sdn', published: '2023-12-28' }],
};

describe('SearchPage', () => {
  it('screens the party and ranks the matches with score meters and explanations', async () => {
    const api = fakeApi({ 'POST /v1/screen': () => [200, answer] });
    vi.stubGlobal('fetch', api.fetch);
    render(<SearchPage />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: ' 장성남 ' } });
    fireEvent.change(screen.getByLabelText('Birth date'), { target: { value: '1970-07-14' } });
    fireEvent.change(screen.getByLabelText('Country'), { target: { value: 'kp' } });
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'Person' } });
    fireEvent.click(screen.getByRole('button', { name: 'Screen' }));

    const results = await screen.findByRole('region', { name: '2 matches for “장성남”' });
    expect(api.requests[0].body).toEqual({ name: '장성남', schema: 'Person', birthDate: '1970-07-14', country: 'KP' });
    const cards = within(results)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('match-card'));
    expect(cards).toHaveLength(2);
    expect(within(cards[0]).getByRole('link', { name: 'JANG, Sung Nam' }).getAttribute('href')).toBe('/entities/ofac%3A21736');
    const meter = within(cards[0]).getByRole('meter', { name: 'Score of JANG, Sung Nam' });
    expect(meter.getAttribute('aria-valuenow')).toBe('100');
    expect(meter.getAttribute('aria-valuetext')).toBe('100%, alert threshold 81%');
    expect(within(cards[0]).getByText('Alert')).toBeTruthy();
    expect(within(cards[1]).getByRole('meter').getAttribute('aria-valuenow')).toBe('76');
    expect(within(cards[1]).getByText('No alert')).toBeTruthy();
    expect(cards[0].textContent).toContain('romanisation variant');
    // Screening without a customer key opens no alert, so the page does not speak of one.
    expect(screen.queryByText(/alert was opened/)).toBeNull();
    // It says so: a look-up is kept in the audit trail and opens nothing in the queue (issue 12, point 11).
    expect(screen.getByText(/look-up without a customer key/).textContent).toContain('opens nothing in the alert');
  });

  it('with a customer key, says an alert was opened and links to the customer’s alert queue', async () => {
    const api = fakeApi({ 'POST /v1/screen': () => [200, answer] });
    vi.stubGlobal('fetch', api.fetch);
    render(<SearchPage />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: '장성남' } });
    fireEvent.change(screen.getByLabelText('Customer key'), { target: { value: 'C-1001' } });
    fireEvent.click(screen.getByRole('button', { name: 'Screen' }));
    const link = await screen.findByRole('link', { name: 'Open the alert queue for C-1001' });
    expect(link.getAttribute('href')).toBe('/alerts?customerKey=C-1001');
    expect(api.requests[0].body).toMatchObject({ customerKey: 'C-1001' });
  });
});

describe('partyFrom', () => {
  it('leaves out empty fields and keeps a country name as typed', () => {
    expect(partyFrom({ name: 'Kim Jong Un', birthDate: '', country: 'North Korea', schema: '', customerKey: ' ', monitor: false })).toEqual(
      {
        name: 'Kim Jong Un',
        country: 'North Korea',
      },
    );
  });
});
