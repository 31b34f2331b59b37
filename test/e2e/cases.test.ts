/**
 * Alerts worked as cases (issue 16, point 4), in Debian's Chromium against the real `embargo serve` with the
 * bundled OFAC SDN (2023-12-28), UN (2026-02-27) and UK (2025-04-14) lists loaded by the CLI. The analyst
 * screens the customer "Korea Mining Development Trading Corporation": KOMID's three records (ofac:9345,
 * un:KPe.001, uk:10892), linked across the lists, alert, and the queue shows ONE case with three matches.
 * She opens it (each match beside the customer's screened data), assigns it to herself, comments, and closes
 * the three as false positives with one reason code; they score 100%, so four eyes keeps them pending until
 * a second analyst approves. Every page is photographed at 1440×900 and 390×844 (`cases-*.png` in
 * artifacts/screenshots/) and must not scroll sideways at 390 px, measured from the layout.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embargo, openFromNav, PHONE, screenshot, signedInAnalyst, widthOnPhone, type SignedInSession } from './harness.js';

const CUSTOMER_NAME = 'Korea Mining Development Trading Corporation';
const CUSTOMER_KEY = 'CUST-KOMID-7';
const KOMID_RECORDS = ['ofac:9345', 'uk:10892', 'un:KPe.001'];
const BOB_PASSWORD = 'bob password 12';

/** Photographs the page at both sizes and checks that it fits the phone without sideways scrolling. */
async function photograph(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const { scrollWidth, innerWidth, widest } = await widthOnPhone(page);
  expect(scrollWidth, `${name} at ${PHONE.width} px: ${widest ?? ''} sticks out`).toBeLessThanOrEqual(innerWidth);
}

describe('alerts worked as cases, in Chromium', () => {
  let session: SignedInSession;
  let page: Page;
  let caseUrl = '';

  beforeAll(async () => {
    session = await signedInAnalyst(['ofac-sdn/2023-12-28', 'un-sc/2026-02-27', 'uk-hmt/2025-04-14']);
    page = session.page;
    // A second analyst for four eyes, made with the CLI as an operator would.
    await embargo(['users', 'create', '--username', 'bob', '--role', 'analyst', '--password-stdin'], session.ws.env, `${BOB_PASSWORD}\n`);
  }, 240_000);

  afterAll(async () => session?.close());

  it('screens the customer and shows ONE case with the three KOMID records in the queue', async () => {
    await page.getByLabel('Name').fill(CUSTOMER_NAME);
    await page.getByLabel('Customer key').fill(CUSTOMER_KEY);
    await page.getByRole('button', { name: 'Screen' }).click();
    await page.getByRole('region', { name: new RegExp(`for “${CUSTOMER_NAME}”`) }).waitFor();

    await openFromNav(page, 'Alerts');
    const rows = page.locator('tbody tr', { hasText: CUSTOMER_KEY });
    await rows.first().waitFor();
    const komid = rows.filter({ hasText: 'ofac:9345' });
    expect(await komid.count()).toBe(1);
    const listed = await komid.locator('td[data-label="Listed party"]').innerText();
    for (const id of KOMID_RECORDS) expect(listed).toContain(id);
    expect(listed).toContain('3 matches');
    expect(await komid.locator('td[data-label="Assigned to"]').innerText()).toBe('no one');
    await photograph(page, 'cases-queue');

    await komid.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: 'Case review' }).waitFor();
    caseUrl = page.url();
  });

  it("shows the three matches, each with the customer's screened data next to the listed record", async () => {
    expect(await page.getByTestId('case-match-count').innerText()).toBe('3');
    const matches = page.getByRole('list', { name: 'Matches' }).getByRole('region');
    expect(await matches.count()).toBe(3);
    const ids = await matches.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    expect(ids.sort()).toEqual(KOMID_RECORDS.map((id) => `match-${id}`));
    for (const id of KOMID_RECORDS) {
      const panel = page.getByTestId(`match-${id}`);
      expect(await panel.getByRole('heading', { level: 3, name: 'Customer as screened' }).isVisible()).toBe(true);
      expect(await panel.getByRole('heading', { level: 3, name: 'Listed record' }).isVisible()).toBe(true);
      expect((await panel.innerText()).toUpperCase()).toContain(CUSTOMER_NAME.toUpperCase());
    }
    // On a wide screen the customer's data and the listed record stand side by side.
    const sides = page.getByTestId('match-ofac:9345').locator('.side-by-side > div');
    const [left, right] = [(await sides.nth(0).boundingBox())!, (await sides.nth(1).boundingBox())!];
    expect(right.x).toBeGreaterThan(left.x + left.width - 1);
    expect(Math.abs(right.y - left.y)).toBeLessThan(2);
    await photograph(page, 'cases-three-matches');
  });

  it('assigns the case to the analyst herself and keeps a comment with her name', async () => {
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => page.getByTestId('case-assignee').innerText()).toBe('ann');
    await page
      .getByLabel('Comment', { exact: true })
      .fill('Customer is a Peruvian drilling-parts supplier; asked the relationship manager for its registry extract.');
    await page.getByRole('button', { name: 'Add comment' }).click();
    const comments = page.getByRole('region', { name: 'Comments' });
    await comments.getByText('Peruvian drilling-parts supplier', { exact: false }).waitFor();
    expect(await comments.locator('li').first().innerText()).toMatch(/^ann /);
    // The queue's "mine" now holds it.
    await page.goto('/alerts?assigned=mine');
    await page.locator('tbody tr', { hasText: CUSTOMER_KEY }).first().waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.goto(caseUrl);
    await page.getByRole('heading', { level: 1, name: 'Case review' }).waitFor();
  });

  it('closes the three as false positives with one reason code; four eyes keeps them pending', async () => {
    expect(await page.getByTestId('case-selection').innerText()).toMatch(/^3 of 3 matches selected/);
    await page.getByLabel('Reason code').selectOption({ label: 'Different nationality' });
    await page.getByLabel('Reason', { exact: true }).fill('Registered in Lima; no link to the DPRK company');
    await page.getByRole('button', { name: 'False positive' }).click();
    await page.getByText('3 wait for another analyst to approve (four eyes)').waitFor();
    for (const id of KOMID_RECORDS)
      await expect.poll(() => page.getByTestId(`match-${id}`).locator('.badge').first().innerText()).toBe('pending approval');
    await expect.poll(() => page.locator('main').innerText()).toMatch(/You proposed it, so approval needs another person/);
    expect(await page.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
    await photograph(page, 'cases-pending-approval');
  });

  it('lets a second analyst approve; the case is closed and the audit trail holds every step', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: session.server.url });
    try {
      const bob = await context.newPage();
      await bob.goto('/');
      await bob.getByLabel('Username').fill('bob');
      await bob.getByLabel('Password').fill(BOB_PASSWORD);
      await bob.getByRole('button', { name: 'Sign in' }).click();
      await bob.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      await bob.goto(caseUrl);
      await bob.getByRole('heading', { level: 1, name: 'Case review' }).waitFor();
      await bob.getByLabel('Reason code').selectOption({ label: 'Second review agrees' });
      await bob.getByLabel('Reason', { exact: true }).fill('Agreed: Peruvian company, other address');
      await bob.getByRole('button', { name: 'Approve' }).click();
      await bob.getByText('Every match of this case is decided').waitFor();
      for (const id of KOMID_RECORDS) {
        const panel = bob.getByTestId(`match-${id}`);
        expect(await panel.locator('.badge').first().innerText()).toBe('false positive');
        const decisions = await panel.getByRole('list', { name: `Decisions on ${id}` }).innerText();
        expect(decisions).toMatch(/ann · False positive · Different nationality: Registered in Lima/);
        expect(decisions).toMatch(/bob · Approved the false positive · Second review agrees: Agreed/);
      }
      await photograph(bob, 'cases-closed');

      const audit = await bob.evaluate(async () => {
        const res = await fetch('/v1/audit?limit=200');
        return ((await res.json()) as { rows: { kind: string; details: Record<string, unknown> }[] }).rows;
      });
      const kinds = audit.map((r) => r.kind);
      expect(kinds).toContain('case.assign');
      expect(kinds).toContain('case.comment');
      const decisions = audit.filter((r) => r.kind === 'decision');
      expect(decisions.map((r) => r.details.reasonCode).sort()).toEqual([
        'different-nationality',
        'different-nationality',
        'different-nationality',
        'second-review-agrees',
        'second-review-agrees',
        'second-review-agrees',
      ]);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
