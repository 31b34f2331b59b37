// @vitest-environment jsdom
/**
 * The Batch page against a fake API: a CSV or JSON lines file is sent as it is with its content type;
 * the job's progress is polled and drawn until it ends, then both downloads are offered; the recent jobs
 * are listed with theirs; a refused file is shown in the server's words.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { batchContentType } from '../api/embargo';
import type { Job } from '../api/types';
import { fakeApi, type FakeHandler } from '../testing/fake-api';
import { BatchPage, POLL_INTERVAL_MS } from './BatchPage';

beforeEach(() => window.history.replaceState(null, '', '/batch'));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const job = (over: Partial<Job>): Job => ({
  id: 'job-1',
  status: 'running',
  total: 4,
  completed: 0,
  alerted: 0,
  createdAt: '2026-12-07T06:00:00.000Z',
  updatedAt: '2026-12-07T06:00:00.000Z',
  finishedAt: null,
  elapsedMs: 0,
  error: null,
  ...over,
});

function renderPage(routes: Record<string, FakeHandler>) {
  const api = fakeApi({ 'GET /v1/jobs': () => [200, { jobs: [] }], ...routes });
  vi.stubGlobal('fetch', api.fetch);
  render(<BatchPage />);
  return api;
}

const choose = (name: string, text: string, type: string) =>
  fireEvent.change(screen.getByLabelText('File of names'), { target: { files: [new File([text], name, { type })] } });

describe('BatchPage', () => {
  it('sends the file, polls the job and moves the bar until it ends, then offers both downloads', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const progress = [
      job({ status: 'queued' }),
      job({ completed: 2, alerted: 1 }),
      job({ status: 'done', completed: 4, alerted: 1, finishedAt: '2026-12-07T06:00:03.000Z', elapsedMs: 3000 }),
    ];
    let polls = 0;
    const api = renderPage({
      'POST /v1/screen/batch': () => [202, { jobId: 'job-1', total: 4 }],
      'GET /v1/jobs/job-1': () => [200, progress[Math.min(polls++, progress.length - 1)]],
    });
    await screen.findByText('No batch jobs yet.');
    const csv = 'customer,name,dob\nk-1,JANG Sung Nam,1970-07-14\n';
    choose('parties.csv', csv, 'text/csv');
    fireEvent.click(screen.getByRole('button', { name: 'Screen the file' }));
    const bar = await screen.findByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('4');
    expect(api.requests.find((r) => r.method === 'POST')).toMatchObject({ path: '/v1/screen/batch', contentType: 'text/csv', body: csv });

    await act(async () => vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS));
    await waitFor(() => expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('2'));
    expect(screen.getByText(/2 of 4 screened · 1 alert opened/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Download CSV' })).toBeNull();

    await act(async () => vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS));
    const region = within(await screen.findByRole('region', { name: 'Job progress' }));
    await region.findByRole('link', { name: 'Download CSV' });
    expect(region.getByText('Done')).toBeTruthy();
    expect(region.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe('/v1/jobs/job-1/results?format=csv');
    expect(region.getByRole('link', { name: 'Download NDJSON' }).getAttribute('href')).toBe('/v1/jobs/job-1/results?format=ndjson');
    // No more polling once it is done; the recent jobs are read again.
    const asked = polls;
    await act(async () => vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 3));
    expect(polls).toBe(asked);
    expect(api.requests.filter((r) => r.path === '/v1/jobs').length).toBeGreaterThanOrEqual(3);
  });

  it('sends a JSON lines file as application/x-ndjson, and shows a refusal in the server’s words', async () => {
    const api = renderPage({
      'POST /v1/screen/batch': () => [
        400,
        { error: 'INVALID_INPUT', field: 'jsonl/line 2/birthDate', message: 'JSON lines line 2: birthDate "1970-7-14" is not a date' },
      ],
    });
    await screen.findByText('No batch jobs yet.');
    choose('parties.jsonl', '{"name":"A"}\n', 'application/octet-stream');
    fireEvent.click(screen.getByRole('button', { name: 'Screen the file' }));
    expect((await screen.findByRole('alert')).textContent).toContain('JSON lines line 2: birthDate "1970-7-14" is not a date');
    expect(api.requests.find((r) => r.method === 'POST')?.contentType).toBe('application/x-ndjson');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('lists recent jobs with their progress and downloads', async () => {
    renderPage({
      'GET /v1/jobs': () => [
        200,
        {
          jobs: [
            job({ id: 'job-2', status: 'running', completed: 1000, total: 2500 }),
            job({ id: 'job-1', status: 'done', completed: 4, alerted: 2 }),
            job({ id: 'job-0', status: 'queued' }),
          ],
        },
      ],
    });
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('td[data-label="Parties"]')?.textContent)).toEqual(['1,000 of 2,500', '4', '0 of 4']);
    expect(within(rows[1]).getByRole('link', { name: 'CSV' }).getAttribute('href')).toBe('/v1/jobs/job-1/results?format=csv');
    expect(within(rows[2]).getByText('none yet')).toBeTruthy();
  });
});

describe('batchContentType', () => {
  it.each([
    ['parties.csv', 'text/csv'],
    ['PARTIES.JSONL', 'application/x-ndjson'],
    ['parties.ndjson', 'application/x-ndjson'],
    ['export.txt', 'text/csv'],
  ])('%s is sent as %s', (name, type) => expect(batchContentType(name)).toBe(type));
});
