/**
 * The analyst web app end to end, in Debian's Chromium against the real `embargo serve` on a fresh
 * database: SDN 2021-07-07 and then 2023-12-28 loaded with the CLI (complete publications: sdn.csv,
 * add.csv and alt.csv; the older archive folders hold sdn.csv alone, which a load refuses), an admin and two analysts made with `embargo users create`.
 * Sign in; search "Andrei Serbin" and find SERBIN, Andrey with the explanation; open the profile and
 * follow a relationship; screen a customer that alerts, mark it a false positive as one analyst and
 * approve it as another; compare the two SDN publications; check the audit trail. Every page is saved as
 * a screenshot in artifacts/screenshots/.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSharedArchive, SHARED_LISTS } from '../shared-data.js';
import {
  checkPrerequisites,
  embargo,
  launchChromium,
  openFromNav,
  newWorkspace,
  PHONE,
  screenshot,
  serve,
  signedInAnalyst,
  type RunningServer,
  type Workspace,
  widthOnPhone,
} from './harness.js';

const PASSWORDS = { admin: 'admin password 1', ann: 'ann password 12', bob: 'bob password 12' };

// It loads an SDN publication of the shared archive (2021) before the bundled one and shows their difference.
describe.skipIf(!hasSharedArchive())('the analyst web app in Chromium', () => {
  let ws: Workspace;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    checkPrerequisites();
    ws = newWorkspace();
    await embargo(['lists', 'load', join(SHARED_LISTS, 'ofac-sdn', '2021-07-07')], ws.env);
    await embargo(['lists', 'load', join(SHARED_LISTS, 'ofac-sdn', '2023-12-28')], ws.env);
    await embargo(['users', 'create', '--username', 'admin', '--role', 'admin', '--password-stdin'], ws.env, `${PASSWORDS.admin}\n`);
    for (const name of ['ann', 'bob'] as const)
      await embargo(['users', 'create', '--username', name, '--role', 'analyst', '--password-stdin'], ws.env, `${PASSWORDS[name]}\n`);
    server = await serve(ws.env);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.stop();
    ws?.remove();
  });

  /**
   * Every page visited is photographed at 1440×900 and 390×844, and must fit the phone: no page scrolls
   * sideways at 390 px (issue 16 point 8), measured from the layout.
   */
  async function photograph(page: Page, name: string, fullPage = true): Promise<void> {
    await screenshot(page, name, fullPage);
    const { scrollWidth, innerWidth, widest } = await widthOnPhone(page);
    expect(scrollWidth, `${name} at ${PHONE.width} px: ${widest ?? ''} sticks out`).toBeLessThanOrEqual(innerWidth);
  }

  /** A fresh browser session (its own cookies) at laptop size, signed in as `username`. */
  async function signIn(username: keyof typeof PASSWORDS, viewport = { width: 1366, height: 820 }): Promise<Page> {
    await context?.close();
    context = await browser.newContext({ viewport, baseURL: server.url });
    page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(PASSWORDS[username]);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Signing in lands on the dashboard; the steps below start from Search.
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await openFromNav(page, 'Search');
    return page;
  }

  it('refuses a wrong password with a message', async () => {
    context = await browser.newContext({ baseURL: server.url });
    page = await context.newPage();
    await page.goto('/alerts');
    await page.getByLabel('Username').fill('ann');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByText('Wrong username or password').count()).toBeGreaterThan(0);
    await photograph(page, '01-sign-in-refused');
  });

  it('signs in and screens a name with the keyboard alone', async () => {
    await context?.close();
    context = await browser.newContext({ baseURL: server.url });
    page = await context.newPage();
    await page.goto('/');
    // The username field takes the focus once the app knows no one is signed in; Tab moves to the
    // password; Enter submits.
    await page.getByLabel('Username').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('username');
    await page.keyboard.type('ann');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORDS.ann);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    // Search by its address, as a fresh page.
    await page.goto('/screen');
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    // The search field has the focus on arrival: typing goes straight into it (issue 16 point 8).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-name');
    await page.getByRole('link', { name: 'Alerts' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    await page.getByRole('link', { name: 'Search' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-name');
    // The skip link is the page's first stop, and Shift+Tab from the field walks back to it.
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(await page.evaluate(() => document.querySelector('a[href], button, input, select, textarea')?.textContent)).toMatch(/skip/i);
    for (let i = 0; i < 20 && !/skip/i.test(await focused()); i++) await page.keyboard.press('Shift+Tab');
    expect(await focused()).toMatch(/skip/i);
    // Back in the field, what is typed is the name screened.
    await page.getByLabel('Name').focus();
    await page.keyboard.type('Андрей Сербин');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'SERBIN, Andrey' }).first().waitFor();
  });

  it('finds SERBIN, Andrey for "Andrei Serbin" and explains the match', async () => {
    await signIn('ann');
    await page.getByLabel('Name').fill('Andrei Serbin');
    await page.getByRole('button', { name: 'Screen' }).click();
    const result = page.getByRole('link', { name: 'SERBIN, Andrey' }).first();
    await result.waitFor();
    const text = await page.locator('main').innerText();
    // The explanation in words: the names that aligned, the romanisation variant, and the verdict.
    expect(text).toMatch(/andrei/i);
    expect(text).toMatch(/andrey/i);
    expect(text).toMatch(/romanisation|spelling/i);
    expect(text).toMatch(/alert/i);
    await photograph(page, '02-search-andrei-serbin');

    await result.click();
    await page.getByRole('heading', { level: 1, name: 'SERBIN, Andrey' }).waitFor();
    const profile = await page.locator('main').innerText();
    expect(profile).toContain('DPRK3');
    expect(profile).toMatch(/1986/);
    await photograph(page, '03-profile-serbin');
  });

  it('follows a relationship from a profile to the related record’s profile', async () => {
    await page.goto('/entities/ofac%3A22608'); // KIRAKOSYAN, Ruben Ruslanovich: "Linked To: GEFEST-M LLC"
    await page.getByRole('heading', { level: 1, name: /KIRAKOSYAN/ }).waitFor();
    await photograph(page, '04-profile-with-relationships');
    // Click the node in the drawn graph (the list beside it links the same profiles).
    await page.locator('svg a', { hasText: 'GEFEST-M LLC' }).click();
    await page.getByRole('heading', { level: 1, name: 'GEFEST-M LLC' }).waitFor();
    await photograph(page, '05-related-profile');
  });

  it('opens an alert for a customer, and closes it as a false positive only with a second analyst', async () => {
    await signIn('ann');
    await page.getByLabel('Name').fill('Andrey Serbin');
    await page.getByLabel('Customer key').fill('CUST-1001');
    await page.getByRole('button', { name: 'Screen' }).click();
    await page.getByRole('link', { name: 'SERBIN, Andrey' }).first().waitFor();

    await page.getByRole('link', { name: 'Alerts' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'CUST-1001' }).first();
    await row.waitFor();
    await photograph(page, '06-alert-queue');
    // On a phone each alert is a card that keeps its score and status in view, within the screen's width.
    await page.setViewportSize(PHONE);
    for (const label of ['Score', 'Status']) {
      const cell = row.locator(`td[data-label="${label}"]`);
      expect(await cell.isVisible(), label).toBe(true);
      const box = (await cell.boundingBox())!;
      expect(box.x, label).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, label).toBeLessThanOrEqual(PHONE.width);
    }
    await page.setViewportSize({ width: 1366, height: 820 });
    // The row is the customer's case; its review decides every undecided match at once, with a reason code.
    await row.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: 'Case review' }).waitFor();
    await page.getByLabel('Reason code').selectOption({ label: 'Different date of birth' });
    await page.getByLabel('Reason', { exact: true }).fill('Customer born 1990 in Minsk; passport differs');
    await page.getByRole('button', { name: 'False positive' }).click();
    await expect.poll(() => page.locator('main').innerText()).toMatch(/pending.approval/i);
    await photograph(page, '07-review-pending-approval');
    const reviewUrl = page.url();

    // The same person may not approve their own false positive: the page says so and offers only Reject.
    await expect.poll(() => page.locator('main').innerText()).toMatch(/You proposed it, so approval needs another person/);
    expect(await page.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);

    await signIn('bob', { width: 1920, height: 1080 });
    await page.goto(reviewUrl);
    await page.getByRole('heading', { level: 1, name: 'Case review' }).waitFor();
    await page.getByLabel('Reason code').selectOption({ label: 'Second review agrees' });
    await page.getByLabel('Reason', { exact: true }).fill('Agreed: different date of birth and passport');
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => page.locator('main').innerText()).toMatch(/bob · Approved the false positive · Second review agrees/);
    const history = await page.locator('main').innerText();
    expect(history).toMatch(/ann · False positive · Different date of birth: Customer born 1990 in Minsk/);
    await photograph(page, '08-review-approved-large-monitor');
  });

  it('shows the 2021 → 2023 SDN difference with North Korea designations among the additions', async () => {
    await signIn('ann');
    await page.getByRole('link', { name: 'Lists' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Lists' }).waitFor();
    const choose = async (field: string, date: string) => {
      const select = page.getByLabel(field);
      const value = await select.locator('option', { hasText: date }).first().getAttribute('value');
      await select.selectOption(value!);
    };
    await choose('From', '2021-07-07');
    await choose('To', '2023-12-28');
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByText('5,637').first().waitFor();
    await photograph(page, '09-list-difference', false);
    await page.getByRole('button', { name: /^Show all [\d,]+ records$/ }).click();
    const diff = await page.locator('main').innerText();
    expect(diff).toContain('792');
    // Designated under the DPRK programmes between the two publications.
    for (const designated of ['SOIN, Dmitriy Yurevich', 'KANG, Phyong Guk', 'KWEK, Kee Seng']) expect(diff).toContain(designated);
  });

  it('shows profiles that read well: UN aliases without quotes, the remark once, links that say why (issue 16 point 7)', async () => {
    // Its own session over the bundled SDN and UN lists, so that records link across lists.
    const session = await signedInAnalyst(['ofac-sdn/2023-12-28', 'un-sc/2026-02-27']);
    try {
      const p = session.page;
      await p.goto('/entities/un%3AKPe.001');
      await p.getByRole('heading', { level: 1, name: 'KOREA MINING DEVELOPMENT TRADING CORPORATION' }).waitFor();
      const names = await p.getByRole('region', { name: 'Names' }).innerText();
      expect(names).toMatch(/^KOMID\b/m);
      expect(names).not.toMatch(/["“”]KOMID/);
      const links = p.getByRole('region', { name: 'Same party on other lists' });
      const ofac = links.getByRole('listitem').filter({ hasText: 'ofac:9345' });
      // The primary names are the same: the evidence says so rather than "same name: <the name again>".
      expect(await ofac.innerText()).toContain('identical primary names');
      expect(await links.innerText()).not.toMatch(/same name \(organisations\)/);
      await photograph(p, '11-profile-komid-un');

      await p.goto('/entities/ofac%3A21736');
      await p.getByRole('heading', { level: 1, name: 'JANG, Sung Nam' }).waitFor();
      const un = p.getByRole('region', { name: 'Same party on other lists' }).getByRole('listitem').filter({ hasText: 'un:KPi.057' });
      expect(await un.innerText()).toMatch(/same passport 563120368; same name and birth date \(1970-07-14\)/);
      // The remark once: its facts are in the fields, the whole text one click away.
      const remarks = p.getByRole('region', { name: 'Remarks' });
      expect(await remarks.locator('.notes').allInnerTexts()).not.toContainEqual(expect.stringContaining('DOB 14 Jul 1970'));
      await remarks.getByText('The remark as the list writes it').click();
      expect(await remarks.innerText()).toContain('DOB 14 Jul 1970; Gender Male;');
      await photograph(p, '12-profile-jang-links');
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('shows the audit trail with its verification', async () => {
    await signIn('admin');
    await page.getByRole('link', { name: 'Audit' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Audit' }).waitFor();
    await expect.poll(() => page.locator('main').innerText()).toMatch(/chain intact/i);
    await page.getByRole('cell', { name: 'decision' }).first().waitFor();
    const trail = await page.locator('main').innerText();
    expect(trail).toContain('user:bob');
    await photograph(page, '10-audit');
  });
});
