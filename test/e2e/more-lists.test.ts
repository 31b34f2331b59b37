/**
 * The Australian list in the analyst app (issue 18), in Debian's Chromium against the real `embargo serve` with
 * the bundled UN (2026-02-27) and DFAT (2024-11-11) lists loaded by the CLI. Akhtar Mohammad Mansour is the
 * UN's TAi.011 and DFAT's party 11: one search shows one result with the AU and UN badges; DFAT's profile names
 * its publication, links the UN record of the same party, and shows the UN record its remark names (TAi.024) as a
 * relationship. Screenshots `more-lists-search-*.png` and `more-lists-au-profile-*.png`; at 390 px neither page
 * scrolls sideways.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, signedInAnalyst, widthOnPhone, type SignedInSession } from './harness.js';

describe('the Australian list in the analyst app, in Chromium', () => {
  let session: SignedInSession;
  let page: Page;

  beforeAll(async () => {
    session = await signedInAnalyst(['un-sc/2026-02-27', 'au-dfat/2024-11-11']);
    ({ page } = session);
  }, 240_000);

  afterAll(async () => session?.close());

  it('shows the DFAT and UN records of one party as one result with both badges', async () => {
    await page.getByLabel('Name').fill('Akhtar Mohammad Mansour');
    await page.getByRole('button', { name: 'Screen' }).click();
    const results = page.getByRole('region', { name: /for “Akhtar Mohammad Mansour”/ });
    await results.waitFor();
    const card = results
      .locator('li.match-card')
      .filter({ has: page.locator('.badge--list', { hasText: 'AU' }) })
      .first();
    expect((await card.locator('.badge--list').allInnerTexts()).sort()).toEqual(['AU', 'UN']);
    const phone = await widthOnPhone(page);
    expect(phone.scrollWidth, phone.widest).toBeLessThanOrEqual(phone.innerWidth);
    await screenshot(page, 'more-lists-search');
  });

  it('opens DFAT party 11: its publication, the UN record of the same party, and the UN record its remark names', async () => {
    await page.goto('/entities/au:11');
    await page.getByRole('heading', { level: 1, name: 'Akhtar Mohammad Mansour Shah Mohammed' }).waitFor();
    const main = await page.locator('main').innerText();
    // The publication it comes from: DFAT's of 2024-11-11, in force.
    expect(main).toMatch(/au-dfat\s+2024-11-11\s+current/);
    // The same party on the UN list, linked by name and birth date.
    expect(main).toContain('un:TAi.011');
    // "Deputy to Mullah Abdul Ghani Baradar (TAi.024)": a relationship to the UN record.
    const relationships = await page.getByRole('region', { name: 'Relationships' }).innerText();
    expect(relationships).toMatch(/TAi\.024|BARADAR/i);
    const phone = await widthOnPhone(page);
    expect(phone.scrollWidth, phone.widest).toBeLessThanOrEqual(phone.innerWidth);
    await screenshot(page, 'more-lists-au-profile');
    expect(session.pageErrors).toEqual([]);
  });
});
