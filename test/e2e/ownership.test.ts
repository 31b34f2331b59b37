/**
 * The Ownership pages end to end, in Debian's Chromium against the real `embargo serve` on a fresh database
 * with the bundled OFAC SDN list (2023-12-28) and UN list loaded by the CLI. An analyst uploads a register
 * extract written here: the SDN records of KOMID (ofac:9345) and VELMUR MANAGEMENT (ofac:22606) hold 30% and
 * 25% of Tumen River Trading Ltd; a nominee holds the other 45%; the firm holds 60% of Tumen River Shipping
 * Co. Worked by hand:
 * - OFAC (SDN records, aggregated): 30% + 25% = 55% ≥ 50% ⇒ the firm blocked; its 60% passes on ⇒ the
 *   shipping company blocked too.
 * - UK (designated: records of the UK and UN lists; each designated person apart, more than 50%): KOMID's
 *   SDN record is linked to the UN's KPe.001, so KOMID counts, but its 30% alone is not more than 50%;
 *   VELMUR is on no list the UK follows ⇒ none.
 * - EU (designated: records of the UN list): KOMID's 30% alone is not 50% ⇒ none.
 * The analyst sees the load result, the statuses with the proof, the firm's node view with its chain
 * drawn and its exposure, and KOMID's profile with its ownership section; then removes the file. Every
 * page is photographed at 1440×900 and 390×844 (artifacts/screenshots/ownership-*), and none is wider than
 * the phone's screen.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, SCREENSHOTS, signedInAnalyst, type SignedInSession } from './harness.js';

const FIRM = 'Tumen River Trading Ltd';
const SHIPPING = 'Tumen River Shipping Co';
const REGISTER = [
  'owner,owned,share,share_max,kind,source,date',
  `ofac:9345,${FIRM},30,,ownership,company register extract,2024-01-31`,
  `ofac:22606,${FIRM},25,,ownership,company register extract,2024-01-31`,
  `Ri Nominee,${FIRM},45,,ownership,company register extract,2024-01-31`,
  `${FIRM},${SHIPPING},60,,ownership,company register extract,2024-01-31`,
  '',
].join('\n');

/** How much wider than the window the page is at a phone's width (0: it does not scroll sideways). */
async function sidewaysOverflow(page: Page): Promise<number> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (size) await page.setViewportSize(size);
  return overflow;
}

/** A screenshot of one part of the page at a phone's size (390×844), kept beside the full-page ones. */
async function phoneShot(page: Page, part: Locator, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await part.scrollIntoViewIfNeeded();
  mkdirSync(SCREENSHOTS, { recursive: true });
  await part.screenshot({ path: join(SCREENSHOTS, `${name}-390.png`) });
  if (size) await page.setViewportSize(size);
}

describe('the Ownership pages in Chromium', () => {
  let session: SignedInSession;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    session = await signedInAnalyst(['ofac-sdn/2023-12-28', 'un-sc/2026-02-27']);
    ({ page, pageErrors } = session);
  }, 180_000);

  afterAll(async () => session?.close());

  it('opens the Ownership page from the menu: no file loaded, no status derived', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Ownership' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ownership' }).waitFor();
    await page.getByText(/No ownership file is loaded/).waitFor();
    await page.getByText(/No entity is blocked or possibly blocked/).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'ownership-01-empty');
  });

  it('uploads the register: the firm and its shipping company blocked under OFAC, nothing under the UK or the EU', async () => {
    await page
      .getByLabel('Ownership file', { exact: true })
      .setInputFiles({ name: 'tumen-register.csv', mimeType: 'text/csv', buffer: Buffer.from(REGISTER) });
    await page.getByRole('button', { name: 'Load file' }).click();
    const result = page.getByRole('status', { name: 'Load result' });
    await result.waitFor();
    const text = await result.innerText();
    expect(text).toMatch(/Loaded tumen-register\.csv \(csv\)/);
    const counts = await result.locator('.regime-counts tbody tr').allInnerTexts();
    expect(counts.map((row) => row.split(/\s+/).join(' '))).toEqual(['OFAC 2 0', 'EU 0 0', 'UK 0 0']);
    const newly = await result.getByRole('list', { name: 'Newly blocked' }).getByRole('listitem').allInnerTexts();
    expect(newly.map((li) => li.replace(/\s+/g, ' ')).sort()).toEqual([
      `${SHIPPING} OFAC blocked was none`,
      `${FIRM} OFAC blocked was none`,
    ]);
    await page.getByRole('region', { name: 'Loaded files' }).getByText('tumen-register.csv').waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'ownership-02-loaded');
  });

  it('lists the derived statuses with their proofs, and filters by regime', async () => {
    await page.getByText('Statuses 1–2 of 2.').waitFor();
    const firmRow = page.locator('.statuses-table tbody tr', { hasText: FIRM });
    expect((await firmRow.innerText()).replace(/\s+/g, ' ')).toMatch(new RegExp(`${FIRM} .* OFAC blocked 55%`));
    await firmRow.getByRole('button', { name: /Show proof/ }).click();
    const proof = page.getByRole('list', { name: `Proof: ${FIRM} under OFAC` });
    await proof.waitFor();
    const lines = await proof.getByRole('listitem').allInnerTexts();
    expect(lines.join('\n')).toMatch(
      /30% \+ .*25% of Tumen River Trading Ltd = 55% ≥ 50%|25% \+ .*30% of Tumen River Trading Ltd = 55% ≥ 50%/,
    );
    // The rule is cited: aggregation across designated persons is OFAC FAQ 399.
    expect(lines.join('\n')).toContain('(OFAC FAQ 399)');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'ownership-03-statuses-proof');

    await page.getByRole('navigation', { name: 'Filter by regime' }).getByRole('link', { name: 'UK' }).click();
    await page.getByText(/No entity is blocked or possibly blocked/).waitFor();
    expect(page.url()).toMatch(/\/ownership\?regime=uk$/);
    await page.getByRole('navigation', { name: 'Filter by regime' }).getByRole('link', { name: 'OFAC' }).click();
    await page.getByText('Statuses 1–2 of 2.').waitFor();
  });

  it("opens the firm's node view: blocked under OFAC with its proof, the chain drawn in layers, the exposure", async () => {
    await page.locator('.statuses-table').getByRole('link', { name: FIRM }).click();
    await page.getByRole('heading', { level: 1, name: FIRM }).waitFor();
    const ownership = page.getByRole('region', { name: 'Ownership and control' });
    const badges = await ownership.locator('.regime-statuses .ownership-badge').allInnerTexts();
    expect(badges.map((b) => b.replace(/\s+/g, ' '))).toEqual(['OFAC blocked 55%', 'EU none', 'UK none']);
    expect(await ownership.getByRole('list', { name: 'Proof under OFAC' }).innerText()).toContain('55% ≥ 50%');

    // The chain: the two SDN owners and the nominee above the firm, the shipping company below it.
    const drawing = ownership.getByRole('group', { name: new RegExp(`^Ownership and control of ${FIRM}`) });
    await drawing.waitFor();
    const top = async (name: string) => (await drawing.locator('.layered-graph__node', { hasText: name }).first().boundingBox())!.y;
    expect(await top('KOREA MINING')).toBeLessThan(await top('Tumen River Trading'));
    expect(await top('VELMUR')).toBeLessThan(await top('Tumen River Trading'));
    expect(await top('Tumen River Trading')).toBeLessThan(await top('Tumen River Shipping'));
    const labels = await drawing.locator('.layered-graph__edge-label text').evaluateAll((texts) => texts.map((t) => t.textContent));
    expect(labels.sort()).toEqual(['25%', '30%', '45%', '60%']);
    const ties = await ownership
      .getByRole('list', { name: `Ownership and control ties of ${FIRM}` })
      .getByRole('listitem')
      .allInnerTexts();
    expect(ties.some((t) => /VELMUR.*owns 25% of Tumen River Trading Ltd/.test(t.replace(/\s+/g, ' ')))).toBe(true);

    const exposure = page.getByRole('region', { name: 'Exposure to designated persons' });
    await exposure.getByRole('list', { name: 'Designated persons within reach' }).waitFor();
    const exposureText = await exposure.innerText();
    expect(exposureText).toMatch(/KOREA MINING DEVELOPMENT TRADING CORPORATION/);
    expect(exposureText).toMatch(/owns 30% of Tumen River Trading Ltd/);
    expect(exposureText).toContain('tumen-register.csv');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'ownership-04-node-view');
    // The drawing on a phone, as one sees it: shrunk a little, and scrolling inside its frame.
    await phoneShot(page, ownership.locator('figure'), 'ownership-04-chain-on-phone');
  });

  it('goes from the chain to the listed owner’s profile, which shows its ownership section', async () => {
    await page
      .getByRole('group', { name: new RegExp(`^Ownership and control of ${FIRM}`) })
      .getByRole('link', { name: /^KOREA MINING DEVELOPMENT TRADING CORPORATION/ })
      .click();
    await page.getByRole('heading', { level: 1, name: /KOREA MINING DEVELOPMENT TRADING CORPORATION/ }).waitFor();
    expect(page.url()).toContain('/entities/ofac%3A9345');
    const ownership = page.getByRole('region', { name: 'Ownership and control' });
    await ownership.locator('.regime-statuses').waitFor();
    const badges = await ownership.locator('.regime-statuses .ownership-badge').allInnerTexts();
    expect(badges[0].replace(/\s+/g, ' ')).toBe('OFAC designated');
    // What KOMID holds is drawn below it.
    await ownership
      .getByRole('group', { name: /^Ownership and control of KOREA MINING/ })
      .getByRole('link', { name: new RegExp(`^${FIRM}`) })
      .waitFor();
    await ownership.scrollIntoViewIfNeeded();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'ownership-05-entity-section');
    // The record's relationships, drawn in layers by the same component, on a phone.
    await phoneShot(page, page.getByRole('region', { name: 'Relationships' }), 'ownership-05-relationships-on-phone');
  });

  it('removes the file after a confirmation and says what it unblocked', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Ownership' }).click();
    const files = page.getByRole('region', { name: 'Loaded files' });
    await files.getByRole('button', { name: 'Remove tumen-register.csv' }).click();
    await files.getByRole('group', { name: 'Remove tumen-register.csv?' }).getByRole('button', { name: 'Remove' }).click();
    const removed = page.getByRole('status', { name: 'Remove result' });
    await removed.waitFor();
    const unblocked = await removed.getByRole('list', { name: 'No longer blocked' }).getByRole('listitem').allInnerTexts();
    expect(unblocked).toHaveLength(2);
    await page.getByText(/No entity is blocked or possibly blocked/).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'ownership-06-removed');
  });

  it('raised no script error on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
