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

/** `GET /v1/entities/:id` answering each record with the given links to other lists. */
function profiles(links: Record<string, string[]>) {
  return Object.fromEntries(
    answer.matches.map((m) => [
      `GET /v1/entities/${encodeURIComponent(m.id)}`,
      () =>
        [
          200,
          {
            entity: { id: m.id, source: m.source, schema: m.schema, caption: m.caption, properties: {} },
            relationships: [],
            links: (links[m.id] ?? []).map((id) => ({
              other: { id, caption: id, schema: 'Person' },
              reason: 'passportNumber',
              value: '563120368',
            })),
            publications: [],
          },
        ] as [number, unknown],
    ]),
  );
}

async function search(routes: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi({ 'POST /v1/screen': () => [200, answer], ...routes });
  vi.stubGlobal('fetch', api.fetch);
  render(<SearchPage />);
  fireEvent.change(screen.getByLabelText('Name'), { target: { value: ' 장성남 ' } });
  fireEvent.change(screen.getByLabelText('Birth date'), { target: { value: '1970-07-14' } });
  fireEvent.change(screen.getByLabelText('Country'), { target: { value: 'kp' } });
  fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'Person' } });
  fireEvent.click(screen.getByRole('button', { name: 'Screen' }));
  return api;
}

const cardsIn = (el: HTMLElement) =>
  within(el)
    .getAllByRole('listitem')
    .filter((li) => li.classList.contains('match-card'));

describe('SearchPage', () => {
  it('shows one row per party: records linked across lists together, the lists as badges', async () => {
    const api = await search(profiles({ 'ofac:21736': ['un:KPi.057'], 'un:KPi.057': ['ofac:21736'] }));
    const results = await screen.findByRole('region', { name: '1 match for “장성남”' });
    expect(api.requests[0].body).toEqual({ name: '장성남', schema: 'Person', birthDate: '1970-07-14', country: 'KP' });
    expect(api.requests.slice(1).map((r) => r.path)).toEqual(['/v1/entities/ofac%3A21736', '/v1/entities/un%3AKPi.057']);
    const cards = cardsIn(results);
    expect(cards).toHaveLength(1);
    expect(results.textContent).toContain('2 listed records, those of one party on several lists shown together.');
    const card = cards[0];
    expect(within(card.querySelector('h3')!).getByRole('link', { name: 'JANG, Sung Nam' }).getAttribute('href')).toBe(
      '/entities/ofac%3A21736',
    );
    expect([...card.querySelectorAll('.badge--list')].map((b) => b.textContent)).toEqual(['OFAC', 'UN']);
    expect(card.querySelector('.badge--list')?.getAttribute('title')).toBe('OFAC SDN list');
    const meter = within(card).getByRole('meter', { name: 'Score of JANG, Sung Nam' });
    expect(meter.getAttribute('aria-valuenow')).toBe('100');
    expect(meter.getAttribute('aria-valuetext')).toBe('100%, alert threshold 81%');
    expect(within(card).getByText('Alert')).toBeTruthy();
    // The explanation in one line; the whole of each record's on demand.
    expect(card.querySelector('.match-card__line')?.textContent).toBe('Primary name “JANG, Sung Nam”: song ≈ sung (romanisation variant).');
    const details = within(card).getByText('Why it matched (2 records)').closest('details')!;
    expect(details.open).toBe(false);
    expect(within(details).getByRole('region', { name: 'UN Security Council list record un:KPi.057' })).toBeTruthy();
    expect(details.textContent).toContain('romanisation variant — the same name in another romanisation');
    // Screening without a customer key opens no alert, so the page does not speak of one.
    expect(screen.queryByText(/alert was opened/)).toBeNull();
    // It says so: a look-up is kept in the audit trail and opens nothing in the queue (issue 12, point 11).
    expect(screen.getByText(/look-up without a customer key/).textContent).toContain('opens nothing in the alert');
  });

  it('folds parties below the alert threshold under "weaker matches", and keeps internals in the details', async () => {
    await search(profiles({}));
    const results = await screen.findByRole('region', { name: '2 matches for “장성남”' });
    const weaker = within(results).getByText('Weaker matches (1), below the alert threshold of 81%').closest('details')!;
    expect(weaker.open).toBe(false);
    const [strong] = cardsIn(results).filter((c) => !weaker.contains(c));
    expect(within(strong).getByRole('link', { name: 'JANG, Sung Nam' })).toBeTruthy();
    const [weak] = cardsIn(weaker);
    expect(within(weak).getByRole('meter').getAttribute('aria-valuenow')).toBe('76');
    expect(within(weak).getByText('No alert')).toBeTruthy();
    expect([...weak.querySelectorAll('.badge--list')].map((b) => b.textContent)).toEqual(['UN']);
    // The screening id and the algorithm are not in the header: they are in the screening details.
    const header = results.querySelector('p.muted')!;
    expect(header.textContent).toBe('Screened against OFAC SDN list of 2023-12-28.');
    const internals = within(results).getByText('Screening details').closest('details')!;
    expect(internals.open).toBe(false);
    expect(internals.textContent).toContain('sc_01');
    expect(internals.textContent).toContain('name-logic-v1');
  });

  it('opens the weaker matches when nothing alerts', async () => {
    const quiet = { ...answer, alerted: false, matches: answer.matches.map((m) => ({ ...m, alert: false, score: 0.7 })) };
    vi.stubGlobal('fetch', fakeApi({ 'POST /v1/screen': () => [200, quiet], ...profiles({}) }).fetch);
    render(<SearchPage />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'jang' } });
    fireEvent.click(screen.getByRole('button', { name: 'Screen' }));
    const fold = await screen.findByText(/^Weaker matches \(2\)/);
    expect(fold.closest('details')!.open).toBe(true);
  });

  it('says which records’ links could not be read, and shows them on their own', async () => {
    await search({});
    const results = await screen.findByRole('region', { name: '2 matches for “장성남”' });
    expect(results.textContent).toContain('The links to other lists of ofac:21736 (No route GET /v1/entities/ofac%3A21736.)');
    expect(results.textContent).toContain('shown on their own');
  });

  it('with a customer key, says an alert was opened and links to the customer’s alert queue', async () => {
    const api = fakeApi({ 'POST /v1/screen': () => [200, answer], ...profiles({}) });
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
