/**
 * Search results one row per party (issue 16 point 2), in Debian's Chromium against the real `embargo serve`
 * with the bundled OFAC SDN (2023-12-28), UN (2026-02-27) and UK (2025-04-14) lists loaded by the CLI.
 * KOMID is designated by the UN (KPe.001) and listed again by OFAC (ofac:9345) and the UK (uk:10892): one
 * search for it shows one result with the three lists as badges, its explanation in one line, each record's
 * explanation on demand, and the weaker matches folded away. Screenshots `search-grouped-1440.png` and
 * `search-grouped-390.png`; at 390 px the page does not scroll sideways, folds closed or open.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, signedInAnalyst, type SignedInSession } from './harness.js';

const KOMID = 'KOREA MINING DEVELOPMENT TRADING CORPORATION';

/** How much wider than the window the page is at a phone's width (0: it does not scroll sideways). */
async function sidewaysOverflow(page: Page): Promise<number> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (size) await page.setViewportSize(size);
  return overflow;
}

describe('search results one row per party, in Chromium', () => {
  let session: SignedInSession;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    session = await signedInAnalyst(['ofac-sdn/2023-12-28', 'un-sc/2026-02-27', 'uk-hmt/2025-04-14']);
    ({ page, pageErrors } = session);
  }, 180_000);

  afterAll(async () => session?.close());

  it('shows KOMID once, with OFAC, UK and UN as badges and its explanation in one line', async () => {
    await page.getByLabel('Name').fill('KOMID');
    await page.getByRole('button', { name: 'Screen' }).click();
    const results = page.getByRole('region', { name: /for “KOMID”/ });
    await results.waitFor();
    const komid = results.locator('li.match-card').filter({ has: page.getByRole('heading', { level: 3, name: KOMID }) });
    expect(await komid.count()).toBe(1);
    expect(await komid.locator('.badge--list').allInnerTexts()).toEqual(['OFAC', 'UK', 'UN']);
    expect(await results.innerText()).toMatch(/listed records, those of one party on several lists shown together/);
    // Collapsed: one line, no word table, no screening id or algorithm in sight.
    expect(await komid.locator('.match-card__line').innerText()).toMatch(/^(Primary name|Alias) “/);
    expect(await komid.locator('table:visible').count()).toBe(0);
    const shown = await page.locator('main').innerText();
    expect(shown).not.toMatch(/name-logic-v1|sc_[0-9a-z]/i);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'search-grouped');
  });

  it('opens each record’s explanation on demand, in plain words, without sideways scrolling on a phone', async () => {
    const komid = page.locator('li.match-card').filter({ has: page.getByRole('heading', { level: 3, name: KOMID }) });
    await komid.getByText('Why it matched (3 records)').click();
    const records = komid.locator('.match-card__record');
    expect(await records.count()).toBe(3);
    const ids = (await records.locator('.match-card__record-head .id').allInnerTexts()).sort();
    expect(ids).toEqual(['ofac:9345', 'uk:10892', 'un:KPe.001']);
    const words = await komid.innerText();
    expect(words).not.toMatch(/exact — exact|exact: the same word/);
    // No bonus "raised" a score that was already 100%, and no cap line on a score the cap never touched.
    for (const record of await records.allInnerTexts()) {
      if (/Final score 100%/.test(record)) expect(record).not.toMatch(/raised the score/);
      expect(record).not.toMatch(/capped the score/);
    }
    // Internals are in the screening details, folded.
    await page.getByText('Screening details').click();
    expect(await page.locator('.screening-details').innerText()).toMatch(/name-logic-v1/);
    const weaker = page.locator('details.weaker-matches');
    if ((await weaker.count()) > 0) await weaker.locator(':scope > summary').click();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'search-grouped-open');
    expect(pageErrors).toEqual([]);
  });
});
