/**
 * The dashboard as the landing page (issue 16, point 1), in Debian's Chromium against the real
 * `embargo serve` with the bundled OFAC SDN (2023-12-28) and UN (2026-02-27) lists loaded by the CLI.
 * The analyst signs in (the harness sees her land on the dashboard), screens a customer that alerts and
 * submits a small batch, then opens the dashboard: one open alert waiting for under an hour, both lists in
 * red (published more than 30 days ago), the batch job done, the audit chain intact. Screenshots
 * `dashboard-1440.png` and `dashboard-390.png`; at 390 px the page does not scroll sideways.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFromNav, screenshot, signedInAnalyst, type SignedInSession } from './harness.js';

/** How much wider than the window the page is at a phone's width (0: it does not scroll sideways). */
async function sidewaysOverflowOnPhone(page: Page): Promise<number> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (size) await page.setViewportSize(size);
  return overflow;
}

describe('the dashboard, in Chromium', () => {
  let session: SignedInSession;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    session = await signedInAnalyst(['ofac-sdn/2023-12-28', 'un-sc/2026-02-27']);
    ({ page, pageErrors } = session);
  }, 180_000);

  afterAll(async () => session?.close());

  it('counts the open alert of a screened customer, marks both lists stale, lists the batch job and the audit chain', async () => {
    // A customer that alerts (the UN record KPi.057), screened from the Search page.
    await page.getByLabel('Name').fill('JANG SUNG NAM');
    await page.getByLabel('Customer key').fill('CUST-7');
    await page.getByRole('button', { name: 'Screen' }).click();
    await page.getByRole('region', { name: /for “JANG SUNG NAM”/ }).waitFor();
    // A batch of two parties, submitted with the analyst's session as the web app will (issue 16, point 6).
    const jobId = await page.evaluate(async () => {
      const res = await fetch('/v1/screen/batch', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ parties: [{ name: 'Jane Doe' }, { name: 'Acme Trading Ltd', schema: 'Company' }] }),
      });
      return ((await res.json()) as { jobId: string }).jobId;
    });
    await expect
      .poll(() => page.evaluate(async (id) => ((await (await fetch(`/v1/jobs/${id}`)).json()) as { status: string }).status, jobId))
      .toBe('done');

    await openFromNav(page, 'Dashboard');
    const open = page.getByTestId('alerts-open');
    await open.waitFor();
    const openCount = Number((await open.locator('.tile__figure').innerText()).replace(/,/g, ''));
    expect(openCount).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('oldest-open').innerText()).toMatch(/^Oldest open alert: under an hour old/);
    expect(await page.getByTestId('alerts-escalated').locator('.tile__figure').innerText()).toBe('0');

    // Both publications are more than 30 days old by now: red, with the reason.
    for (const source of ['ofac-sdn', 'un-sc']) {
      const row = page.getByTestId(`list-${source}`);
      expect(await row.getAttribute('class')).toBe('stale');
      expect(await row.innerText()).toMatch(/stale/);
    }
    expect(await page.getByTestId('list-ofac-sdn').innerText()).toContain('2023-12-28');
    // The server has not asked the publishers yet (its first check is one interval after start): the load time, marked so.
    expect(await page.getByTestId('list-un-sc').innerText()).toMatch(/\(loaded\)/);
    expect(await page.locator('main').innerText()).toMatch(/when the server last asked the publisher for an update/);

    const job = page.getByTestId(`job-${jobId}`);
    await job.waitFor();
    expect(await job.innerText()).toMatch(/Done/);
    await page.getByTestId('audit-status').waitFor();
    expect(await page.getByTestId('audit-status').innerText()).toMatch(/^intact Chain intact: \d+ rows\./);

    expect(await sidewaysOverflowOnPhone(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'dashboard');
    expect(pageErrors).toEqual([]);
  });

  it('leads from the open count to the alert queue of open alerts', async () => {
    await page.getByTestId('alerts-open').getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    expect(new URL(page.url()).search).toBe('?status=open');
    await page.locator('tbody tr', { hasText: 'CUST-7' }).first().waitFor();
  });
});
