/**
 * The Network page end to end, in Debian's Chromium against the real `embargo serve` on a fresh database
 * with the bundled UN list loaded by the CLI. An analyst uploads a transactions file written here: Fenwick
 * Trading pays KOMID (written as a customer writes it, "Korea Mining Development Trading Corp") twice and
 * is paid by Tanchon Commercial Bank, buys coal from a North Korean seller no list names and sells it on to
 * Bexley Metals; Slough Foods makes one small payment to the bank. She sees the ranking (Fenwick first,
 * Slough below), Fenwick's evidence and the network around it, then Slough's. Every step is photographed
 * at 1440×900 and 390×844 (artifacts/screenshots/network-*), and no page is wider than the phone's screen.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFromNav, screenshot, signedInAnalyst, widthOnPhone, type SignedInSession } from './harness.js';

const TRANSACTIONS = [
  'date,payer,payer_country,payee,payee_country,amount,currency,hs,vessel',
  '2025-01-10,Fenwick Trading Ltd,GB,Korea Mining Development Trading Corp,KP,250000,USD,8471,',
  '2025-02-11,Fenwick Trading Ltd,GB,Korea Mining Development Trading Corp,KP,180000.50,EUR,2701,',
  '2025-03-12,Tanchon Commercial Bank,KP,Fenwick Trading Ltd,GB,90000,USD,,',
  '2025-03-13,Fenwick Trading Ltd,GB,Oakham Supplies,DE,40000,USD,8703,',
  '2025-03-20,Fenwick Trading Ltd,GB,Sinuiju Export Co,KP,80000,USD,2701,',
  '2025-03-28,Bexley Metals,CN,Fenwick Trading Ltd,GB,95000,USD,2701,',
  '2025-04-01,Slough Foods,GB,Tanchon Commercial Bank,KP,900,USD,,',
  '2025-04-02,Slough Foods,GB,Oakham Supplies,DE,120000,USD,1006,',
  '2025-05-06,Harrow Shipping,SG,Oakham Supplies,DE,20000,USD,,',
  '',
].join('\n');

async function fitsPhone(page: Page): Promise<void> {
  const { scrollWidth, innerWidth, widest } = await widthOnPhone(page);
  expect(scrollWidth, `wider than the phone: ${widest}`).toBeLessThanOrEqual(innerWidth);
}

describe('the Network page in Chromium', () => {
  let session: SignedInSession;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    session = await signedInAnalyst(['un-sc/2026-02-27']);
    ({ page, pageErrors } = session);
  }, 600_000);
  afterAll(async () => session?.close());

  it('opens the Network page from the menu', async () => {
    await openFromNav(page, 'Network');
    expect(await page.getByRole('button', { name: 'Rank parties' }).isDisabled()).toBe(true);
    await fitsPhone(page);
    await screenshot(page, 'network-01-empty');
  });

  it('ranks an uploaded file: the facilitator first, with its evidence and the network around it', async () => {
    await page
      .getByLabel('Transactions file', { exact: true })
      .setInputFiles({ name: 'payments-2025.csv', mimeType: 'text/csv', buffer: Buffer.from(TRANSACTIONS) });
    await page.getByRole('button', { name: 'Rank parties' }).click();
    const summary = page.getByRole('status', { name: 'Ranking summary' });
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.innerText()).toMatch(/^payments-2025\.csv: 9 transactions among 8 parties; 2 designated/);
    const rows = await page.locator('.network-table tbody tr').allInnerTexts();
    expect(rows[0].replace(/\s+/g, ' ')).toMatch(/^1 Fenwick Trading Ltd GB 0\.\d{3} 2 USD /);
    expect(rows.findIndex((r) => r.includes('Slough Foods'))).toBeGreaterThan(0);

    await page.getByRole('heading', { level: 2, name: '1. Fenwick Trading Ltd' }).waitFor();
    const evidence = page.getByRole('list', { name: 'Evidence' });
    expect(await evidence.getByRole('list', { name: 'Designated counterparts' }).innerText()).toMatch(
      /Korea Mining Development Trading Corp = KOREA MINING DEVELOPMENT TRADING CORPORATION \(un:KPe\.001, score [01]\.\d\d\)/,
    );
    expect(await evidence.innerText()).toContain('USD 80,000, HS 2701');
    const drawing = page.getByRole('group', { name: 'The network around Fenwick Trading Ltd' });
    await drawing.waitFor();
    // SVG text has no innerText: the boxes' words are read as text content.
    const names = await drawing.locator('.layered-graph__node').evaluateAll((boxes) => boxes.map((b) => b.textContent ?? ''));
    expect(names.join(' | ')).toMatch(/Korea Mining Development.*\| .*Tanchon Commercial Bank/s);
    await fitsPhone(page);
    await screenshot(page, 'network-02-ranked');
  });

  it("shows another party's evidence when it is chosen", async () => {
    await page.getByRole('button', { name: 'Slough Foods' }).click();
    await page.getByRole('heading', { level: 2, name: /\. Slough Foods$/ }).waitFor();
    await page.getByRole('group', { name: 'The network around Slough Foods' }).waitFor();
    expect(await page.getByRole('list', { name: 'Evidence' }).innerText()).toContain('USD 900 with designated parties');
    await fitsPhone(page);
    await screenshot(page, 'network-03-slip');
    expect(pageErrors).toEqual([]);
  });
});
