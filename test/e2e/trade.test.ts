/**
 * The Trade page end to end, in Debian's Chromium against the real `embargo serve` on a fresh database
 * with the bundled OFAC SDN (2023-12-28) and UK (2025-04-14) lists loaded by the CLI. An analyst screens
 * the acceptance shipment of issue 17 (DPRK coal to Dandong for Dandong Zhicheng Metallic Materials on
 * CHON MA SAN, IMO 8660313): prohibited, with 2371 para 8, the buyer and the vessel (on both lists), each
 * listed name opening an alert she then reviews; then
 * Indonesian coal to an unlisted buyer on an unlisted ship: allowed. She opens the revenue at risk of the
 * default example (2371: $1,059m of $3,000m) and the rules. Every step fits a phone's 390 px without
 * scrolling sideways, measured from the layout, and is saved as a screenshot in artifacts/screenshots/.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFromNav, screenshot, SCREENSHOTS, signedInAnalyst, widthOnPhone, type SignedInSession } from './harness.js';

describe('the Trade page in Chromium', () => {
  let s: SignedInSession;

  beforeAll(async () => {
    s = await signedInAnalyst(['ofac-sdn/2023-12-28', 'uk-hmt/2025-04-14']);
  }, 240_000);

  afterAll(async () => s?.close());

  async function fitsPhone(): Promise<void> {
    const { scrollWidth, innerWidth, widest } = await widthOnPhone(s.page);
    expect(scrollWidth, `wider than the phone: ${widest}`).toBeLessThanOrEqual(innerWidth);
  }

  it('prohibits DPRK coal to Dandong with the rule, the listed buyer and the listed vessel', async () => {
    const { page } = s;
    await openFromNav(page, 'Trade');
    await expect(page.getByLabel(/^Shipments:/).inputValue()).resolves.toContain('"imo": "8660313"');
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    const card = page.getByRole('article', { name: 'BL-NAM-DDG-0917' });
    await card.waitFor();
    await expect(card.getByText('Prohibited', { exact: true }).count()).resolves.toBe(1);
    await expect(card.getByText('UNSCR 2371 (2017) para 8', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(card.getByRole('link', { name: /DANDONG ZHICHENG METALLIC MATERIAL CO\., LTD\. \(ofac:22603\)/ }).count()).resolves.toBe(
      1,
    );
    await expect(card.getByRole('link', { name: /CHON MA SAN \(ofac:23729\)/ }).count()).resolves.toBe(1);
    await expect(card.getByRole('link', { name: /CHON MA SAN \(uk:13656\)/ }).count()).resolves.toBe(1);
    await expect(card.getByText(/alerts opened for the listed parties and vessels/).isVisible()).resolves.toBe(true);
    await fitsPhone();
    await screenshot(page, 'trade-prohibited');
  });

  it("opens the listed buyer's alert from the queue: the shipment, the buyer's role, the list and why it matched", async () => {
    const { page } = s;
    const response = await page.request.get('/v1/alerts?status=open');
    const { alerts } = (await response.json()) as { alerts: { id: string; entityId: string }[] };
    const buyer = alerts.find((a) => a.entityId === 'ofac:22603');
    expect(buyer).toBeDefined();
    await page.goto(`/alerts/${encodeURIComponent(buyer!.id)}`);
    const party = page.getByRole('region', { name: 'Screened party' });
    await party.waitFor();
    await expect(party.textContent()).resolves.toContain('Shipment BL-NAM-DDG-0917');
    await expect(page.getByRole('region', { name: 'Listed record' }).textContent()).resolves.toContain('OFAC SDN list (DPRK3)');
    await expect(page.getByRole('region', { name: 'Why it matched' }).textContent()).resolves.toMatch(/DANDONG|ZHICHENG/i);
    await fitsPhone();
    await screenshot(page, 'trade-alert');
    await openFromNav(page, 'Trade');
  });

  it('allows Indonesian coal to an unlisted buyer on an unlisted ship', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Indonesian coal to Dandong' }).click();
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    const card = page.getByRole('article', { name: 'BL-SMD-DDG-0917' });
    await card.waitFor();
    await expect(card.getByText('Allowed', { exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('status').textContent()).resolves.toBe('1 record: 1 allowed.');
    await fitsPhone();
    await screenshot(page, 'trade-allowed');
  });

  it('shows the revenue at risk of the default example, 2371 at $1,059m of $3,000m, with its sources', async () => {
    const { page } = s;
    await page.getByRole('navigation', { name: 'Trade sections' }).getByRole('link', { name: 'Revenue at risk' }).click();
    await page.getByRole('heading', { name: 'Revenue at risk: DPRK exports, 2017 estimates' }).waitFor();
    expect(new URL(page.url()).search).toBe('?section=revenue');
    const row = page.locator('.bar-chart__row', { hasText: 'UNSCR 2371 (2017)' }).first();
    await expect(row.textContent()).resolves.toContain('$1,059m · 35.3%');
    await expect(page.getByRole('link', { name: /Fact Sheet: Resolution 2371/ }).count()).resolves.toBeGreaterThan(0);
    await fitsPhone();
    await screenshot(page, 'trade-revenue');
    // The charts alone, for the README.
    await page.locator('.revenue-charts').screenshot({ path: join(SCREENSHOTS, 'trade-revenue-charts-1440.png') });
  });

  it('lists the rules with their citations and how far each was checked', async () => {
    const { page } = s;
    await page.getByRole('navigation', { name: 'Trade sections' }).getByRole('link', { name: 'Rules' }).click();
    await page.getByRole('heading', { name: 'The measures, as data' }).waitFor();
    await expect(page.locator('.rules-table tbody tr').count()).resolves.toBe(19);
    await fitsPhone();
    await screenshot(page, 'trade-rules');
    expect(s.pageErrors).toEqual([]);
  });
});
