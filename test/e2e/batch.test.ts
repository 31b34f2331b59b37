/**
 * The Batch page end to end, in Debian's Chromium against the real `embargo serve` on a fresh database with
 * the bundled UN list (2026-02-27) loaded by the CLI. An analyst uploads a CSV of 60 UN persons and 3
 * invented names, watches the progress bar until the job is done, and downloads the results as CSV and as
 * NDJSON: each holds every party in submission order, each UN person matched to its own record with an
 * alert, the invented names without one. A JSON lines file goes the same way, and a malformed one is
 * refused with its line named. Every step is photographed at 1440×900 and 390×844 and must not scroll
 * sideways at 390 px.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFromNav, photographFitting, signedInAnalyst, type SignedInSession } from './harness.js';
import { CLEAN_NAMES, csvField, listedPersons, UN_LIST, type ListedPerson } from './listed-parties.js';

interface ResultLine {
  index: number;
  customerKey: string | null;
  alerted: boolean;
  matches: { id: string; alert: boolean; score: number }[];
}

describe('the Batch page in Chromium', () => {
  let session: SignedInSession;
  let persons: ListedPerson[];

  beforeAll(async () => {
    persons = await listedPersons(60);
    session = await signedInAnalyst([UN_LIST]);
  }, 180_000);
  afterAll(async () => session?.close());

  /** The text of a file the page downloads when `link` is clicked. */
  async function download(page: Page, link: string): Promise<{ name: string; text: string }> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).first().click()]);
    const path = await file.path();
    return { name: file.suggestedFilename(), text: readFileSync(path!, 'utf8') };
  }

  it('screens a CSV as a job, shows its progress to the end, and downloads the results as CSV and NDJSON', async () => {
    const { page, ws } = session;
    await openFromNav(page, 'Batch');
    await page.getByText('No batch jobs yet.').waitFor();
    const names = [...persons.map((p) => p.name), ...CLEAN_NAMES];
    const file = join(ws.dir, 'parties.csv');
    writeFileSync(
      file,
      'customer,name,type,dob\n' +
        persons.map((p, i) => `P-${i},${csvField(p.name)},person,${p.birthDate}\n`).join('') +
        CLEAN_NAMES.map((n) => `,${csvField(n)},person,\n`).join(''),
    );
    await page.getByLabel('File of names').setInputFiles(file);
    await page.getByRole('button', { name: 'Screen the file' }).click();
    const progress = page.getByRole('region', { name: 'Job progress' });
    const bar = progress.getByRole('progressbar');
    await bar.waitFor();
    expect(await bar.getAttribute('aria-valuemax')).toBe(String(names.length));
    // Polled until it ends: the bar full, the job done, the downloads offered.
    await progress.getByRole('link', { name: 'Download CSV' }).waitFor({ timeout: 60_000 });
    expect(await bar.getAttribute('aria-valuenow')).toBe(String(names.length));
    expect(await progress.locator('.badge').innerText()).toBe('Done');
    expect(await bar.locator('.progress__fill').evaluate((el) => el.style.width)).toBe('100%');
    await photographFitting(page, 'batch-01-done');

    const ndjson = await download(page, 'Download NDJSON');
    expect(ndjson.name).toMatch(/^embargo-job-.+\.ndjson$/);
    const lines = ndjson.text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as ResultLine);
    expect(lines.map((l) => l.index)).toEqual(names.map((_, i) => i));
    expect(lines.map((l) => l.customerKey)).toEqual([...persons.map((_, i) => `P-${i}`), ...CLEAN_NAMES.map(() => null)]);
    persons.forEach((p, i) =>
      expect(
        lines[i].matches.find((m) => m.id === p.id),
        `${p.name} (${p.id})`,
      ).toMatchObject({ alert: true }),
    );
    for (const line of lines.slice(persons.length)) expect(line.alerted).toBe(false);

    const csv = await download(page, 'Download CSV');
    expect(csv.name).toMatch(/^embargo-job-.+\.csv$/);
    expect(csv.text.split('\r\n')[0]).toBe(
      'index,customerKey,name,alerted,matchId,matchCaption,matchSchema,matchSource,score,alert,suppressed',
    );
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    // One row per party and match (or one for a party without matches), agreeing with the NDJSON.
    expect(rows).toHaveLength(lines.reduce((n, l) => n + Math.max(1, l.matches.length), 0));
    expect([...new Set(rows.map((r) => r.index))]).toEqual(names.map((_, i) => String(i)));
    persons.forEach((p, i) => {
      const own = rows.find((r) => r.index === String(i) && r.matchId === p.id);
      expect(own, `${p.name} (${p.id})`).toMatchObject({ customerKey: `P-${i}`, name: p.name, alert: 'true', matchSource: 'un-sc' });
      expect(Number(own!.score)).toBe(lines[i].matches.find((m) => m.id === p.id)!.score);
    });
    for (const [k, n] of CLEAN_NAMES.entries())
      expect(rows.filter((r) => r.index === String(persons.length + k)).every((r) => r.name === n && r.alert !== 'true')).toBe(true);
  });

  it('screens a JSON lines file the same way, refuses a malformed one naming the line, and lists the recent jobs', async () => {
    const { page, ws } = session;
    const bad = join(ws.dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify({ name: persons[0].name })}\n{"name": "${CLEAN_NAMES[0]}", "birthDate": "12/31/1980"}\n`);
    await page.getByLabel('File of names').setInputFiles(bad);
    await page.getByRole('button', { name: 'Screen the file' }).click();
    const refusal = page.getByRole('region', { name: 'Screen a file' }).getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/JSON lines line 2: birthDate "12\/31\/1980" is not a date/);
    await photographFitting(page, 'batch-02-refused-file');

    const good = join(ws.dir, 'parties.jsonl');
    writeFileSync(
      good,
      persons
        .slice(0, 5)
        .map((p) => JSON.stringify({ name: p.name, birthDate: p.birthDate, schema: 'Person' }) + '\n')
        .join(''),
    );
    await page.getByLabel('File of names').setInputFiles(good);
    await page.getByRole('button', { name: 'Screen the file' }).click();
    const progress = page.getByRole('region', { name: 'Job progress' });
    // The first job's finished progress may still be on the page when the click returns: wait for this one's.
    await expect.poll(() => progress.getByRole('progressbar').getAttribute('aria-valuemax'), { timeout: 60_000 }).toBe('5');
    await expect.poll(() => progress.getByRole('progressbar').getAttribute('aria-valuenow'), { timeout: 60_000 }).toBe('5');
    await progress.getByRole('link', { name: 'Download NDJSON' }).waitFor({ timeout: 60_000 });
    const jobs = page.locator('table.job-table tbody tr');
    await expect.poll(() => jobs.count()).toBe(2);
    expect(await jobs.nth(0).locator('td[data-label="Parties"]').innerText()).toBe('5');
    expect(await jobs.nth(1).locator('td[data-label="Parties"]').innerText()).toBe(String(persons.length + CLEAN_NAMES.length));
    await photographFitting(page, 'batch-03-jobs');
    expect(session.pageErrors).toEqual([]);
  });
});
